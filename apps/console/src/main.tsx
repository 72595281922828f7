import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, setUnauthenticatedHandler, trpc } from './lib/trpc';
import { createConsoleRouter } from './router';
import { ToastProvider } from './ui/toast';
import './styles.css';

const router = createConsoleRouter(queryClient);

// A 401 anywhere means the session ended (idle, absolute expiry or signed out elsewhere).
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(trpc.session.me.queryKey(), null);
  void router.navigate({ to: '/sign-in' });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
