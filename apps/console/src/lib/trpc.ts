import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ConsoleRouter } from '../../../api/src/console/router';

export type RouterOutputs = inferRouterOutputs<ConsoleRouter>;
export type RouterInputs = inferRouterInputs<ConsoleRouter>;

/**
 * The CSRF token the server hands out with the session (the cookie itself is HttpOnly). Every
 * mutation echoes it in a header; the server also checks Origin.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Only errors the server describes are worth retrying or showing as such; 4xx never retry. */
export const errorStatus = (error: unknown): number | null =>
  error instanceof TRPCClientError ? ((error.data as { httpStatus?: number } | undefined)?.httpStatus ?? null) : null;

export const errorMessage = (error: unknown): string => {
  if (error instanceof TRPCClientError) {
    const body = (error.data as { error?: { message?: string; request_id?: string } } | undefined)?.error;
    if (body?.message) return body.request_id ? `${body.message} (request ${body.request_id})` : body.message;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
};

let onUnauthenticated: () => void = () => {};
/** Called when any query answers 401 (session expired or signed out elsewhere). */
export const setUnauthenticatedHandler = (handler: () => void) => {
  onUnauthenticated = handler;
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (errorStatus(error) === 401) onUnauthenticated();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => {
        const status = errorStatus(error);
        return status !== null && status < 500 ? false : count < 2;
      },
    },
  },
});

export const trpcClient = createTRPCClient<ConsoleRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      headers: () => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<ConsoleRouter>({ client: trpcClient, queryClient });
