export { CHROMIUM_PATH, launchChromium } from './chromium';
export * from './http-harness';
