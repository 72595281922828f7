import { ConfigError } from '@sumeru/config';

/** An expected failure: printed as one `error: …` line on stderr, exit code 1, no stack. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Results go to stdout, so `--json` output can be piped; everything else goes to stderr. */
export const printResult = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

export const printJson = (value: unknown): void => printResult(JSON.stringify(value, null, 2));

export const logProgress = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/**
 * The one line an operator sees for a failure. drizzle wraps driver errors in a message that
 * repeats the SQL and its parameters (which may include secrets); the driver's cause is the
 * part worth showing.
 */
export const describeError = (err: unknown): string => {
  if (err instanceof CliError) return err.message;
  if (err instanceof ConfigError) return `invalid configuration: ${err.problems.join('; ')}`;
  const cause = (err as { cause?: unknown } | null)?.cause;
  const source = cause instanceof Error ? cause : err;
  const message = source instanceof Error ? source.message : String(source);
  return message.split('\n')[0] ?? 'unknown error';
};
