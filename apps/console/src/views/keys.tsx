import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useRouteContext } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDateTime } from '../lib/format';
import { errorMessage, trpc, type RouterOutputs } from '../lib/trpc';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { Empty, QueryView } from '../ui/states';
import { useToast } from '../ui/toast';

type Key = RouterOutputs['keys']['list'][number];

/** Client-side check that mirrors the server's: an origin only, https (http for localhost). */
export const checkOrigin = (value: string): string | null => {
  try {
    const url = new URL(value);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'must use https (http only for localhost)';
    if (url.pathname !== '/' || url.search || url.hash || url.username) return 'must be an origin only, without a path';
    if (url.hostname.includes('*')) return 'wildcards are not allowed';
    return null;
  } catch {
    return 'is not a URL';
  }
};

const OriginsEditor = ({ shopId, k, canWrite }: { shopId: string; k: Key; canWrite: boolean }) => {
  const [text, setText] = useState(k.allowedOrigins.join('\n'));
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation(
    trpc.keys.setOrigins.mutationOptions({
      onSuccess: async () => {
        toast.success('Allowed origins saved.');
        await queryClient.invalidateQueries({ queryKey: trpc.keys.list.queryKey({ shopId }) });
      },
    }),
  );
  const origins = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const problems = origins.map((o) => [o, checkOrigin(o)] as const).filter(([, p]) => p);
  const id = `origins-${k.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>Allowed storefront origins (one per line)</label>
      <textarea id={id} rows={Math.max(3, origins.length + 1)} value={text} onChange={(e) => setText(e.target.value)} readOnly={!canWrite} aria-describedby={`${id}-hint`} placeholder="https://shop.example.com" />
      <p id={`${id}-hint`} className="hint">Browsers on these origins may call <code>/api/public</code> without sending the key.</p>
      {problems.length > 0 ? <ul className="field-error" role="alert">{problems.map(([o, p]) => <li key={o}>{o} {p}</li>)}</ul> : null}
      {save.error ? <p className="form-error" role="alert">{errorMessage(save.error)}</p> : null}
      {canWrite ? <Button variant="primary" disabled={problems.length > 0 || save.isPending} onClick={() => save.mutate({ shopId, keyId: k.id, origins })}>{save.isPending ? 'Saving…' : 'Save origins'}</Button> : null}
    </div>
  );
};

export const KeysView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/keys' });
  const { me } = useRouteContext({ from: '/_app' });
  const keys = useQuery(trpc.keys.list.queryOptions({ shopId }));
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.keys.list.queryKey({ shopId }) });
  const create = useMutation(trpc.keys.create.mutationOptions({ onSuccess: async () => { toast.success('Publishable key created.'); await refresh(); }, onError: (e) => toast.error(errorMessage(e)) }));
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: async () => { toast.success('Key revoked.'); await refresh(); }, onError: (e) => toast.error(errorMessage(e)) }));
  return (
    <div>
      <div className="toolbar">
        <p className="hint">Publishable keys (<code>pk_live_…</code>) are public by design: they go into storefront pages for the pixel and widgets.</p>
        <span className="spacer" />
        {me.canWrite ? <Button variant="primary" onClick={() => create.mutate({ shopId })} disabled={create.isPending}>New publishable key</Button> : null}
      </div>
      <QueryView query={keys} loadingLabel="Loading keys…" isEmpty={(d) => d.length === 0} empty={<Empty title="No publishable keys." />}>
        {(rows) => (
          <div className="stack">
            {rows.map((k) => (
              <article key={k.id} className={`card${k.revokedAt ? ' muted' : ''}`} aria-label={`Publishable key ${k.key}`}>
                <div className="secret-row">
                  <code>{k.key}</code>
                  <CopyButton value={k.key} label="Copy key" />
                  <span className="hint">created {formatDateTime(k.createdAt)}</span>
                  <span className="spacer" />
                  {k.revokedAt ? <span className="badge badge-bad">revoked</span> : me.canWrite ? (
                    <ConfirmDialog trigger={<Button variant="danger">Revoke</Button>} title="Revoke this publishable key?" description="Storefronts that embed it stop working until they use another key." confirmLabel="Revoke key" onConfirm={() => revoke.mutate({ shopId, keyId: k.id })} />
                  ) : null}
                </div>
                {k.revokedAt ? null : <OriginsEditor shopId={shopId} k={k} canWrite={me.canWrite} />}
              </article>
            ))}
          </div>
        )}
      </QueryView>
    </div>
  );
};
