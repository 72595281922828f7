import { describe, expect, it } from 'vitest';
import { runCli, UNREACHABLE_URL, type CliRun } from './run-cli';

const expectOneLineError = (run: CliRun, pattern: RegExp) => {
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
};

// None of these reach the database: the URL points nowhere and the errors name the argument.
describe.concurrent('argument errors', () => {
  it('rejects an unknown command', async () => {
    expectOneLineError(await runCli(['frobnicate'], UNREACHABLE_URL), /unknown command 'frobnicate'/);
  });

  it('rejects an unknown option', async () => {
    expectOneLineError(await runCli(['migrate', '--force'], UNREACHABLE_URL), /unknown option '--force'/);
  });

  it('rejects an unknown scope, naming it', async () => {
    expectOneLineError(await runCli(['token', 'create', '--shop', 'shp_x', '--scopes', 'customers:read,customers:delete'], UNREACHABLE_URL), /customers:delete/);
  });

  it('rejects an unknown tier, listing the allowed ones', async () => {
    expectOneLineError(await runCli(['token', 'create', '--shop', 'shp_x', '--scopes', 'customers:read', '--tier', 'gold'], UNREACHABLE_URL), /free, pro, enterprise/);
  });

  it('rejects a missing required option or argument', async () => {
    expectOneLineError(await runCli(['token', 'create', '--scopes', 'customers:read'], UNREACHABLE_URL), /--shop/);
    expectOneLineError(await runCli(['token', 'revoke'], UNREACHABLE_URL), /token_id/);
  });

  it('reports an unreachable database in one line', async () => {
    expectOneLineError(await runCli(['migrate'], UNREACHABLE_URL), /ECONNREFUSED|connect/);
  });

  it('prints help on --help and exits 0', async () => {
    const run = await runCli(['--help'], UNREACHABLE_URL);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: sumeru/);
    for (const command of ['migrate', 'demo', 'token']) expect(run.stdout).toContain(command);
    const create = await runCli(['token', 'create', '--help'], UNREACHABLE_URL);
    expect(create.code).toBe(0);
    expect(create.stdout).toMatch(/--scopes/);
  });
});
