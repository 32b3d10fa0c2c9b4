// React Fast Refresh preamble as a module (dev only; empty in a build), so the strict CSP needs no inline script.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { createQueryClient } from './api';
import { AppRoutes, Providers } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html');

createRoot(root).render(
  <StrictMode>
    <Providers client={createQueryClient()}>
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </Providers>
  </StrictMode>,
);
