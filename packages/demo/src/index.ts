export { seedDemo } from './seed-demo';
export { COUNTED_ORDER_STATUSES } from './build-orders';
export { createSeededRandom, type Random } from './random';
export { DEFAULT_SIZES, type DemoResult, type DemoShop, type SeedDemoOptions } from './types';
