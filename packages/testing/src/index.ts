export { createCustomers, createOrder, createTenant, createToken, createTouchpoints, type CustomerInput, type TestTenant } from './factories';
