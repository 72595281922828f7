import { agencyRouter } from './routers/agency';
import { commerceRouter } from './routers/commerce';
import { customersRouter } from './routers/customers';
import { keysRouter } from './routers/keys';
import { marketingRouter } from './routers/marketing';
import { operatorsRouter } from './routers/operators';
import { sessionRouter } from './routers/session';
import { tokensRouter } from './routers/tokens';
import { usageRouter } from './routers/usage';
import { webhooksRouter } from './routers/webhooks';
import { router } from './trpc';

/** The console's whole backend, one router per domain. The console imports only its type. */
export const consoleRouter = router({
  session: sessionRouter,
  agency: agencyRouter,
  operators: operatorsRouter,
  tokens: tokensRouter,
  keys: keysRouter,
  usage: usageRouter,
  customers: customersRouter,
  commerce: commerceRouter,
  marketing: marketingRouter,
  webhooks: webhooksRouter,
});

export type ConsoleRouter = typeof consoleRouter;
