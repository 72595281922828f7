export { canonicalJson, hashRequest, isValidKey } from './request-hash';
export { IDEMPOTENCY_WINDOW_HOURS, runIdempotent, type IdempotentRequest, type StoredResponse } from './run-idempotent';
