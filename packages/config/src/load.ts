import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZEnv, type Env } from './schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Config = Env & {
  /** Where embedded PostgreSQL keeps its data and where the dev secret lives. */
  dataDir: string;
  /** True when no DATABASE_URL is set and Sumeru runs its own PostgreSQL. */
  embedded: boolean;
};

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Parses the environment once, at the edge of an app. Every problem is reported at once,
 * each naming its variable, so a misconfigured deploy fails with one readable message.
 */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (!config.DATABASE_URL) problems.push('DATABASE_URL: required when NODE_ENV=production');
    if (!config.SUMERU_SECRET) problems.push('SUMERU_SECRET: required when NODE_ENV=production (shared by every replica)');
    if (config.WEBHOOKS_ALLOW_PRIVATE_TARGETS) problems.push('WEBHOOKS_ALLOW_PRIVATE_TARGETS: not allowed when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...config,
    dataDir: path.resolve(REPO_ROOT, config.SUMERU_DATA_DIR ?? '.data'),
    embedded: !config.DATABASE_URL,
  };
};
