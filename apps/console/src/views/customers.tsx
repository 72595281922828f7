import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { formatDate, formatMoney } from '../lib/format';
import { trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { Empty, QueryView } from '../ui/states';

export const LIFECYCLE_STAGES = ['new', 'active', 'loyal', 'at_risk', 'churned'] as const;
export type CustomersSearch = { q?: string; stage?: (typeof LIFECYCLE_STAGES)[number]; page?: number };

export const CustomersView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/customers' });
  const search = useSearch({ from: '/_app/shops/$shopId/customers' });
  const navigate = useNavigate({ from: '/shops/$shopId/customers' });
  const [draft, setDraft] = useState(search.q ?? '');
  // Search as you type, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== draft) void navigate({ search: (prev) => ({ ...prev, q: draft || undefined, page: undefined }) });
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, search.q, navigate]);
  const page = search.page ?? 0;
  const customers = useQuery({
    ...trpc.customers.list.queryOptions({ shopId, page, ...(search.q ? { search: search.q } : {}), ...(search.stage ? { stage: search.stage } : {}) }),
    placeholderData: keepPreviousData,
  });
  return (
    <div>
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">Search customers by email, name or external id</span>
          <input type="search" placeholder="Search email, name, external id" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <label>
          Lifecycle stage{' '}
          <select value={search.stage ?? ''} onChange={(e) => void navigate({ search: (prev) => ({ ...prev, stage: (e.target.value || undefined) as CustomersSearch['stage'], page: undefined }) })}>
            <option value="">All</option>
            {LIFECYCLE_STAGES.map((s) => <option key={s} value={s}>{s.replace('_', ' ')}</option>)}
          </select>
        </label>
      </div>
      <QueryView query={customers} loadingLabel="Loading customers…" isEmpty={(d) => d.customers.length === 0} empty={<Empty title="No customers match." />}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Customers</caption>
                <thead><tr><th scope="col">Customer</th><th scope="col">Stage</th><th scope="col" className="num">Orders</th><th scope="col" className="num">Total spent</th><th scope="col">Last order</th><th scope="col">Tags</th></tr></thead>
                <tbody>
                  {data.customers.map((c) => (
                    <tr key={c.id}>
                      <td><Link to="/shops/$shopId/customers/$customerId" params={{ shopId, customerId: c.id }}>{c.name ?? c.email ?? c.id}</Link><div className="hint">{c.email}</div></td>
                      <td><span className={`badge stage-${c.lifecycleStage}`}>{c.lifecycleStage.replace('_', ' ')}</span></td>
                      <td className="num">{c.ordersCount}</td>
                      <td className="num">{formatMoney(c.totalSpent, c.currency)}</td>
                      <td>{formatDate(c.lastOrderAt)}</td>
                      <td>{c.tags.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <Button disabled={page === 0} onClick={() => void navigate({ search: (prev) => ({ ...prev, page: page - 1 || undefined }) })}>Previous</Button>
              <span>Page {page + 1}</span>
              <Button disabled={!data.hasNext} onClick={() => void navigate({ search: (prev) => ({ ...prev, page: page + 1 }) })}>Next</Button>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
};
