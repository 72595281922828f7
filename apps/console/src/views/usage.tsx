import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { daysAgo, formatCount, utcDay } from '../lib/format';
import { trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { Empty, Loading, QueryView } from '../ui/states';

const UsageChart = lazy(() => import('./usage-charts'));

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

/** Requests, errors and 429s per day, route and token; shop level with a shopId, agency level without. */
export const UsageDashboard = ({ shopId }: { shopId?: string }) => {
  const [range, setRange] = useState({ from: daysAgo(6), to: utcDay(new Date()) });
  const usage = useQuery({ ...trpc.usage.summary.queryOptions({ ...range, ...(shopId ? { shopId } : {}) }), placeholderData: keepPreviousData, refetchInterval: 30_000 });
  const preset = (days: number) => setRange({ from: daysAgo(days - 1), to: utcDay(new Date()) });
  return (
    <div className="stack">
      <div className="toolbar" role="group" aria-label="Date range">
        <Button onClick={() => preset(1)}>Today</Button>
        <Button onClick={() => preset(7)}>7 days</Button>
        <Button onClick={() => preset(30)}>30 days</Button>
        <label>From <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} /></label>
        <label>To <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} /></label>
        <span className="hint">Days in UTC</span>
      </div>
      <QueryView query={usage} loadingLabel="Loading usage…">
        {(data) => (
          <>
            <div className="stats" aria-label="Totals">
              <div className="stat"><span className="stat-label">Requests</span><span className="stat-value" data-testid="usage-requests">{formatCount(data.totals.requests)}</span></div>
              <div className="stat"><span className="stat-label">Errors</span><span className="stat-value">{formatCount(data.totals.errors)} <small>{pct(data.totals.errors, data.totals.requests)}</small></span></div>
              <div className="stat"><span className="stat-label">429s</span><span className="stat-value">{formatCount(data.totals.rateLimited)} <small>{pct(data.totals.rateLimited, data.totals.requests)}</small></span></div>
            </div>
            <section className="card" aria-labelledby="per-day">
              <h2 id="per-day">Per day</h2>
              {data.totals.requests === 0 ? <Empty title="No API requests in this range." /> : (
                <>
                  <Suspense fallback={<Loading label="Loading chart…" />}><UsageChart days={data.days} /></Suspense>
                  <details><summary>Show as table</summary>
                    <table><thead><tr><th scope="col">Day</th><th scope="col" className="num">Requests</th><th scope="col" className="num">Errors</th><th scope="col" className="num">429s</th></tr></thead>
                      <tbody>{data.days.map((d) => <tr key={d.day}><td>{d.day}</td><td className="num">{d.requests}</td><td className="num">{d.errors}</td><td className="num">{d.rateLimited}</td></tr>)}</tbody></table>
                  </details>
                </>
              )}
            </section>
            <div className="grid-2">
              <section className="card" aria-labelledby="per-token">
                <h2 id="per-token">Per token</h2>
                {data.tokens.length === 0 ? <Empty title="No token was used." /> : (
                  <table><thead><tr><th scope="col">Token</th><th scope="col">Tier limit</th><th scope="col" className="num">Requests</th><th scope="col" className="num">Errors</th><th scope="col" className="num">429s</th></tr></thead>
                    <tbody>{data.tokens.map((t) => (
                      <tr key={t.tokenId}><td>{t.name}{t.revoked ? ' (revoked)' : ''}<div className="hint"><code>{t.hint}</code>{shopId ? null : ` · ${t.shopName ?? t.shopId}`}</div></td><td>{t.tier ? `${t.tier.name}: ${t.tier.limit}/${t.tier.windowSeconds}s` : '—'}</td><td className="num">{t.requests}</td><td className="num">{t.errors}</td><td className="num">{t.rateLimited > 0 ? <span className="badge badge-warn">{t.rateLimited}</span> : 0}</td></tr>
                    ))}</tbody></table>
                )}
              </section>
              <section className="card" aria-labelledby="per-route">
                <h2 id="per-route">Per route</h2>
                {data.routes.length === 0 ? <Empty title="No routes called." /> : (
                  <table><thead><tr><th scope="col">Route</th><th scope="col" className="num">Requests</th><th scope="col" className="num">Errors</th><th scope="col" className="num">429s</th></tr></thead>
                    <tbody>{data.routes.map((r) => <tr key={r.route}><td><code>{r.route}</code></td><td className="num">{r.requests}</td><td className="num">{r.errors}</td><td className="num">{r.rateLimited}</td></tr>)}</tbody></table>
                )}
              </section>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
};

export const ShopUsageView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/usage' });
  return <UsageDashboard shopId={shopId} />;
};

export const AgencyUsageView = () => (
  <section aria-labelledby="usage-title">
    <div className="page-head"><h1 id="usage-title">Usage across all shops</h1></div>
    <UsageDashboard />
  </section>
);
