import * as Checkbox from '@radix-ui/react-checkbox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../lib/format';
import { errorMessage, trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { SecretReveal } from '../ui/secret-reveal';
import { Empty, QueryView } from '../ui/states';
import { useToast } from '../ui/toast';
import { DeliveryLog } from './webhook-deliveries';

const EventPicker = ({ types, value, onChange }: { types: readonly string[]; value: string[]; onChange: (next: string[]) => void }) => (
  <fieldset className="events">
    <legend>Events</legend>
    {types.map((type) => {
      const id = `evt-${type}`;
      return (
        <div key={type} className="scope-check">
          <Checkbox.Root id={id} className="checkbox" checked={value.includes(type)} onCheckedChange={(on) => onChange(on === true ? [...value, type] : value.filter((t) => t !== type))}>
            <Checkbox.Indicator className="checkbox-indicator">✓</Checkbox.Indicator>
          </Checkbox.Root>
          <label htmlFor={id}><code>{type}</code></label>
        </div>
      );
    })}
  </fieldset>
);

const EditEventsDialog = ({ shopId, endpoint }: { shopId: string; endpoint: { id: string; url: string; events: string[] } }) => {
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState(endpoint.events);
  const eventTypes = useQuery({ ...trpc.webhooks.eventTypes.queryOptions(), staleTime: Infinity, enabled: open });
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation(trpc.webhooks.setEvents.mutationOptions({
    onSuccess: async () => {
      toast.success('Subscriptions saved.');
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey({ shopId }) });
    },
  }));
  return (
    <>
      <Button onClick={() => { setEvents(endpoint.events); save.reset(); setOpen(true); }}>Edit events</Button>
      <FormDialog open={open} onOpenChange={setOpen} title="Event subscriptions" description={endpoint.url}>
        <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate({ shopId, endpointId: endpoint.id, events: events as never }); }}>
          <EventPicker types={eventTypes.data ?? []} value={events} onChange={setEvents} />
          {save.error ? <p className="form-error" role="alert">{errorMessage(save.error)}</p> : null}
          <div className="dialog-actions"><Button onClick={() => setOpen(false)}>Cancel</Button><Button type="submit" variant="primary" disabled={events.length === 0 || save.isPending}>Save</Button></div>
        </form>
      </FormDialog>
    </>
  );
};

const CreateEndpointDialog = ({ shopId }: { shopId: string }) => {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const eventTypes = useQuery({ ...trpc.webhooks.eventTypes.queryOptions(), staleTime: Infinity });
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(trpc.webhooks.create.mutationOptions({
    onSuccess: async () => {
      toast.success('Endpoint added. Copy its signing secret now.');
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey({ shopId }) });
    },
  }));
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) { create.reset(); setUrl(''); setDescription(''); setEvents([]); }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ shopId, url, events: events as never, ...(description ? { description } : {}) });
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>Add endpoint</Button>
      <FormDialog open={open} onOpenChange={close} title={create.data ? 'Endpoint added' : 'Add a webhook endpoint'} description="Sumeru signs every delivery (X-Sumeru-Signature and Standard Webhooks headers).">
        {create.data ? (
          <div className="stack"><SecretReveal secret={create.data.secret} what="signing secret" /><div className="dialog-actions"><Button variant="primary" onClick={() => close(false)}>Done</Button></div></div>
        ) : (
          <form className="stack" onSubmit={submit}>
            <TextField label="URL" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/webhooks/sumeru" required hint="https only; private and loopback addresses are refused." />
            <TextField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} />
            <EventPicker types={eventTypes.data ?? []} value={events} onChange={setEvents} />
            {create.error ? <p className="form-error" role="alert">{errorMessage(create.error)}</p> : null}
            <div className="dialog-actions"><Button onClick={() => close(false)}>Cancel</Button><Button type="submit" variant="primary" disabled={!url || events.length === 0 || create.isPending}>{create.isPending ? 'Adding…' : 'Add endpoint'}</Button></div>
          </form>
        )}
      </FormDialog>
    </>
  );
};

/** Operator notices (an endpoint disabled, …) until someone marks them read. */
const NoticesBanner = ({ shopId, canWrite }: { shopId: string; canWrite: boolean }) => {
  const notices = useQuery(trpc.webhooks.notices.queryOptions({ shopId }));
  const queryClient = useQueryClient();
  const toast = useToast();
  const markRead = useMutation(trpc.webhooks.markNoticeRead.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.notices.queryKey({ shopId }) }),
    onError: (e) => toast.error(errorMessage(e)),
  }));
  if (notices.error) return <p className="form-error" role="alert">Could not load notices: {errorMessage(notices.error)}</p>;
  if (!notices.data || notices.data.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      <ul>
        {notices.data.map((n) => (
          <li key={n.id} className="notice">
            <span role="img" aria-label="Warning">⚠</span>
            <span className="notice-message">{n.message} <span className="hint">{formatDateTime(n.createdAt)}</span></span>
            {canWrite ? <Button onClick={() => markRead.mutate({ shopId, noticeId: n.id })} disabled={markRead.isPending} aria-label={`Dismiss notice: ${n.message}`}>Dismiss</Button> : null}
          </li>
        ))}
      </ul>
    </section>
  );
};

