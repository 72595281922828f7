export { createCustomers, createOrder, createTenant, createToken, type CustomerInput, type TestTenant } from './factories';
