export * from './agencies';
export * from './shops';
export * from './tokens';
export * from './customers';
export * from './products';
export * from './orders';
export * from './idempotency';
export * from './usage';
export { APP_ROLE_NAME } from './columns';
