/**
 * Launches Maillage's real renderer (the built `out/renderer`) in Debian Chromium with `window.api` bridged to
 * the real IPC handlers on a given SQLite file: the same handler table that electron/main registers.
 * Importable by any script or test:
 *
 *   const app = await launchApp({ dbFile: '/tmp/essai.sqlite' });
 *   await app.page.getByRole('link', { name: 'Ma CPTS' }).click();
 *   await app.close();
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { channels } from '@shared/contract';
import { openDatabase, type OpenedDatabase } from '../../electron/db/database';
import { LiveDatabase } from '../../electron/db/restore';
import { createHandlers, type HandlerContext, type Handlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { renderReport } from '../../electron/pdf/render';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built renderer; MAILLAGE_OUT_DIR points at another build output (`electron-vite build --outDir`). */
export const RENDERER_DIR = join(
  process.env.MAILLAGE_OUT_DIR ? resolve(process.env.MAILLAGE_OUT_DIR) : join(root, 'out'),
  'renderer',
);
export const FONTS_DIR = join(root, 'resources/fonts');

export interface LaunchOptions {
  /** SQLite file to open (created and migrated if missing). */
  dbFile: string;
  /** Answer of the « save as » dialog: a path, null for « cancel », or a function called each time. */
  savePath?: string | null | ((suggestedName: string) => string | null);
  /** Answer of the « open » dialog (file to import): a path, or null for « cancel ». */
  openPath?: string | null;
  /** Answer of the « open » dialog of « Restaurer une sauvegarde » (a .sqlite or .maillage file), or null for « cancel ». */
  restorePath?: string | null;
  /** Answer of the « choose a folder » dialog (where convocation e-mails are written), or null for « cancel ». */
  folderPath?: string | null;
  /** Clock of the app (defaults to the real one). */
  now?: () => Date;
  /** How PDFs are rendered (defaults to in-process rendering; tests of the PDF worker pass the supervisor's). */
  renderPdf?: HandlerContext['renderPdf'];
  viewport?: { width: number; height: number };
  /** Chromium executable (defaults to $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  headless?: boolean;
}

export interface LaunchedApp {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  database: OpenedDatabase;
  handlers: Handlers;
  /** Base URL of the renderer. */
  url: string;
  /** Suggested names the app passed to the save dialog, in order. */
  saveRequests: string[];
  /** Files the app asked the computer to open (« Ouvrir » on a document), in order. */
  openedFiles: string[];
  /** Changes the answer of the next save dialogs. */
  setSavePath: (savePath: LaunchOptions['savePath']) => void;
  /** Changes the answer of the next open dialogs. */
  setOpenPath: (openPath: string | null) => void;
  /** Changes the answer of the next folder dialogs. */
  setFolderPath: (folderPath: string | null) => void;
  /** Changes the answer of the next « Restaurer une sauvegarde » dialogs. */
  setRestorePath: (restorePath: string | null) => void;
  /** The open database: the one given at launch, or the one restored since. */
  live: LiveDatabase;
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

async function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`Le renderer n'est pas construit (${RENDERER_DIR}) : lancez « npm run build » d'abord.`);
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_DIR)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** The script that stands in for electron/preload: one function per channel of the contract. */
function preloadScript(): string {
  return `(() => {
    const channels = ${JSON.stringify(channels)};
    const api = {};
    // Results travel as one JSON string: much faster than Playwright's object serialisation for large lists.
    for (const channel of channels) api[channel] = async (input) => JSON.parse(await window.__maillageInvoke(channel, input));
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  })();`;
}

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const database = await openDatabase({ file: options.dbFile });
  let savePath = options.savePath ?? null;
  let openPath = options.openPath ?? null;
  let folderPath = options.folderPath ?? null;
  let restorePath = options.restorePath ?? null;
  const saveRequests: string[] = [];
  const openedFiles: string[] = [];
  const live = new LiveDatabase(database, (file) => openDatabase({ file }));
  const context: HandlerContext = {
    live,
    db: database.db,
    appVersion: 'harness',
    databasePath: database.file,
    backupsDir: database.backupsDir,
    documentsDir: join(dirname(database.file), 'documents'),
    now: options.now ?? (() => new Date()),
    renderPdf: options.renderPdf ?? ((job) => renderReport(job, { fontsDir: FONTS_DIR })),
    chooseSavePath: async (suggestedName) => {
      saveRequests.push(suggestedName);
      return typeof savePath === 'function' ? savePath(suggestedName) : savePath;
    },
    openFile: async (path) => {
      openedFiles.push(path);
    },
    chooseOpenPath: async (purpose) =>
      purpose === 'mail-folder' ? folderPath : purpose === 'restore' ? restorePath : openPath,
  };
  const handlers = createHandlers(context);
  const { server, url } = await serveRenderer();

  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=fr-FR',
    ],
  });
  const browserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  await browserContext.exposeBinding('__maillageInvoke', async (_source, channel: string, input: unknown) =>
    JSON.stringify(await invokeChannel(handlers, channel, input)),
  );
  await browserContext.addInitScript({ content: preloadScript() });
  const page = await browserContext.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(url);

  return {
    page,
    browser,
    context: browserContext,
    database,
    handlers,
    url,
    saveRequests,
    openedFiles,
    setSavePath: (next) => {
      savePath = next ?? null;
    },
    setOpenPath: (next) => {
      openPath = next;
    },
    setFolderPath: (next) => {
      folderPath = next;
    },
    setRestorePath: (next) => {
      restorePath = next;
    },
    live,
    close: async () => {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await live.current.close();
      await database.close();
      if (pageErrors.length > 0) {
        throw new Error(`Erreurs JavaScript dans la page : ${pageErrors.map((error) => error.message).join(' | ')}`);
      }
    },
  };
}
