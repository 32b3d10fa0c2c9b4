import { app, BrowserWindow, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type OpenedDatabase } from '../db/database';
import { dailyBackup } from '../db/backups';
import { openWithRecovery, type RecoveryChoice, type RecoveryPrompt } from '../db/recovery';
import { setDefaultNativeBinding } from '../db/sqlite';
import { LiveDatabase } from '../db/restore';
import { getBackupKeep } from '../services/settings';
import { UserError } from '../services/errors';
import { createHandlers, type SaveKind } from '../ipc/handlers';
import { registerIpc } from './ipc';
import { resolveDatabasePath } from './paths';
import { createPdfClient } from './pdf-client';
import { askBeforeLosingUnsavedChanges } from './unsaved';
import { devServerUrlOf, isAppUrl } from './app-protocol';
import {
  createMainWindow,
  installMenu,
  installSessionPolicies,
  registerAppScheme,
  rendererDirOf,
  serveRenderer,
} from './window';
import { setImportWorker } from '../services/members-import';

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
  sqlite: { name: 'Sauvegarde Maillage', extensions: ['sqlite'] },
  maillage: { name: 'Transfert Maillage', extensions: ['maillage'] },
};
let database: OpenedDatabase | null = null;
/** The open database as a restore may replace it. */
let live: LiveDatabase | null = null;
let pdfClient: ReturnType<typeof createPdfClient> | null = null;

/** better-sqlite3 compiled for Electron by scripts/prepare-electron.mjs (development); packaged apps rebuild in place. */
function electronSqliteBinding(): string | undefined {
  const candidate = join(here, '../../.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined;
}

function isTrustedUrl(url: string): boolean {
  return isAppUrl(url, devServerUrl);
}

/** A database refused at opening: the French question of electron/db/recovery.ts in a native dialog. */
async function askAboutDatabase(prompt: RecoveryPrompt): Promise<RecoveryChoice> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: prompt.title,
    message: prompt.message,
    detail: prompt.detail,
    buttons: prompt.choices.map((choice) => choice.label),
    defaultId: 0,
    cancelId: prompt.choices.length - 1,
    noLink: true,
  });
  return prompt.choices[response]?.choice ?? 'quit';
}

async function start(): Promise<void> {
  const databasePath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'));
  const nativeBinding = electronSqliteBinding();
  setDefaultNativeBinding(nativeBinding);
  database = await openWithRecovery(
    { file: databasePath, ...(nativeBinding ? { nativeBinding } : {}) },
    askAboutDatabase,
  );
  if (!database) {
    app.exit(1);
    return;
  }
  await dailyBackup(database.sqlite, database.backupsDir, await getBackupKeep(database.db)).catch((error) =>
    console.error('[maillage] sauvegarde du jour', error),
  );
  pdfClient = createPdfClient(join(here, 'pdf-worker.js'), join(resourcesDir, 'fonts'));
  setImportWorker(join(here, 'import-worker.js'));
  const opened = database;
  live = new LiveDatabase(opened, (file) => openDatabase({ file, nativeBinding: electronSqliteBinding() }));
  const handlers = createHandlers({
    live,
    db: opened.db,
    appVersion: app.getVersion(),
    databasePath: opened.file,
    backupsDir: opened.backupsDir,
    documentsDir: join(dirname(opened.file), 'documents'),
    now: () => new Date(),
    renderPdf: (job, options) => pdfClient!.render(job, options),
    openFile: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new UserError('io', `Le fichier n’a pas pu être ouvert : ${problem}`);
    },
    chooseSavePath: async (suggestedName, kind = 'pdf') => {
      const options = {
        title: 'Enregistrer sous',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [SAVE_FILTERS[kind]],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
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
          : purpose === 'restore'
            ? {
                title: 'Restaurer une sauvegarde',
                defaultPath: opened.backupsDir,
                properties: ['openFile'],
                filters: [{ name: 'Sauvegarde ou transfert Maillage', extensions: ['sqlite', 'maillage'] }],
              }
            : purpose === 'mail-folder'
              ? {
                  title: 'Dossier où écrire les convocations (.eml)',
                  buttonLabel: 'Choisir ce dossier',
                  defaultPath: app.getPath('documents'),
                  properties: ['openDirectory', 'createDirectory'],
                }
              : purpose === 'annex-import'
                ? {
                    title: 'Importer l’annexe des indicateurs',
                    defaultPath: app.getPath('documents'),
                    properties: ['openFile'],
                    filters: [{ name: 'Tableur (Excel ou CSV)', extensions: ['xlsx', 'csv', 'txt'] }],
                  }
                : purpose === 'protocol-import'
                  ? {
                      title: 'Reprendre un protocole écrit sous Word',
                      defaultPath: app.getPath('documents'),
                      properties: ['openFile'],
                      filters: [{ name: 'Document Word (.docx)', extensions: ['docx'] }],
                    }
                  : purpose === 'image'
                    ? {
                        title: 'Choisir une image',
                        defaultPath: app.getPath('pictures'),
                        properties: ['openFile'],
                        filters: [{ name: 'Image PNG ou JPEG', extensions: ['png', 'jpg', 'jpeg'] }],
                      }
                    : {
                        title:
                          purpose === 'meeting-document' ? 'Joindre un document à la réunion' : 'Joindre un document',
                        defaultPath: app.getPath('documents'),
                        properties: ['openFile'],
                      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpc(handlers, isTrustedUrl);
  installSessionPolicies(devServerUrl);
  serveRenderer(rendererDirOf(here), devServerUrl);
  installMenu();
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), devServerUrl);
  askBeforeLosingUnsavedChanges(mainWindow);
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
    void (live?.current ?? database).close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
