import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * How the renderer is served in the app: `app://maillage/index.html`, files read from out/renderer.
 * Pure functions (no 'electron' import) so they can be tested without an Electron binary.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'maillage';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a served file; unknown extensions are served as opaque bytes (never sniffed as script). */
export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file an `app://maillage/…` request asks for, inside `rootDir`, or null when the request must be refused:
 * another scheme or host, an undecodable path, a NUL byte or backslash, or any path that would leave `rootDir`.
 */
export function resolveAppRequest(url: string, rootDir: string): { path: string; mime: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const full = resolve(root, relativePath);
  const inside = relative(root, full);
  if (!inside || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return { path: full, mime: mimeTypeFor(full) };
}

/**
 * The dev server URL to load, honoured only in a development build: a packaged app always loads its own files,
 * whatever ELECTRON_RENDERER_URL says (an environment variable must not point the app at another page).
 */
export function devServerUrlOf(packaged: boolean, env: NodeJS.ProcessEnv): string | null {
  if (packaged) return null;
  const url = env.ELECTRON_RENDERER_URL;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** Whether a frame URL is the app's own page (IPC callers, navigation): same origin, never a prefix match. */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl && parsed.origin === new URL(devServerUrl).origin) return true;
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** The Content-Security-Policy of the renderer; relaxed only for the dev server (React Refresh inline script and websocket). */
export function contentSecurityPolicy(dev: boolean): string {
  const scriptSrc = dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'";
  const connectSrc = dev ? "connect-src 'self' ws:" : "connect-src 'self'";
  return `default-src 'self'; ${scriptSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; ${connectSrc}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/** Links the app may open in the user's browser. None today: Maillage works offline and shows no external link. */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [];

export function isAllowedExternalLink(url: string, allowlist: readonly string[] = EXTERNAL_LINK_ALLOWLIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && allowlist.includes(parsed.origin);
}

/**
 * Permissions (camera, micro, notifications, geolocation, clipboard, USB/HID/serial devices…): the app needs none,
 * so every request, check and device access is refused.
 */
export function permissionGranted(_permission: string): false {
  return false;
}

/**
 * Spell-checking: on Windows and macOS Chromium uses the system's checker (French if the system has it, nothing
 * downloaded); on Linux it would download Hunspell dictionaries from Google's servers, so it is turned off there.
 * The download URL is pointed at the app's own scheme on every platform so no dictionary is ever fetched from the
 * internet, even if something turns spell-checking back on.
 */
export function spellcheckPolicy(platform: NodeJS.Platform): { enabled: boolean; dictionaryDownloadUrl: string } {
  return {
    enabled: platform === 'win32' || platform === 'darwin',
    dictionaryDownloadUrl: `${APP_ORIGIN}/dictionaries/`,
  };
}
