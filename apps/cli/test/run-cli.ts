import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/sumeru.js', import.meta.url));

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** The shared secret every CLI run in the tests seals with; long enough for the config schema. */
export const TEST_SECRET = 'cli-test-platform-secret-0123456789abcdef';

/** Runs the CLI as operators do, in its own process, against `databaseUrl`. */
export const runCli = (args: string[], databaseUrl: string): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SUMERU_SECRET: TEST_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** Nothing listens here: a command that tried to connect would fail differently. */
export const UNREACHABLE_URL = 'postgres://nobody@127.0.0.1:9/nowhere';
