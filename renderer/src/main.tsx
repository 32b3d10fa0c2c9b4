// React Fast Refresh preamble as a module (dev only; empty in a build), so the strict CSP needs no inline script.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api';
// The base styles first: each feature's own styles, imported by its screens, come after them and refine them.
import './styles.css';
import { AppRoutes, Providers } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html');

// A data router, so that a form with unsaved changes can hold a navigation back (useBlocker).
const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);

createRoot(root).render(
  <StrictMode>
    <Providers client={createQueryClient()}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
