import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { setCsrfToken, trpc } from './lib/trpc';
import { AppLayout } from './views/app-layout';
import { CampaignsView, JourneysView, OrdersView, ProductsView } from './views/catalogue';
import { Customer360View } from './views/customer-360';
import { CustomersView, LIFECYCLE_STAGES, type CustomersSearch } from './views/customers';
import { EmbedView } from './views/embed';
import { KeysView } from './views/keys';
import { OverviewView } from './views/overview';
import { ShopLayout } from './views/shop-layout';
import { SignInView } from './views/sign-in';
import { TeamView } from './views/team';
import { TokensView } from './views/tokens';
import { AgencyUsageView, ShopUsageView } from './views/usage';
import { WebhooksView } from './views/webhooks';
import { ErrorState } from './ui/states';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  errorComponent: ({ error }) => <ErrorState error={error} />,
  notFoundComponent: () => <p role="alert">This page does not exist.</p>,
});

const loadSession = (queryClient: QueryClient) => queryClient.ensureQueryData(trpc.session.me.queryOptions());

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  beforeLoad: async ({ context }) => {
    if (await loadSession(context.queryClient)) throw redirect({ to: '/' });
  },
  component: SignInView,
});

/** Everything behind sign-in. The session (and its CSRF token) is known before any view renders. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context }) => {
    const me = await loadSession(context.queryClient);
    if (!me) throw redirect({ to: '/sign-in' });
    setCsrfToken(me.csrfToken);
    return { me };
  },
  component: AppLayout,
});

const overviewRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: OverviewView });
const usageRoute = createRoute({ getParentRoute: () => appRoute, path: '/usage', component: AgencyUsageView });
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: '/team', component: TeamView });
const shopRoute = createRoute({ getParentRoute: () => appRoute, path: '/shops/$shopId', component: ShopLayout });
const shopIndexRoute = createRoute({
  getParentRoute: () => shopRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/shops/$shopId/customers', params });
  },
});

const parseCustomersSearch = (search: Record<string, unknown>): CustomersSearch => ({
  ...(typeof search.q === 'string' && search.q ? { q: search.q } : {}),
  ...((LIFECYCLE_STAGES as readonly unknown[]).includes(search.stage) ? { stage: search.stage as CustomersSearch['stage'] } : {}),
  ...(Number.isInteger(search.page) && (search.page as number) > 0 ? { page: search.page as number } : {}),
});

const customersRoute = createRoute({ getParentRoute: () => shopRoute, path: 'customers', validateSearch: parseCustomersSearch, component: CustomersView });
const customerRoute = createRoute({ getParentRoute: () => shopRoute, path: 'customers/$customerId', component: Customer360View });
const ordersRoute = createRoute({ getParentRoute: () => shopRoute, path: 'orders', component: OrdersView });
const productsRoute = createRoute({ getParentRoute: () => shopRoute, path: 'products', component: ProductsView });
const campaignsRoute = createRoute({ getParentRoute: () => shopRoute, path: 'campaigns', component: CampaignsView });
const journeysRoute = createRoute({ getParentRoute: () => shopRoute, path: 'journeys', component: JourneysView });
const tokensRoute = createRoute({ getParentRoute: () => shopRoute, path: 'tokens', component: TokensView });
const keysRoute = createRoute({ getParentRoute: () => shopRoute, path: 'keys', component: KeysView });
const webhooksRoute = createRoute({ getParentRoute: () => shopRoute, path: 'webhooks', component: WebhooksView });
const shopUsageRoute = createRoute({ getParentRoute: () => shopRoute, path: 'usage', component: ShopUsageView });
const embedRoute = createRoute({ getParentRoute: () => shopRoute, path: 'embed', component: EmbedView });

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    overviewRoute,
    usageRoute,
    teamRoute,
    shopRoute.addChildren([
      shopIndexRoute,
      customersRoute,
      customerRoute,
      ordersRoute,
      productsRoute,
      campaignsRoute,
      journeysRoute,
      tokensRoute,
      keysRoute,
      webhooksRoute,
      shopUsageRoute,
      embedRoute,
    ]),
  ]),
]);

export const createConsoleRouter = (queryClient: QueryClient) =>
  createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', defaultPreloadStaleTime: 0, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
