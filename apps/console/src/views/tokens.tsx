import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../lib/format';
import { errorMessage, trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/dialog';
import { SelectField, TextField } from '../ui/field';
import { ScopePicker } from '../ui/scope-picker';
import { SecretReveal } from '../ui/secret-reveal';
import { Empty, QueryView } from '../ui/states';
import { useToast } from '../ui/toast';

type Tier = 'free' | 'pro' | 'enterprise';

const ScopeList = ({ scopes }: { scopes: string[] }) => {
  const chips = (list: string[]) => <ul className="chips">{list.map((s) => <li key={s}><code>{s}</code></li>)}</ul>;
  if (scopes.length <= 4) return chips(scopes);
  return (
    <>
      {chips(scopes.slice(0, 3))}
      <details><summary>{scopes.length - 3} more scopes</summary>{chips(scopes.slice(3))}</details>
    </>
  );
};

const CreateTokenDialog = ({ shopId }: { shopId: string }) => {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [tier, setTier] = useState<Tier>('free');
  const [scopes, setScopes] = useState<string[]>([]);
  const catalogue = useQuery({ ...trpc.tokens.catalogue.queryOptions(), staleTime: Infinity });
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async () => {
        toast.success('Token created. Copy the secret now.');
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey({ shopId }) });
      },
    }),
  );
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      // The secret leaves memory with the dialog.
      create.reset();
      setName('');
      setScopes([]);
      setTier('free');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ shopId, name, tier, scopes: scopes as never });
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>Create token</Button>
      <FormDialog open={open} onOpenChange={close} title={create.data ? 'Token created' : 'Create an API token'} description="Tokens belong to this shop only. Give each integration its own, with the fewest scopes it needs.">
        {create.data ? (
          <div className="stack">
            <SecretReveal secret={create.data.secret} what="token" />
            <div className="dialog-actions"><Button variant="primary" onClick={() => close(false)}>Done</Button></div>
          </div>
        ) : (
          <form onSubmit={submit} className="stack">
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} placeholder="ERP order sync" required autoFocus />
            <SelectField label="Rate-limit tier" value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
              {(catalogue.data?.tiers ?? []).map((t) => <option key={t.name} value={t.name}>{t.name} — {t.limit} requests / {t.windowSeconds} s</option>)}
            </SelectField>
            {catalogue.data ? <ScopePicker groups={catalogue.data.scopeGroups} value={scopes} onChange={setScopes} /> : <p role="status">Loading scopes…</p>}
            {create.error ? <p className="form-error" role="alert">{errorMessage(create.error)}</p> : null}
            <div className="dialog-actions">
              <Button onClick={() => close(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={!name || scopes.length === 0 || create.isPending}>{create.isPending ? 'Creating…' : 'Create token'}</Button>
            </div>
          </form>
        )}
      </FormDialog>
    </>
  );
};

export const TokensView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/tokens' });
  const { me } = useRouteContext({ from: '/_app' });
  const tokens = useQuery(trpc.tokens.list.queryOptions({ shopId }));
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        toast.success('Token revoked. Requests with it are refused from now on.');
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey({ shopId }) });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <div>
      <div className="toolbar">
        <p className="hint">Admin API tokens (<code>Authorization: Bearer copt_live_…</code>) for server-to-server integrations.</p>
        <span className="spacer" />
        {me.canWrite ? <CreateTokenDialog shopId={shopId} /> : <p className="hint" role="note">Viewers cannot create or revoke tokens.</p>}
      </div>
      <QueryView query={tokens} loadingLabel="Loading tokens…" isEmpty={(d) => d.length === 0} empty={<Empty title="No tokens for this shop yet." />}>
        {(rows) => (
          <div className="table-wrap"><table>
            <caption className="sr-only">API tokens</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Token</th><th scope="col">Scopes</th><th scope="col">Tier</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'muted' : undefined} data-token-id={t.id}>
                  <td>{t.name}</td>
                  <td><code>{t.prefix}…{t.lastFour}</code></td>
                  <td><ScopeList scopes={t.scopes} /></td>
                  <td>{t.tier}</td>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td>{t.revokedAt ? <span className="badge badge-bad">revoked</span> : <span className="badge badge-ok">active</span>}</td>
                  <td>
                    {me.canWrite && !t.revokedAt ? (
                      <ConfirmDialog
                        trigger={<Button variant="danger" aria-label={`Revoke ${t.name}`}>Revoke</Button>}
                        title={`Revoke “${t.name}”?`}
                        description="Every request with this token is refused from now on. This cannot be undone."
                        confirmLabel="Revoke token"
                        onConfirm={() => revoke.mutate({ shopId, tokenId: t.id })}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </QueryView>
    </div>
  );
};
