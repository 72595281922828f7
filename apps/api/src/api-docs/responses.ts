import { ERROR_CODES } from '@sumeru/errors';

/** Components shared by both documents: the error envelope and the standard headers. */
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
            code: { type: 'string', enum: Object.keys(ERROR_CODES) },
            message: { type: 'string' },
            details: { type: 'object', additionalProperties: true, description: 'e.g. `field` for validation_failed, `missing_scope` for forbidden' },
            request_id: { type: 'string', pattern: '^req_' },
          },
        },
      },
    },
    Pagination: { type: 'object', required: ['next_cursor', 'has_next'], properties: { next_cursor: { type: ['string', 'null'] }, has_next: { type: 'boolean' } } },
  },
  headers: {
    'X-Request-Id': { description: 'Cite it when contacting support', schema: { type: 'string' } },
    'X-Sumeru-Stability': { description: 'stable, beta, experimental or deprecated', schema: { type: 'string' } },
    'X-RateLimit-Limit': { schema: { type: 'integer' } },
    'X-RateLimit-Remaining': { schema: { type: 'integer' } },
    'X-RateLimit-Reset': { description: 'Epoch seconds', schema: { type: 'integer' } },
    RateLimit: { description: 'IETF draft: `"<policy>";r=<remaining>;t=<seconds>`', schema: { type: 'string' } },
    'RateLimit-Policy': { description: 'IETF draft: `"<policy>";q=<limit>;w=<window>`', schema: { type: 'string' } },
    'Retry-After': { schema: { type: 'integer' } },
  },
};

const headerRefs = (names: string[]) => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
export const COMMON_HEADERS = headerRefs(['X-Request-Id', 'X-Sumeru-Stability', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy']);

const error = (description: string, extraHeaders: string[] = []) => ({
  description,
  headers: { ...headerRefs(['X-Request-Id']), ...headerRefs(extraHeaders) },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
});

/** The error responses an operation can give, from the one code table. */
export const errorResponses = (options: { hasBody: boolean; hasId: boolean; scoped: boolean; idempotent: boolean }) => ({
  ...(options.hasBody ? { '400': error('Malformed JSON (bad_request)'), '413': error('Body too large (payload_too_large)'), '415': error('Not application/json (unsupported_media_type)') } : {}),
  '401': error('Missing, malformed, unknown or revoked token (unauthenticated)'),
  ...(options.scoped ? { '403': error('The token lacks the scope; details.missing_scope names it (forbidden)') } : {}),
  ...(options.hasId ? { '404': error('No such resource in this shop (not_found)') } : {}),
  ...(options.idempotent ? { '409': error('idempotency_conflict (same key, other request, or still in progress) or conflict (illegal state transition)') } : {}),
  '422': error('A parameter or attribute is invalid; details.field names it (validation_failed)'),
  '429': error('Rate limited', ['Retry-After']),
  '500': error('internal_error'),
  '503': error('service_unavailable', ['Retry-After']),
});
