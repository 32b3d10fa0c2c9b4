import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  contentSecurityPolicy,
  isAllowedExternalLink,
  isAppUrl,
  permissionGranted,
  resolveAppRequest,
  spellcheckPolicy,
} from './app-protocol';
import { menuTemplate } from './menu';

// Thin Electron glue over the pure rules of app-protocol.ts and menu.ts (tested without Electron).

/** Must run before `app.whenReady()`: `app://` behaves like https (standard origin, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves `app://maillage/…` from the built renderer folder, with its MIME type and the CSP; anything else is 404. */
export function serveRenderer(rendererDir: string, devServerUrl: string | null): void {
  const policy = contentSecurityPolicy(Boolean(devServerUrl));
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (!target)
      return new Response('Introuvable', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    try {
      const body = await readFile(target.path);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': target.mime,
          'content-security-policy': policy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Introuvable', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  });
}

/** CSP on the dev server's responses too; permissions all refused; no dictionary download. */
export function installSessionPolicies(devServerUrl: string | null): void {
  const ses = session.defaultSession;
  const policy = contentSecurityPolicy(Boolean(devServerUrl));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(permissionGranted(permission)));
  ses.setPermissionCheckHandler((_webContents, permission) => permissionGranted(permission));
  ses.setDevicePermissionHandler((details) => permissionGranted(details.deviceType));
  ses.setSpellCheckerDictionaryDownloadURL(spellcheckPolicy(process.platform).dictionaryDownloadUrl);
}

/** The French application menu (no reload nor developer tools once packaged). */
export function installMenu(): void {
  const onAbout = () => {
    const owner = BrowserWindow.getFocusedWindow();
    const options: Electron.MessageBoxOptions = {
      type: 'info',
      title: 'À propos de Maillage',
      message: `Maillage ${app.getVersion()}`,
      detail:
        'L’outil hors ligne des coordinateurs et coordinatrices de CPTS. Toutes les données restent sur cet ordinateur.',
      buttons: ['Fermer'],
    };
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform: process.platform, onAbout })),
  );
}

/** The sandboxed main window on `app://maillage/index.html` (or the dev server in development). */
export function createMainWindow(preloadPath: string, devServerUrl: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Maillage',
    backgroundColor: '#f6f7f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: !app.isPackaged,
      spellcheck: spellcheckPolicy(process.platform).enabled,
    },
  });
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app, no webview, no new window; a link opens in the browser only if allowlisted (none is).
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

export function rendererDirOf(mainDir: string): string {
  return join(mainDir, '../renderer');
}
