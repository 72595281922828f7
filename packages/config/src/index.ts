export { ConfigError, loadConfig, type Config } from './load';
export { ZEnv, type Env } from './schema';
export { resolvePlatformSecret } from './secret';
