import type { z } from 'zod';

/**
 * A payload that can never be processed, however often it is retried: the stored row is
 * marked failed with this message instead of the job being retried.
 */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

/** The first few zod issues as `path: message`, readable in the console's inbound log. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');

export const parseOrFail = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new PayloadError(`${what} is malformed: ${describeIssues(parsed.error)}`);
  return parsed.data;
};

/** JSON.parse's own message may quote the body; ours never does (bodies are not logged). */
export const parseJson = (raw: string): unknown => {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new PayloadError('the body is not valid JSON');
  }
};

/**
 * Data errors PostgreSQL raises for values it cannot store (SQLSTATE class 22: out of range,
 * invalid datetime, …) are the payload's fault too; anything else (connections, deadlocks)
 * is transient and must be retried.
 */
export const isPayloadFailure = (err: unknown): boolean => {
  if (err instanceof PayloadError) return true;
  const codes = [err, (err as { cause?: unknown } | null)?.cause].map((e) => (e as { code?: unknown } | null | undefined)?.code);
  return codes.some((code) => typeof code === 'string' && code.startsWith('22'));
};
