import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export type LoadResult = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total: number };

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

type Raw = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };

/**
 * autocannon in its own process, so the load generator does not share the server's event
 * loop; a warm-up, then the measured run; one server at a time.
 */
const run = (url: string, seconds: number, headers: Record<string, string>): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const args = [cli, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Raw) : reject(new Error(`autocannon exited ${code}`))));
  });

export const load = async (url: string, headers: Record<string, string> = {}): Promise<LoadResult> => {
  await run(url, Math.max(2, Math.round(SECONDS / 3)), headers);
  const raw = await run(url, SECONDS, headers);
  return { rps: raw.requests.average, p50: raw.latency.p50, p99: raw.latency.p99, non2xx: raw.non2xx, errors: raw.errors, total: raw.requests.total };
};

export const describeLoad = (name: string, r: LoadResult): string =>
  `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
