import { z } from 'zod';
import { validationError } from '@sumeru/errors';
import type { ResourceSpec } from './resource-spec';

/**
 * Request bodies are `{ "data": { "attributes": {…} } }` or a flat object of attributes.
 * Unknown and read-only attributes are refused by name before anything is validated.
 */
export const unwrapAttributes = (body: unknown): Record<string, unknown> => {
  if (body === undefined || body === null) throw validationError('data', 'a JSON object body is required');
  if (typeof body !== 'object' || Array.isArray(body)) throw validationError('data', 'the body must be a JSON object');
  const data = (body as { data?: unknown }).data;
  if (data !== undefined) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw validationError('data', 'data must be an object');
    const attributes = (data as { attributes?: unknown }).attributes;
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      throw validationError('data.attributes', 'data.attributes must be an object');
    }
    return attributes as Record<string, unknown>;
  }
  return body as Record<string, unknown>;
};

export const parseWritableAttributes = (spec: ResourceSpec, body: unknown, mode: 'create' | 'update'): Record<string, unknown> => {
  const attributes = unwrapAttributes(body);
  const names = Object.keys(attributes);
  if (mode === 'update' && names.length === 0) throw validationError('data.attributes', 'name at least one attribute to change');
  const readOnly = names.filter((n) => n in spec.attributes && !spec.attributes[n]!.write);
  if (readOnly.length > 0) throw validationError(readOnly[0]!, `${readOnly.join(', ')} ${readOnly.length > 1 ? 'are' : 'is'} read-only`, { read_only: readOnly });
  const unknown = names.filter((n) => !(n in spec.attributes));
  if (unknown.length > 0) throw validationError(unknown[0]!, `unknown attribute ${unknown.join(', ')}`, { unknown });
  const shape = Object.fromEntries(
    Object.entries(spec.attributes).filter(([, a]) => a.write).map(([n, a]) => [n, mode === 'update' ? a.write!.optional() : a.write!]),
  );
  const parsed = z.strictObject(shape).safeParse(attributes);
  if (!parsed.success) throw zodToValidationError(parsed.error);
  return parsed.data as Record<string, unknown>;
};

export const zodToValidationError = (error: z.ZodError, prefix = '') => {
  // An unknown key is reported on its parent; name the key itself.
  const errors = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { field: [prefix, ...path.map(String)].filter(Boolean).join('.'), message: issue.message };
  });
  const first = errors[0]!;
  return validationError(first.field || 'body', `${first.field ? `${first.field}: ` : ''}${first.message}`, { errors });
};
