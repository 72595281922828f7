import postgres from 'postgres';
import { seedDemo } from '@sumeru/demo';
import { withAgency } from '@sumeru/db';
import { schema } from '@sumeru/db';
import { hashPassword } from '@sumeru/auth';
import { newId } from '@sumeru/domain';
import { TEST_SECRET, type TestApi } from './helpers/test-api';

/** Cheap scrypt for test operators; the stored hash carries its parameters. */
export const TEST_PASSWORD_PARAMS = { N: 2 ** 10, r: 8, p: 1 };

export type TrpcResponse = { status: number; headers: Headers; body: any; setCookies: string[] };

/**
 * A browser stand-in for the console's tRPC API over real HTTP: it keeps the session cookie,
 * sends the page's Origin and the CSRF header the console would send.
 */
export class ConsoleClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly api: { url: string }, readonly options: { origin?: string | null } = {}) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    const origin = this.options.origin === undefined ? this.api.url : this.options.origin;
    if (origin) headers.origin = origin;
    return headers;
  }

  private async read(response: Response): Promise<TrpcResponse> {
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      this.cookie = value ? `${name}=${value}` : null;
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, setCookies };
  }

  async query(path: string, input?: unknown, extraHeaders: Record<string, string> = {}): Promise<TrpcResponse> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.read(await fetch(`${this.api.url}/trpc/${path}${qs}`, { headers: this.headers(extraHeaders) }));
  }

  async mutate(path: string, input?: unknown, extraHeaders: Record<string, string> = {}): Promise<TrpcResponse> {
    const headers = this.headers({ 'content-type': 'application/json', ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}), ...extraHeaders });
    return this.read(await fetch(`${this.api.url}/trpc/${path}`, { method: 'POST', headers, ...(input === undefined ? {} : { body: JSON.stringify(input) }) }));
  }

  async signIn(email: string, password: string): Promise<TrpcResponse> {
    const response = await this.mutate('session.signIn', { email, password });
    if (response.status === 200) this.csrfToken = response.body.result.data.csrfToken;
    return response;
  }
}

export const dataOf = (response: TrpcResponse) => {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(response.body).slice(0, 400)}`);
  return response.body.result.data;
};

/** The console error body: tRPC's shape carrying the envelope's code, message, details and request id. */
export const errorOf = (response: TrpcResponse) => response.body?.error?.data?.error as { code: string; message: string; details: Record<string, unknown>; request_id: string };

export const seedConsoleDemo = (api: TestApi) =>
  seedDemo(api.deps.db, { platformSecret: TEST_SECRET, customersPerShop: 8, ordersPerShop: 12, productsPerShop: 5, passwordParams: TEST_PASSWORD_PARAMS });

export const addOperator = async (api: TestApi, agencyId: string, role: 'owner' | 'admin' | 'member' | 'viewer') => {
  const email = `${role}-${newId('operator').slice(-8).toLowerCase()}@example.test`;
  const password = `pw-${role}-correct-horse`;
  const passwordHash = await hashPassword(password, TEST_PASSWORD_PARAMS);
  await withAgency(api.deps.db, agencyId, (tx) => tx.insert(schema.operators).values({ id: newId('operator'), agencyId, email, name: role, role, passwordHash }));
  return { email, password };
};

/** A superuser connection to the test database, for arranging what HTTP cannot (e.g. an old session). */
export const openSuperuser = (api: TestApi) => postgres(api.database.url, { max: 1, onnotice: () => {} });
