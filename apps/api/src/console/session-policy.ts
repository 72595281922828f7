/** How long a console session lives; one place so the server and its tests agree. */
export const SESSION_POLICY = {
  /** Signed out after this long without a request. */
  idleSeconds: 2 * 60 * 60,
  /** Signed out this long after sign-in, however active. */
  absoluteSeconds: 12 * 60 * 60,
  /** last_seen_at is written at most this often, so reads do not each cost a write. */
  touchEverySeconds: 60,
} as const;

/** Sign-in attempts, counted before the password is checked, for known and unknown emails alike. */
export const SIGN_IN_LIMITS = {
  perAccount: { name: 'console-sign-in-account', limit: 10, windowSeconds: 15 * 60 },
  perIp: { name: 'console-sign-in-ip', limit: 30, windowSeconds: 15 * 60 },
} as const;

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-sumeru_session' : 'sumeru_session');
