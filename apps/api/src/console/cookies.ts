/** Reads one cookie from a Cookie header; malformed pairs are skipped, never thrown on. */
export const readCookie = (header: string | undefined, name: string): string | null => {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
};

export type CookieOptions = { secure: boolean; maxAgeSeconds: number };

/**
 * HttpOnly so scripts cannot read the session; SameSite=Lax so other sites cannot send it
 * with their POSTs; Secure in production (where the name also gets the `__Host-` prefix,
 * which browsers only accept with Secure, Path=/ and no Domain).
 */
export const serializeCookie = (name: string, value: string, options: CookieOptions): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