export const WebhooksView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/webhooks' });
  const { me } = useRouteContext({ from: '/_app' });
  const endpoints = useQuery(trpc.webhooks.list.queryOptions({ shopId }));
  const queryClient = useQueryClient();
  const toast = useToast();
  const [rotated, setRotated] = useState<{ id: string; secret: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey({ shopId }) });
  const refreshAfterEnable = () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.webhooks.notices.queryKey({ shopId }) })]);
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({
    onSuccess: async (r) => { setRotated({ id: r.endpoint.id, secret: r.secret }); toast.success('Secret rotated. The previous one keeps signing for 24 hours.'); await refresh(); },
    onError: (e) => toast.error(errorMessage(e)),
  }));
  const setEnabled = useMutation(trpc.webhooks.setEnabled.mutationOptions({
    onSuccess: async (r) => { toast.success(r.enabled ? 'Endpoint re-enabled; deliveries resume.' : 'Endpoint disabled.'); await refreshAfterEnable(); },
    onError: (e) => toast.error(errorMessage(e)),
  }));
  return (
    <div>
      <div className="toolbar">
        <p className="hint">Signed outbound events for this shop: every delivery and each of its attempts is logged below, and any delivery can be sent again.</p>
        <span className="spacer" />
        {me.canWrite ? <CreateEndpointDialog shopId={shopId} /> : null}
      </div>
      <NoticesBanner shopId={shopId} canWrite={me.canWrite} />
      <QueryView query={endpoints} loadingLabel="Loading endpoints…" isEmpty={(d) => d.length === 0} empty={<Empty title="No webhook endpoints yet." />}>
        {(rows) => (
          <div className="stack">
            {rows.map((w) => (
              <article key={w.id} className="card" aria-label={`Endpoint ${w.url}`}>
                <div className="secret-row">
                  <code>{w.url}</code>
                  {w.enabled ? (w.failingSince ? <span className="badge badge-warn">failing since {formatDateTime(w.failingSince)}</span> : <span className="badge badge-ok">enabled</span>) : <span className="badge badge-bad">disabled{w.disabledReason ? `: ${w.disabledReason}` : ''}</span>}
                  {w.rotating ? <span className="badge">rotating</span> : null}
                  <span className="spacer" />
                  {me.canWrite ? (
                    <>
                      <EditEventsDialog shopId={shopId} endpoint={w} />
                      <ConfirmDialog trigger={<Button>Rotate secret</Button>} title="Rotate the signing secret?" description="A new secret is shown once. The current one keeps signing alongside it for 24 hours so receivers can switch." confirmLabel="Rotate" onConfirm={() => rotate.mutate({ shopId, endpointId: w.id })} />
                      {w.enabled ? <ConfirmDialog trigger={<Button>Disable</Button>} title="Disable this endpoint?" description="Nothing is delivered to it while disabled, and replays are refused." confirmLabel="Disable" onConfirm={() => setEnabled.mutate({ shopId, endpointId: w.id, enabled: false })} /> : null}
                    </>
                  ) : null}
                </div>
                {w.description ? <p>{w.description}</p> : null}
                <ul className="chips">{w.events.map((e) => <li key={e}><code>{e}</code></li>)}</ul>
                {rotated?.id === w.id ? <SecretReveal secret={rotated.secret} what="signing secret" /> : null}
                {!w.enabled ? (
                  <div className="callout callout-bad" role="note" aria-label="Endpoint disabled">
                    <p><strong>Disabled</strong>{w.disabledReason ? <>: {w.disabledReason}</> : null}. Nothing is delivered and replays are refused until it is re-enabled; re-enabling clears the failure state.</p>
                    {me.canWrite ? <Button variant="primary" onClick={() => setEnabled.mutate({ shopId, endpointId: w.id, enabled: true })} disabled={setEnabled.isPending}>Re-enable endpoint</Button> : null}
                  </div>
                ) : null}
                <DeliveryLog shopId={shopId} endpoint={w} canWrite={me.canWrite} />
              </article>
            ))}
          </div>
        )}
      </QueryView>
    </div>
  );
};
