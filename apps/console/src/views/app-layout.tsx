import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext } from '@tanstack/react-router';
import { setCsrfToken, trpc } from '../lib/trpc';
import { Button } from '../ui/button';
import { useToast } from '../ui/toast';

export const AppLayout = () => {
  const { me } = useRouteContext({ from: '/_app' });
  const shops = useQuery(trpc.agency.overview.queryOptions());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const signOut = useMutation(
    trpc.session.signOut.mutationOptions({
      onSuccess: async () => {
        setCsrfToken(null);
        queryClient.clear();
        await navigate({ to: '/sign-in' });
      },
      onError: () => toast.error('Could not sign out. Try again.'),
    }),
  );
  return (
    <div className="app">
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand">Sumeru</Link>
        <span className="agency">{me.agency.name}</span>
        <span className="spacer" />
        <span className="operator">{me.operator.name} · <span className={`role role-${me.operator.role}`}>{me.operator.role}</span></span>
        <Button variant="ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>Sign out</Button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          <li><Link to="/" activeOptions={{ exact: true }}>Overview</Link></li>
          <li><Link to="/usage">Usage</Link></li>
          <li><Link to="/team">Team</Link></li>
        </ul>
        <p className="nav-heading" id="nav-shops">Shops</p>
        <ul aria-labelledby="nav-shops">
          {(shops.data ?? []).filter((s) => s.status === 'active').map((shop) => (
            <li key={shop.id}><Link to="/shops/$shopId" params={{ shopId: shop.id }}>{shop.name}</Link></li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
};
