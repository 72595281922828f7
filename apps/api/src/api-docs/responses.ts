import { ERROR_CODES, type ErrorCode } from '@sumeru/errors';

const EXAMPLE_REQUEST_ID = 'req_2xV9kQ4mN7pR3sT6wY8zAb';

/** Components shared by every document: the error envelope, pagination and the standard headers. */
export const sharedComponents = {
  schemas: {
    ErrorEnvelope: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'details', 'request_id'],
          properties: {
            code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'Stable and machine-readable; branch on it, not on the message' },
            message: { type: 'string', description: 'For people; may change' },
            details: { type: 'object', additionalProperties: true, description: 'e.g. `field` for validation_failed, `missing_scope` for forbidden' },
            request_id: { type: 'string', pattern: '^req_', description: 'The X-Request-Id of the response; cite it when contacting support' },
          },
        },
      },
    },
    ResourceIdentifier: { type: 'object', required: ['type', 'id'], properties: { type: { type: 'string' }, id: { type: 'string' } } },
    ResourceObject: {
      type: 'object',
      required: ['id', 'type', 'attributes'],
      description: 'A related resource in `included`; its `type` says which',
      properties: { id: { type: 'string' }, type: { type: 'string' }, attributes: { type: 'object', additionalProperties: true }, relationships: { type: 'object', additionalProperties: true } },
    },
    Pagination: { type: 'object', required: ['next_cursor', 'has_next'], properties: { next_cursor: { type: ['string', 'null'] }, has_next: { type: 'boolean' } } },
  },
  headers: {
    'X-Request-Id': { description: 'Cite it when contacting support', schema: { type: 'string' } },
    'X-Sumeru-Stability': { description: 'The stability of the operation', schema: { type: 'string', enum: ['stable', 'beta', 'experimental', 'deprecated'] } },
    'X-RateLimit-Limit': { description: 'Requests allowed per window for this token', schema: { type: 'integer' } },
    'X-RateLimit-Remaining': { description: 'Requests left in this window', schema: { type: 'integer' } },
    'X-RateLimit-Reset': { description: 'Epoch seconds when the window resets', schema: { type: 'integer' } },
    RateLimit: { description: 'IETF draft: `"<policy>";r=<remaining>;t=<seconds>`', schema: { type: 'string' } },
    'RateLimit-Policy': { description: 'IETF draft: `"<policy>";q=<limit>;w=<window>`', schema: { type: 'string' } },
    'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
    'Idempotent-Replayed': { description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
  },
};

export const headerRefs = (names: string[]) => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
export const COMMON_HEADERS = headerRefs(['X-Request-Id', 'X-Sumeru-Stability', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy']);

const EXAMPLE_DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  forbidden: { missing_scope: 'customers:write' },
  validation_failed: { field: 'limit' },
  idempotency_conflict: { reason: 'in_progress' },
  conflict: { status: 'sent', action: 'launch' },
};

/** One example per code with this status, straight from the code table. */
const examplesFor = (status: number) =>
  Object.fromEntries(
    (Object.entries(ERROR_CODES) as [ErrorCode, { status: number; message: string }][])
      .filter(([, c]) => c.status === status)
      .map(([code, c]) => [code, { value: { error: { code, message: c.message, details: EXAMPLE_DETAILS[code] ?? {}, request_id: EXAMPLE_REQUEST_ID } } }]),
  );

const error = (status: number, description: string, extraHeaders: string[] = []) => ({
  description,
  headers: headerRefs(['X-Request-Id', ...extraHeaders]),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' }, examples: examplesFor(status) } },
});

export type ErrorOptions = { hasBody: boolean; hasId: boolean; notFound?: string; scoped: boolean; idempotent: boolean; unauthenticated: string; forbidden?: string };

/** The error responses an operation can give. 405 is not per operation: it answers methods a path lacks. */
export const errorResponses = (o: ErrorOptions) => ({
  ...(o.hasBody ? { '400': error(400, 'Malformed JSON (bad_request)'), '413': error(413, 'Body too large (payload_too_large)'), '415': error(415, 'Not application/json (unsupported_media_type)') } : {}),
  '401': error(401, o.unauthenticated),
  ...(o.scoped ? { '403': error(403, 'The token lacks the scope; details.missing_scope names it (forbidden)') } : o.forbidden ? { '403': error(403, o.forbidden) } : {}),
  ...(o.hasId || o.notFound ? { '404': error(404, o.notFound ?? 'No such resource in this shop (not_found)') } : {}),
  ...(o.idempotent ? { '409': error(409, 'idempotency_conflict (same key, other request, or still in progress: then with Retry-After) or conflict (illegal state transition)', ['Retry-After']) } : {}),
  '422': error(422, 'A parameter or attribute is invalid; details.field names it (validation_failed)'),
  '429': error(429, 'Rate limited (rate_limited)', ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy', 'Retry-After']),
  '500': error(500, 'Unexpected failure; nothing internal is disclosed (internal_error)'),
  '503': error(503, 'A dependency is unavailable (service_unavailable)', ['Retry-After']),
});
