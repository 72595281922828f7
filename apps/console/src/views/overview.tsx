import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formatCount, formatMoney } from '../lib/format';
import { errorMessage, trpc, type RouterOutputs } from '../lib/trpc';
import { useSorted } from '../lib/use-sorted';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { SortHeader } from '../ui/sort-header';
import { Empty, QueryView } from '../ui/states';
import { useToast } from '../ui/toast';

type Shop = RouterOutputs['agency']['overview'][number];
type SortKey = 'name' | 'ordersLast7Days' | 'revenueLast7Days' | 'requestsToday' | 'rateLimitedToday' | 'failingEndpoints' | 'revokedTokens' | 'status';
const SEARCH_KEYS: SortKey[] = ['name', 'status'];

const CreateShopDialog = () => {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(
    trpc.agency.createShop.mutationOptions({
      onSuccess: async () => {
        toast.success(`Shop “${name}” created.`);
        setOpen(false);
        setName('');
        setDomain('');
        await queryClient.invalidateQueries({ queryKey: trpc.agency.overview.queryKey() });
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name, currency, ...(domain ? { domain } : {}) });
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>New shop</Button>
      <FormDialog open={open} onOpenChange={setOpen} title="Create a shop" description="It starts with a publishable key for its storefront.">
        <form onSubmit={submit} className="stack">
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
          <TextField label="Domain (optional)" value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="shop.example.com" />
          <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} hint="ISO 4217, e.g. EUR" />
          {create.error ? <p className="form-error" role="alert">{errorMessage(create.error)}</p> : null}
          <div className="dialog-actions">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={!name || create.isPending}>{create.isPending ? 'Creating…' : 'Create shop'}</Button>
          </div>
        </form>
      </FormDialog>
    </>
  );
};

const ShopTable = ({ shops, canWrite }: { shops: Shop[]; canWrite: boolean }) => {
  const { visible, sort, toggle, search, setSearch } = useSorted(shops as (Shop & Record<string, unknown>)[], { initial: { key: 'name', direction: 'asc' }, searchKeys: SEARCH_KEYS });
  const queryClient = useQueryClient();
  const toast = useToast();
  const archive = useMutation(
    trpc.agency.archiveShop.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.status === 'archived' ? 'Shop archived.' : 'Shop restored.');
        await queryClient.invalidateQueries({ queryKey: trpc.agency.overview.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const header = (label: string, column: SortKey, numeric = true) => <SortHeader label={label} column={column} sort={sort} onSort={toggle} numeric={numeric} />;
  return (
    <>
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">Search shops</span>
          <input type="search" placeholder="Search shops" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <span className="hint">{visible.length} of {shops.length} shops</span>
      </div>
      {visible.length === 0 ? <Empty title="No shop matches your search." /> : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Shops of the agency</caption>
            <thead>
              <tr>
                {header('Shop', 'name', false)}
                {header('Orders 7d', 'ordersLast7Days')}
                {header('Revenue 7d', 'revenueLast7Days')}
                {header('API requests today', 'requestsToday')}
                {header('429s today', 'rateLimitedToday')}
                {header('Webhooks failing', 'failingEndpoints')}
                {header('Disabled tokens', 'revokedTokens')}
                {header('Status', 'status', false)}
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {visible.map((shop) => (
                <tr key={shop.id} className={shop.status === 'archived' ? 'muted' : undefined}>
                  <td><Link to="/shops/$shopId" params={{ shopId: shop.id }}>{shop.name}</Link>{shop.domain ? <div className="hint">{shop.domain}</div> : null}</td>
                  <td className="num">{formatCount(shop.ordersLast7Days)}</td>
                  <td className="num">{formatMoney(shop.revenueLast7Days, shop.currency)}</td>
                  <td className="num">{formatCount(shop.requestsToday)}</td>
                  <td className="num">{shop.rateLimitedToday > 0 ? <span className="badge badge-warn">{shop.rateLimitedToday}</span> : 0}</td>
                  <td className="num">{shop.failingEndpoints + shop.disabledEndpoints > 0 ? <span className="badge badge-bad">{shop.failingEndpoints + shop.disabledEndpoints} of {shop.webhookEndpoints}</span> : shop.webhookEndpoints > 0 ? <span className="badge badge-ok">healthy</span> : '—'}</td>
                  <td className="num">{shop.revokedTokens}</td>
                  <td><span className={`badge ${shop.status === 'active' ? 'badge-ok' : ''}`}>{shop.status}</span></td>
                  <td>
                    {canWrite ? (
                      shop.status === 'active' ? (
                        <ConfirmDialog
                          trigger={<Button variant="ghost">Archive</Button>}
                          title={`Archive ${shop.name}?`}
                          description="The shop disappears from the navigation. Its data and tokens stay; you can restore it at any time."
                          confirmLabel="Archive shop"
                          onConfirm={() => archive.mutate({ shopId: shop.id, archived: true })}
                        />
                      ) : (
                        <Button variant="ghost" onClick={() => archive.mutate({ shopId: shop.id, archived: false })}>Restore</Button>
                      )
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

export const OverviewView = () => {
  const { me } = useRouteContext({ from: '/_app' });
  const overview = useQuery(trpc.agency.overview.queryOptions());
  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Shops</h1>
        {me.canWrite ? <CreateShopDialog /> : null}
      </div>
      <QueryView query={overview} loadingLabel="Loading shops…" isEmpty={(d) => d.length === 0} empty={<Empty title="No shops yet.">{me.canWrite ? <p>Create the first shop to issue tokens and embed the pixel.</p> : null}</Empty>}>
        {(shops) => <ShopTable shops={shops} canWrite={me.canWrite} />}
      </QueryView>
    </section>
  );
};
