import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type OpenedDatabase, DatabaseOpenError } from '../db/database';
import { createHandlers, type SaveKind } from '../ipc/handlers';
import { registerIpc } from './ipc';
import { resolveDatabasePath } from './paths';
import { createPdfClient } from './pdf-client';
import { devServerUrlOf, isAppUrl } from './app-protocol';
import { createMainWindow, installMenu, installSessionPolicies, registerAppScheme, rendererDirOf, serveRenderer } from './window';

// Wiring only: single-instance lock → open DB (backup + migrations) → window → IPC.

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = devServerUrlOf(app.isPackaged, process.env);
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
  return isAppUrl(url, devServerUrl);
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
  installSessionPolicies(devServerUrl);
  serveRenderer(rendererDirOf(here), devServerUrl);
  installMenu();
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), devServerUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// French everywhere, date fields and spell-checking included, whatever the system language.
app.commandLine.appendSwitch('lang', 'fr-FR');
registerAppScheme();

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
