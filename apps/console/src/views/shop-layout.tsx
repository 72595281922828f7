import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { trpc } from '../lib/trpc';
import { ErrorState, Loading } from '../ui/states';

const TABS = [
  ['customers', 'Customers'],
  ['orders', 'Orders'],
  ['products', 'Products'],
  ['campaigns', 'Campaigns'],
  ['journeys', 'Journeys'],
  ['tokens', 'API tokens'],
  ['keys', 'Keys & CORS'],
  ['webhooks', 'Webhooks'],
  ['usage', 'Usage'],
  ['embed', 'Embed'],
] as const;

export const ShopLayout = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId' });
  const shop = useQuery(trpc.agency.shop.queryOptions({ shopId }));
  if (shop.isPending) return <Loading label="Loading shop…" />;
  if (shop.error) return <ErrorState error={shop.error} onRetry={() => void shop.refetch()} />;
  return (
    <section aria-labelledby="shop-title">
      <div className="page-head">
        <div>
          <h1 id="shop-title">{shop.data.name}</h1>
          <p className="hint">{shop.data.domain ?? 'No domain'} · {shop.data.currency} · <code>{shop.data.id}</code>{shop.data.status === 'archived' ? ' · archived' : ''}</p>
        </div>
      </div>
      <nav className="tabs" aria-label="Shop sections">
        {TABS.map(([path, label]) => (
          <Link key={path} to={`/shops/$shopId/${path}`} params={{ shopId }} className="tab" activeProps={{ className: 'tab active', 'aria-current': 'page' }}>
            {label}
          </Link>
        ))}
      </nav>
      <div className="tab-panel">
        <Outlet />
      </div>
    </section>
  );
};
