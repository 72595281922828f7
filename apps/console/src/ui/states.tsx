import type { ReactNode } from 'react';
import { errorMessage } from '../lib/trpc';
import { Button } from './button';

export const Loading = ({ label = 'Loading…' }: { label?: string }) => (
  <div className="state state-loading" role="status" aria-live="polite">
    <span className="spinner" aria-hidden="true" />
    {label}
  </div>
);

export const Empty = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="state state-empty">
    <p className="state-title">{title}</p>
    {children}
  </div>
);

export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <div className="state state-error" role="alert">
    <p className="state-title">Could not load this.</p>
    <p>{errorMessage(error)}</p>
    {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
  </div>
);

type QueryLike<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** Loading, error and empty states for one query, in one place. */
export const QueryView = <T,>({ query, isEmpty, empty, children, loadingLabel }: { query: QueryLike<T>; isEmpty?: (data: T) => boolean; empty?: ReactNode; loadingLabel?: string; children: (data: T) => ReactNode }) => {
  if (query.isPending) return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty title="Nothing here yet." />}</>;
  return <>{children(query.data)}</>;
};
