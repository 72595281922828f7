import type { AnyEndpoint, OperationKind } from '../pipeline/endpoint';

const lastSegmentIsParam = (path: string) => /\/:\w+$/.test(path);

const queryKeys = (e: AnyEndpoint): string[] => {
  const shape = typeof e.query === 'object' ? (e.query as { shape?: Record<string, unknown> }).shape : undefined;
  return shape ? Object.keys(shape) : [];
};

/**
 * What an operation does, when its declaration does not say. Derived from method and path so a
 * new endpoint is documented correctly without extra fields in the common cases:
 * a POST creates only when it posts to a collection of its own resource that can also be listed
 * (`/products`, `/journeys/:id/enrollments`); any other POST (`/campaigns/:id/launch`) is an action.
 */
export const operationKindOf = (e: AnyEndpoint, all: readonly AnyEndpoint[]): OperationKind => {
  if (e.operation) return e.operation;
  switch (e.method) {
    case 'delete':
      return 'delete';
    case 'patch':
    case 'put':
      return lastSegmentIsParam(e.path) ? 'update' : 'bulk';
    case 'post': {
      if (e.path.endsWith('/bulk')) return 'bulk';
      const listed = all.some((other) => other.method === 'get' && other.path === e.path && other.resource === e.resource);
      return e.resource && listed ? 'create' : 'action';
    }
    case 'get':
      if (lastSegmentIsParam(e.path)) return 'get';
      return e.query === 'raw' || queryKeys(e).includes('cursor') ? 'list' : 'get';
  }
};

export const successStatusOf = (e: AnyEndpoint, kind: OperationKind): number =>
  e.successStatus ?? (kind === 'create' ? 201 : kind === 'delete' ? 204 : 200);

/** The methods the pipeline runs through the idempotency store (pipeline/execute.ts). */
export const isIdempotentWrite = (e: AnyEndpoint) => e.method === 'post' || e.method === 'patch';
