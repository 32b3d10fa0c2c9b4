#!/usr/bin/env node
/**
 * Prepares this machine to start the desktop app (`npm start`):
 * 1. the Electron binary (downloaded on first use by the `electron` package);
 * 2. a copy of better-sqlite3 compiled for Electron's ABI, kept in `.native/` so that the copy in
 *    node_modules stays compiled for Node (the tests use it). The app loads it through `nativeBinding`.
 * Both need internet access once (Electron binary and headers); afterwards everything works offline.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

// 1. Electron binary.
try {
  require('electron');
} catch {
  fail(
    "Le logiciel Electron n'a pas pu être téléchargé. Vérifiez la connexion à internet (nécessaire une seule fois), puis relancez « npm start ».",
  );
}

// 2. better-sqlite3 for Electron's ABI.
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
const target = join(root, '.native', `electron-${abi}`, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

console.log(
  `Compilation de la base de données locale pour Electron ${electronVersion} (une seule fois, quelques minutes)…`,
);
const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
const buildDir = join(root, '.native', 'build', 'better-sqlite3');
rmSync(buildDir, { recursive: true, force: true });
mkdirSync(buildDir, { recursive: true });
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json'])
  cpSync(join(sourceDir, entry), join(buildDir, entry), { recursive: true });

const nodeGyp =
  process.env.npm_config_node_gyp ??
  join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
// Node's own headers (nodedir) would give Node's ABI: let node-gyp fetch Electron's.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)),
);
const result = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: buildDir, env, stdio: 'inherit' },
);
if (result.status !== 0) {
  fail(
    "La compilation de better-sqlite3 pour Electron a échoué (les en-têtes d'Electron se téléchargent une seule fois : vérifiez la connexion).",
  );
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(buildDir, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(join(root, '.native', 'build'), { recursive: true, force: true });
console.log(`✓ Prêt : ${target}`);
