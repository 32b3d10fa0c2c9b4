import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  devServerUrlOf,
  isAllowedExternalLink,
  isAppUrl,
  mimeTypeFor,
  permissionGranted,
  resolveAppRequest,
  spellcheckPolicy,
} from '../../electron/main/app-protocol';
import { menuTemplate } from '../../electron/main/menu';
import { tempDir } from '../helpers/db';

describe('app:// protocol', () => {
  const root = '/opt/maillage/out/renderer';

  it('serves index.html at the root and files below the renderer folder with their MIME type', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, root)).toEqual({
      path: `${root}/index.html`,
      mime: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://maillage/', root)?.path).toBe(`${root}/index.html`);
    expect(resolveAppRequest('app://maillage/assets/index-3f2a.js', root)).toEqual({
      path: `${root}/assets/index-3f2a.js`,
      mime: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://maillage/assets/inter%20latin.woff2?v=1#x', root)).toEqual({
      path: `${root}/assets/inter latin.woff2`,
      mime: 'font/woff2',
    });
  });

  it.each([
    ['encoded slashes and dots', 'app://maillage/assets/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['backslashes (Windows separators)', 'app://maillage/assets/..%5C..%5Cmain%5Cindex.js'],
    ['a NUL byte', 'app://maillage/index.html%00.png'],
    ['an undecodable path', 'app://maillage/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'nothing'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it('clamps plain and encoded dot segments at the renderer folder, as a browser does', () => {
    expect(resolveAppRequest('app://maillage/../../etc/passwd', root)?.path).toBe(`${root}/etc/passwd`);
    expect(resolveAppRequest('app://maillage/%2e%2e/%2e%2e/etc/passwd', root)?.path).toBe(`${root}/etc/passwd`);
  });

  it('never resolves outside the renderer folder, even next to a sibling with the same prefix', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'renderer'));
      mkdirSync(join(dir, 'renderer-secret'));
      writeFileSync(join(dir, 'renderer-secret', 'x.txt'), 'secret');
      expect(resolveAppRequest('app://maillage/..%2Frenderer-secret%2Fx.txt', join(dir, 'renderer'))).toBeNull();
      expect(
        resolveAppRequest('app://maillage/assets%2F..%2F..%2Frenderer-secret%2Fx.txt', join(dir, 'renderer')),
      ).toBeNull();
      expect(resolveAppRequest('app://maillage/../renderer-secret/x.txt', join(dir, 'renderer'))?.path).toBe(
        join(dir, 'renderer', 'renderer-secret', 'x.txt'),
      );
    } finally {
      cleanup();
    }
  });

  it('gives scripts, styles and fonts their MIME type and unknown files opaque bytes', () => {
    expect(mimeTypeFor('a/b.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('styles.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('Inter.ttf')).toBe('font/ttf');
    expect(mimeTypeFor('archive.tar.gz')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('renderer origin', () => {
  it('honours ELECTRON_RENDERER_URL only in a development build, and only for a local dev server', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(devServerUrlOf(false, env)).toBe('http://localhost:5173');
    expect(devServerUrlOf(true, env)).toBeNull();
    expect(devServerUrlOf(false, {})).toBeNull();
    expect(devServerUrlOf(false, { ELECTRON_RENDERER_URL: 'https://attacker.example' })).toBeNull();
    expect(devServerUrlOf(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBeNull();
  });

  it('trusts the app origin and the dev server origin exactly, never a prefix', () => {
    expect(isAppUrl('app://maillage/index.html#/adherents', null)).toBe(true);
    expect(isAppUrl('app://maillage.evil/index.html', null)).toBe(false);
    expect(isAppUrl('file:///opt/maillage/out/renderer/index.html', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173')).toBe(false);
  });

  it('keeps the CSP strict outside the dev server', () => {
    const policy = contentSecurityPolicy(false);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).not.toContain('ws:');
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy(true)).toMatch(/script-src 'self' 'unsafe-inline'.*connect-src 'self' ws:/);
  });
});

describe('permissions, links and spell-checking', () => {
  it('refuses every permission', () => {
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'hid',
      'usb',
      'serial',
      'openExternal',
      'fullscreen',
    ]) {
      expect(permissionGranted(permission)).toBe(false);
    }
  });

  it('opens no external link: the allowlist is empty, and even an allowlisted origin must be https', () => {
    expect(isAllowedExternalLink('https://www.ameli.fr/')).toBe(false);
    expect(isAllowedExternalLink('https://www.ameli.fr/x', ['https://www.ameli.fr'])).toBe(true);
    expect(isAllowedExternalLink('http://www.ameli.fr/x', ['http://www.ameli.fr'])).toBe(false);
    expect(isAllowedExternalLink('https://www.ameli.fr.evil.com/', ['https://www.ameli.fr'])).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)', ['https://www.ameli.fr'])).toBe(false);
  });

  it('never downloads a dictionary: system checker on Windows and macOS, off on Linux, download URL local', () => {
    expect(spellcheckPolicy('linux').enabled).toBe(false);
    expect(spellcheckPolicy('win32').enabled).toBe(true);
    expect(spellcheckPolicy('darwin').enabled).toBe(true);
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(spellcheckPolicy(platform).dictionaryDownloadUrl).toMatch(/^app:\/\/maillage\//);
    }
  });
});

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    item.label ?? item.role ?? item.type ?? '?',
    ...(Array.isArray(item.submenu) ? labels(item.submenu).map((label) => `  ${label}`) : []),
  ]);
}

describe('application menu', () => {
  it('is French and minimal in a packaged build: no reload, no developer tools', () => {
    const template = menuTemplate({ packaged: true, platform: 'linux', onAbout: () => {} });
    expect(labels(template)).toEqual([
      'Fichier',
      '  Quitter',
      'Édition',
      '  Annuler',
      '  Rétablir',
      '  separator',
      '  Couper',
      '  Copier',
      '  Coller',
      '  Tout sélectionner',
      'Affichage',
      '  Taille réelle',
      '  Zoom avant',
      '  Zoom arrière',
      'Aide',
      '  À propos de Maillage',
    ]);
    const roles = JSON.stringify(template);
    expect(roles).not.toMatch(/reload|DevTools|forceReload/i);
  });

  it('adds reload and developer tools in a development build only', () => {
    const roles = menuTemplate({ packaged: false, platform: 'linux', onAbout: () => {} })
      .flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
      .map((item) => item.role);
    expect(roles).toContain('reload');
    expect(roles).toContain('toggleDevTools');
  });

  it('opens « À propos de Maillage » from the Aide menu, and puts the app menu first on macOS', () => {
    let opened = 0;
    const template = menuTemplate({ packaged: true, platform: 'darwin', onAbout: () => opened++ });
    expect(template[0]!.label).toBe('Maillage');
    const help = template.find((item) => item.label === 'Aide')!;
    const about = (help.submenu as MenuItemConstructorOptions[])[0]!;
    (about.click as () => void)();
    expect(opened).toBe(1);
  });
});
