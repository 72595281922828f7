import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { formatDateTime } from '../lib/format';
import { localInputToIso, toLocalInput } from '../lib/local-datetime';
import { errorMessage, trpc, type RouterOutputs } from '../lib/trpc';
import { Button } from '../ui/button';
import { FormDialog } from '../ui/dialog';
import { SelectField, TextField } from '../ui/field';
import { Empty, QueryView } from '../ui/states';
import { useToast } from '../ui/toast';

type Delivery = RouterOutputs['webhooks']['deliveries']['items'][number];
type Status = Delivery['status'];
type Endpoint = { id: string; url: string; enabled: boolean };

const STATUSES: readonly Status[] = ['pending', 'succeeded', 'failed', 'cancelled'];
const PAGE_SIZE = 20;
const BADGE: Record<Status, string> = { succeeded: 'badge badge-ok', failed: 'badge badge-bad', pending: 'badge badge-warn', cancelled: 'badge' };

export const StatusBadge = ({ status }: { status: Status }) => <span className={BADGE[status]}>{status}</span>;

const Attempts = ({ delivery }: { delivery: Delivery }) => {
  if (delivery.attempts.length === 0) {
    return <p className="hint">No attempt yet{delivery.status === 'pending' && delivery.nextAttemptAt ? `; the next is due ${formatDateTime(delivery.nextAttemptAt)}` : ''}.</p>;
  }
  return (
    <table className="attempts">
      <caption className="sr-only">Attempts of delivery {delivery.id}</caption>
      <thead><tr><th scope="col" className="num">#</th><th scope="col">Started</th><th scope="col" className="num">Status code</th><th scope="col" className="num">Latency</th><th scope="col">Response excerpt</th></tr></thead>
      <tbody>
        {delivery.attempts.map((a) => (
          <tr key={a.id}>
            <td className="num">{a.attempt}</td>
            <td>{formatDateTime(a.startedAt)}</td>
            <td className="num">{a.statusCode === null ? '—' : <span className={a.succeeded ? 'badge badge-ok' : 'badge badge-bad'}>{a.statusCode}</span>}</td>
            <td className="num">{a.latencyMs} ms</td>
            <td>
              {a.responseExcerpt ? <pre className="excerpt">{a.responseExcerpt}</pre> : <span className="hint">empty</span>}
              {a.error ? <p className="field-error">{a.error}</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const ReplayRangeDialog = ({ shopId, endpoint }: { shopId: string; endpoint: Endpoint }) => {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const queryClient = useQueryClient();
  const toast = useToast();
  const replay = useMutation(trpc.webhooks.replayFailed.mutationOptions({
    onSuccess: async (r) => {
      toast.success(r.replayedCount === 0 ? 'No failed deliveries in that range.' : `Replaying ${r.replayedCount} failed ${r.replayedCount === 1 ? 'delivery' : 'deliveries'}.`);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() });
    },
  }));
  const start = () => {
    const now = new Date();
    setFrom(toLocalInput(new Date(now.getTime() - 86_400_000)));
    setTo(toLocalInput(new Date(now.getTime() + 60_000)));
    replay.reset();
    setOpen(true);
  };
  const fromIso = localInputToIso(from);
  const toIso = localInputToIso(to);
  const rangeError = fromIso && toIso && Date.parse(fromIso) >= Date.parse(toIso) ? 'The end must be after the start.' : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (fromIso && toIso && !rangeError) replay.mutate({ shopId, endpointId: endpoint.id, from: fromIso, to: toIso });
  };
  return (
    <>
      <Button onClick={start} disabled={!endpoint.enabled} title={endpoint.enabled ? undefined : 'Re-enable the endpoint to replay deliveries'}>Replay failed in range</Button>
      <FormDialog open={open} onOpenChange={setOpen} title="Replay failed deliveries" description={`Sends every delivery to ${endpoint.url} that failed for good in this time range again, as new deliveries (at most 1000).`}>
        <form className="stack" onSubmit={submit}>
          <TextField label="From" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required hint="Your local time." />
          <TextField label="To" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required error={rangeError} />
          {replay.error ? <p className="form-error" role="alert">{errorMessage(replay.error)}</p> : null}
          <div className="dialog-actions"><Button onClick={() => setOpen(false)}>Cancel</Button><Button type="submit" variant="primary" disabled={!fromIso || !toIso || rangeError !== null || replay.isPending}>{replay.isPending ? 'Replaying…' : 'Replay failed'}</Button></div>
        </form>
      </FormDialog>
    </>
  );
};

/** An endpoint's deliveries, newest first, each expandable to every attempt; replay per delivery or by range. */
export const DeliveryLog = ({ shopId, endpoint, canWrite }: { shopId: string; endpoint: Endpoint; canWrite: boolean }) => {
  const [status, setStatus] = useState<Status | ''>('');
  // Cursors of the pages before the current one; the last entry is the current page's cursor.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const cursor = cursors[cursors.length - 1];
  const input = { shopId, endpointId: endpoint.id, limit: PAGE_SIZE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
  const deliveries = useQuery({
    ...trpc.webhooks.deliveries.queryOptions(input),
    // While something is still being sent, keep the log current.
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });
  const queryClient = useQueryClient();
  const toast = useToast();
  const replay = useMutation(trpc.webhooks.replay.mutationOptions({
    onSuccess: async (r) => {
      toast.success(`Replay queued as ${r.id}.`);
      setCursors([undefined]);
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() });
    },
    onError: (e) => toast.error(errorMessage(e)),
  }));
  const toggle = (id: string) => setExpanded((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const label = `Deliveries to ${endpoint.url}`;
  return (
    <section className="delivery-log" aria-label={label}>
      <div className="toolbar">
        <h3 className="section-title">Delivery log</h3>
        <span className="spacer" />
        <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as Status | ''); setCursors([undefined]); }}>
          <option value="">All</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </SelectField>
        <Button onClick={() => void deliveries.refetch()} disabled={deliveries.isFetching}>{deliveries.isFetching ? 'Refreshing…' : 'Refresh'}</Button>
        {canWrite ? <ReplayRangeDialog shopId={shopId} endpoint={endpoint} /> : <p className="hint">Viewers cannot replay deliveries.</p>}
      </div>
      <QueryView query={deliveries} loadingLabel="Loading deliveries…" isEmpty={(d) => d.items.length === 0 && cursors.length === 1} empty={<Empty title={status ? `No ${status} deliveries.` : 'No deliveries yet.'}><p>Each subscribed event this shop records is delivered here.</p></Empty>}>
        {(page) => (
          <>
            <div className="table-wrap"><table>
              <caption className="sr-only">{label}</caption>
              <thead><tr>
                <th scope="col"><span className="sr-only">Attempts detail</span></th><th scope="col">Event type</th><th scope="col">Event id</th><th scope="col">Status</th>
                <th scope="col" className="num">Attempts</th><th scope="col" className="num">Last status code</th><th scope="col">Created</th>
                {canWrite ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
              </tr></thead>
              <tbody>{page.items.map((d) => {
                const open = expanded.has(d.id);
                const detailId = `attempts-${d.id}`;
                return (
                  <Fragment key={d.id}>
                    <tr data-delivery-id={d.id}>
                      <td><button type="button" className="expander" aria-expanded={open} aria-controls={detailId} aria-label={`Attempts of delivery ${d.id}`} onClick={() => toggle(d.id)}>{open ? '▾' : '▸'}</button></td>
                      <td><code>{d.eventType}</code>{d.replayOf ? <div className="hint">replay of {d.replayOf}</div> : null}</td>
                      <td><code className="wrap">{d.eventId}</code></td>
                      <td><StatusBadge status={d.status} /></td>
                      <td className="num">{d.attemptCount}</td>
                      <td className="num">{d.lastStatusCode ?? '—'}</td>
                      <td>{formatDateTime(d.createdAt)}</td>
                      {canWrite ? (
                        <td><Button onClick={() => replay.mutate({ shopId, endpointId: endpoint.id, deliveryId: d.id })} disabled={!endpoint.enabled || (replay.isPending && replay.variables.deliveryId === d.id)} aria-label={`Replay delivery ${d.id}`} title={endpoint.enabled ? undefined : 'Re-enable the endpoint to replay deliveries'}>Replay</Button></td>
                      ) : null}
                    </tr>
                    {open ? (
                      <tr id={detailId} className="detail-row"><td colSpan={canWrite ? 8 : 7}>{d.lastError && d.attempts.length === 0 ? <p className="field-error">{d.lastError}</p> : null}<Attempts delivery={d} /></td></tr>
                    ) : null}
                  </Fragment>
                );
              })}</tbody>
            </table></div>
            {cursors.length > 1 || page.nextCursor ? <div className="pager">
              <Button onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 1}>Newer</Button>
              <Button onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])} disabled={!page.nextCursor}>Older</Button>
            </div> : null}
          </>
        )}
      </QueryView>
    </section>
  );
};
