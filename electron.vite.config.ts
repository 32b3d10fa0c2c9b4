import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// `@shared/…` is the code shared by the main process, the preload and the renderer (see tsconfig.json).
const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'shared') } };

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'pdf-worker': resolve(import.meta.dirname, 'electron/pdf/worker.ts'),
          // Reads the files to import off the main process (worker_threads), see services/members-import/reader.ts.
          'import-worker': resolve(import.meta.dirname, 'electron/services/members-import/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: resolveShared,
    root: resolve(import.meta.dirname, 'renderer'),
    build: {
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [
      react(),
      {
        // The dev server needs React Refresh's inline script and its websocket: relax the CSP there only.
        name: 'maillage-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html
            .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws:"),
      },
    ],
  },
});
