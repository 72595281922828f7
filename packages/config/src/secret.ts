import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './load';

/**
 * The platform secret signs cursors and seals stored integration secrets. Production sets
 * SUMERU_SECRET (the same on every replica); the embedded default keeps a generated one in
 * the data folder (mode 0600) so it survives restarts.
 */
export const resolvePlatformSecret = (config: Config): string => {
  if (config.SUMERU_SECRET) return config.SUMERU_SECRET;
  const file = path.join(config.dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};
