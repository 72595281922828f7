import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { trpc } from '../lib/trpc';
import { Empty, QueryView } from '../ui/states';

export const Customer360View = () => {
  const { shopId, customerId } = useParams({ from: '/_app/shops/$shopId/customers/$customerId' });
  const customer = useQuery(trpc.customers.get.queryOptions({ shopId, customerId }));
  return (
    <QueryView query={customer} loadingLabel="Loading customer…">
      {({ profile, orders, touchpoints, journeys, timeline }) => (
        <div className="c360">
          <p><Link to="/shops/$shopId/customers" params={{ shopId }}>← All customers</Link></p>
          <div className="grid-2">
            <section className="card" aria-labelledby="profile-title">
              <h2 id="profile-title">{[profile.firstName, profile.lastName].filter(Boolean).join(' ') || profile.email || profile.id}</h2>
              <dl className="facts">
                <dt>Email</dt><dd>{profile.email ?? '—'}</dd>
                <dt>Phone</dt><dd>{profile.phone ?? '—'}</dd>
                <dt>Lifecycle stage</dt><dd><span className={`badge stage-${profile.lifecycleStage}`}>{profile.lifecycleStage.replace('_', ' ')}</span></dd>
                <dt>Orders</dt><dd>{profile.ordersCount}</dd>
                <dt>Total spent</dt><dd>{formatMoney(profile.totalSpent, profile.currency)}</dd>
                <dt>Last order</dt><dd>{formatDate(profile.lastOrderAt)}</dd>
                <dt>Marketing</dt><dd>{profile.acceptsMarketing ? 'Subscribed' : 'Not subscribed'}</dd>
                <dt>Tags</dt><dd>{profile.tags.join(', ') || '—'}</dd>
                <dt>External id</dt><dd>{profile.externalId ?? '—'}</dd>
                <dt>Customer since</dt><dd>{formatDate(profile.createdAt)}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="timeline-title">
              <h2 id="timeline-title">Timeline</h2>
              {timeline.length === 0 ? <Empty title="No events yet." /> : (
                <ol className="timeline">
                  {timeline.map((e, i) => <li key={i} className={`tl-${e.kind}`}><time dateTime={e.at}>{formatDateTime(e.at)}</time> {e.title}</li>)}
                </ol>
              )}
            </section>
          </div>
          <section aria-labelledby="orders-title">
            <h2 id="orders-title">Orders</h2>
            {orders.length === 0 ? <Empty title="No orders yet." /> : (
              <table><thead><tr><th scope="col">Number</th><th scope="col">Status</th><th scope="col" className="num">Total</th><th scope="col">Placed</th></tr></thead>
                <tbody>{orders.map((o) => <tr key={o.id}><td>{o.number}</td><td>{o.status}</td><td className="num">{formatMoney(o.total, o.currency)}</td><td>{formatDateTime(o.placedAt)}</td></tr>)}</tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="touch-title">
            <h2 id="touch-title">Attribution touchpoints</h2>
            {touchpoints.length === 0 ? <Empty title="No touchpoints recorded." /> : (
              <table><thead><tr><th scope="col">When</th><th scope="col">Channel</th><th scope="col">Source / medium</th><th scope="col">Campaign</th></tr></thead>
                <tbody>{touchpoints.map((t) => <tr key={t.id}><td>{formatDateTime(t.occurredAt)}</td><td>{t.channel}</td><td>{[t.source, t.medium].filter(Boolean).join(' / ') || '—'}</td><td>{t.campaign ?? '—'}</td></tr>)}</tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="journeys-title">
            <h2 id="journeys-title">Journeys</h2>
            {journeys.length === 0 ? <Empty title="Not enrolled in any journey." /> : (
              <ul>{journeys.map((j) => <li key={j.id}>{j.journeyName} — {j.status} since {formatDate(j.enrolledAt)}</li>)}</ul>
            )}
          </section>
        </div>
      )}
    </QueryView>
  );
};
