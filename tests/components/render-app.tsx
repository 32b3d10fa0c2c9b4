/** Renders the real renderer routes on a fresh query cache, with a fake `window.api` installed by the caller. */
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach } from 'vitest';
import { createQueryClient } from '../../renderer/src/api';
import { AppRoutes, Providers } from '../../renderer/src/App';

afterEach(() => cleanup());

export function renderApp(path = '/') {
  const client = createQueryClient();
  // Tests want failures at once, not retried.
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
    mutations: { retry: false },
  });
  const user = userEvent.setup();
  // A data router, as in the app (main.tsx).
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], { initialEntries: [path] });
  const view = render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, user, client, router };
}
