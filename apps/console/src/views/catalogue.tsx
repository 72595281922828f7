import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDateTime, formatMoney } from '../lib/format';
import { trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { Empty, QueryView } from '../ui/states';

const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;

const Pager = ({ page, hasNext, onPage }: { page: number; hasNext: boolean; onPage: (page: number) => void }) => (
  <div className="pager">
    <Button disabled={page === 0} onClick={() => onPage(page - 1)}>Previous</Button>
    <span>Page {page + 1}</span>
    <Button disabled={!hasNext} onClick={() => onPage(page + 1)}>Next</Button>
  </div>
);

export const OrdersView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/orders' });
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<(typeof ORDER_STATUSES)[number] | ''>('');
  const orders = useQuery({ ...trpc.commerce.orders.queryOptions({ shopId, page, ...(status ? { status } : {}) }), placeholderData: keepPreviousData });
  return (
    <div>
      <div className="toolbar">
        <label>Status{' '}
          <select value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setPage(0); }}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <QueryView query={orders} loadingLabel="Loading orders…" isEmpty={(d) => d.orders.length === 0} empty={<Empty title="No orders." />}>
        {(data) => (
          <>
            <div className="table-wrap"><table>
              <caption className="sr-only">Orders</caption>
              <thead><tr><th scope="col">Number</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col" className="num">Total</th><th scope="col">Placed</th></tr></thead>
              <tbody>{data.orders.map((o) => <tr key={o.id}><td>{o.number}</td><td>{o.email ?? '—'}</td><td><span className={`badge order-${o.status}`}>{o.status}</span></td><td className="num">{formatMoney(o.total, o.currency)}</td><td>{formatDateTime(o.placedAt)}</td></tr>)}</tbody>
            </table></div>
            <Pager page={page} hasNext={data.hasNext} onPage={setPage} />
          </>
        )}
      </QueryView>
    </div>
  );
};

export const ProductsView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/products' });
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  const products = useQuery({ ...trpc.commerce.products.queryOptions({ shopId, page, ...(search ? { search } : {}) }), placeholderData: keepPreviousData });
  return (
    <div>
      <div className="toolbar">
        <label className="search"><span className="sr-only">Search products by title or SKU</span>
          <input type="search" placeholder="Search title or SKU" value={search} onChange={(e) => { setSearch(e.target.value); setPage(0); }} />
        </label>
      </div>
      <QueryView query={products} loadingLabel="Loading products…" isEmpty={(d) => d.products.length === 0} empty={<Empty title="No products." />}>
        {(data) => (
          <>
            <div className="table-wrap"><table>
              <caption className="sr-only">Products and inventory</caption>
              <thead><tr><th scope="col">Product</th><th scope="col">SKU</th><th scope="col">Status</th><th scope="col" className="num">Price</th><th scope="col" className="num">In stock</th></tr></thead>
              <tbody>{data.products.map((p) => (
                <tr key={p.id}><td>{p.title}<div className="hint">{p.vendor}</div></td><td><code>{p.sku ?? '—'}</code></td><td>{p.status}</td><td className="num">{formatMoney(p.price, p.currency)}</td>
                  <td className="num">{p.stock <= 0 ? <span className="badge badge-bad">out of stock</span> : p.stock < 10 ? <span className="badge badge-warn">{p.stock}</span> : p.stock}</td></tr>
              ))}</tbody>
            </table></div>
            <Pager page={page} hasNext={data.hasNext} onPage={setPage} />
          </>
        )}
      </QueryView>
    </div>
  );
};

export const CampaignsView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/campaigns' });
  const campaigns = useQuery(trpc.marketing.campaigns.queryOptions({ shopId }));
  return (
    <QueryView query={campaigns} loadingLabel="Loading campaigns…" isEmpty={(d) => d.length === 0} empty={<Empty title="No campaigns yet."><p>Campaigns are created through the API (<code>POST /api/v1/campaigns</code>); editing here comes with the marketing engine.</p></Empty>}>
      {(rows) => (
        <div className="table-wrap"><table>
          <caption className="sr-only">Campaigns</caption>
          <thead><tr><th scope="col">Campaign</th><th scope="col">Channel</th><th scope="col">Audience</th><th scope="col">Status</th><th scope="col" className="num">Recipients</th><th scope="col">Launched</th></tr></thead>
          <tbody>{rows.map((c) => <tr key={c.id}><td>{c.name}</td><td>{c.channel}</td><td>{c.audience ?? '—'}</td><td><span className="badge">{c.status}</span></td><td className="num">{c.recipientsCount ?? '—'}</td><td>{formatDateTime(c.launchedAt)}</td></tr>)}</tbody>
        </table></div>
      )}
    </QueryView>
  );
};

export const JourneysView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/journeys' });
  const journeys = useQuery(trpc.marketing.journeys.queryOptions({ shopId }));
  return (
    <QueryView query={journeys} loadingLabel="Loading journeys…" isEmpty={(d) => d.length === 0} empty={<Empty title="No journeys yet."><p>Journeys are created through the API; editing here comes with the marketing engine.</p></Empty>}>
      {(rows) => (
        <div className="table-wrap"><table>
          <caption className="sr-only">Journeys</caption>
          <thead><tr><th scope="col">Journey</th><th scope="col">Trigger</th><th scope="col">Status</th><th scope="col" className="num">Steps</th><th scope="col" className="num">Active enrollments</th></tr></thead>
          <tbody>{rows.map((j) => <tr key={j.id}><td>{j.name}</td><td><code>{String(j.trigger.type ?? j.trigger.event ?? JSON.stringify(j.trigger))}</code></td><td>{j.status}</td><td className="num">{j.stepsCount}</td><td className="num">{j.activeEnrollments}</td></tr>)}</tbody>
        </table></div>
      )}
    </QueryView>
  );
};
