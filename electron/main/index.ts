import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase, type OpenedDatabase, DatabaseOpenError } from '../db/database';
import { createHandlers, type SaveKind } from '../ipc/handlers';
import { registerIpc } from './ipc';
import { resolveDatabasePath } from './paths';
import { createPdfClient } from './pdf-client';
import { setImportWorker } from '../services/members-import';

// Wiring only: single-instance lock → open DB (backup + migrations) → window → IPC.

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(here, '../../resources');

let mainWindow: BrowserWindow | null = null;

const SAVE_FILTERS: Record<SaveKind, Electron.FileFilter> = {
  pdf: { name: 'Document PDF', extensions: ['pdf'] },
  csv: { name: 'Fichier CSV (Excel)', extensions: ['csv'] },
  xlsx: { name: 'Classeur Excel', extensions: ['xlsx'] },
  json: { name: 'Données JSON', extensions: ['json'] },
  ics: { name: 'Calendrier (iCalendar)', extensions: ['ics'] },
};
let database: OpenedDatabase | null = null;
let pdfClient: ReturnType<typeof createPdfClient> | null = null;

/** better-sqlite3 compiled for Electron by scripts/prepare-electron.mjs (development); packaged apps rebuild in place. */
function electronSqliteBinding(): string | undefined {
  const candidate = join(here, '../../.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined;
}

function isTrustedUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith(pathToFileURL(rendererIndex).href);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Maillage',
    backgroundColor: '#f6f7f8',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app and no new windows; external links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
  return window;
}

function installContentSecurityPolicy(): void {
  const scriptSrc = devServerUrl ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'";
  const connectSrc = devServerUrl ? "connect-src 'self' ws:" : "connect-src 'self'";
  const policy = `default-src 'self'; ${scriptSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; ${connectSrc}; object-src 'none'; base-uri 'none'; form-action 'none'`;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}

async function start(): Promise<void> {
  const databasePath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'));
  try {
    database = await openDatabase({ file: databasePath, nativeBinding: electronSqliteBinding() });
  } catch (error) {
    const message = error instanceof DatabaseOpenError ? error.message : `Impossible d'ouvrir la base de données « ${databasePath} ».`;
    dialog.showErrorBox('Maillage ne peut pas démarrer', message);
    app.exit(1);
    return;
  }
  pdfClient = createPdfClient(join(here, 'pdf-worker.js'), join(resourcesDir, 'fonts'));
  setImportWorker(join(here, 'import-worker.js'));
  const opened = database;
  const handlers = createHandlers({
    db: opened.db,
    appVersion: app.getVersion(),
    databasePath: opened.file,
    backupsDir: opened.backupsDir,
    documentsDir: join(dirname(opened.file), 'documents'),
    now: () => new Date(),
    renderPdf: (job) => pdfClient!.render(job),
    chooseSavePath: async (suggestedName, kind = 'pdf') => {
      const options = {
        title: 'Enregistrer sous',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [SAVE_FILTERS[kind]],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: async (purpose) => {
      const options: Electron.OpenDialogOptions =
        purpose === 'import-members'
          ? {
              title: 'Importer des adhérents',
              defaultPath: app.getPath('documents'),
              properties: ['openFile'],
              filters: [{ name: 'Tableur (Excel ou CSV)', extensions: ['xlsx', 'csv', 'txt'] }],
            }
          : purpose === 'mail-folder'
            ? {
                title: 'Dossier où écrire les convocations (.eml)',
                buttonLabel: 'Choisir ce dossier',
                defaultPath: app.getPath('documents'),
                properties: ['openDirectory', 'createDirectory'],
              }
            : { title: 'Joindre un document à la réunion', defaultPath: app.getPath('documents'), properties: ['openFile'] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpc(handlers, isTrustedUrl);
  installContentSecurityPolicy();
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// French everywhere, date fields and spell-checking included, whatever the system language.
app.commandLine.appendSwitch('lang', 'fr-FR');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !database) return;
    event.preventDefault();
    closing = true;
    pdfClient?.dispose();
    void database.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
