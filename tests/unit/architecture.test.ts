import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';

// The architecture zones of .dependency-cruiser.cjs, run the way `npm run lint` runs them.

const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  type: string;
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

function cruise(
  cwd: string,
  args: string[],
  outputType = 'json',
): { violations: Violation[]; modules: number; exitCode: number } {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', outputType, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser n'a rien produit : ${run.stderr}`);
  if (outputType !== 'json') return { violations: [], modules: 0, exitCode: run.status ?? -1 };
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised, exitCode: run.status ?? -1 };
}

/** A small tree laid out like the repository, each file breaking (or deliberately keeping) one rule. */
const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '@shared/*': ['./shared/*'] } },
  }),
  'shared/bad-node.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'shared/bad-app.ts': "import { wiring } from '../electron/main/wiring';\nexport const app = wiring;\n",
  'shared/bad-zod.ts': "import { z } from 'zod';\nexport const name = z.string();\n",
  'shared/zod-fr.ts': "import { z } from 'zod';\nexport { z };\n",
  'shared/contract.ts':
    "import { z } from './zod-fr';\nexport const channels = ['a'];\nexport const input = z.string();\n",
  'shared/contract/channels.ts': "export const channelNames = ['a'];\n",
  'renderer/bad-main.ts': "import { wiring } from '../electron/main/wiring';\nexport const main = wiring;\n",
  'renderer/bad-electron.ts': "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n",
  'renderer/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
  'renderer/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
  'electron/main/wiring.ts': 'export const wiring = 1;\n',
  'electron/services/bad.ts': "import { drawA } from '../pdf/report-a/draw';\nexport const service = drawA;\n",
  'electron/pdf/report-a/draw.ts': "import { drawB } from '../report-b/draw';\nexport const drawA = drawB;\n",
  'electron/pdf/report-b/draw.ts': [
    "import { kit } from '../components/kit';",
    "import { table } from '../layout/table';",
    "import { render } from '../render';",
    "import { own } from './own';",
    "import { channelNames } from '@shared/contract/channels';",
    'export const drawB = [kit, table, render, own, channelNames];',
    '',
  ].join('\n'),
  'electron/pdf/report-b/own.ts': 'export const own = 1;\n',
  'electron/pdf/components/kit.ts': 'export const kit = 1;\n',
  'electron/pdf/layout/table.ts': 'export const table = 1;\n',
  'electron/pdf/render.ts': 'export const render = 1;\n',
  'electron/preload/index.ts': [
    "import { contextBridge } from 'electron';",
    "import type { input } from '@shared/contract';",
    "import { channelNames } from '@shared/contract/channels';",
    "import { channels } from '@shared/contract';",
    'export type Input = typeof input;',
    'contextBridge.exposeInMainWorld("api", [channels, channelNames]);',
    '',
  ].join('\n'),
};

describe('architecture zones (dependency-cruiser)', () => {
  let tree: { dir: string; cleanup: () => void };
  let violations: Violation[];

  beforeAll(() => {
    tree = tempDir('maillage-architecture-');
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(tree.dir, path)), { recursive: true });
      writeFileSync(join(tree.dir, path), text);
    }
    // Packages (electron, zod) resolve as they do in the repository.
    symlinkSync(join(ROOT, 'node_modules'), join(tree.dir, 'node_modules'), 'dir');
    ({ violations } = cruise(tree.dir, ['electron', 'renderer', 'shared']));
  }, 120_000);

  afterAll(() => tree?.cleanup());

  const reported = (rule: string) =>
    violations.filter((violation) => violation.rule.name === rule).map(({ from, to }) => `${from} → ${to}`);

  it('fails the command when a rule is broken', () => {
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((violation) => violation.rule.severity === 'error')).toBe(true);
    // The reporter `npm run lint:deps` uses exits with the number of errors.
    expect(cruise(tree.dir, ['shared/bad-node.ts'], 'err').exitCode).toBe(1);
  }, 60_000);

  it('keeps shared/ free of Node built-ins, app code and Electron', () => {
    expect(reported('shared-not-to-node-builtins')).toEqual(['shared/bad-node.ts → fs']);
    expect(reported('shared-not-to-app-code')).toEqual(['shared/bad-app.ts → electron/main/wiring.ts']);
  });

  it('keeps the renderer away from electron/ and the electron package', () => {
    const found = reported('renderer-not-to-electron');
    expect(found).toContain('renderer/bad-main.ts → electron/main/wiring.ts');
    expect(found.some((line) => /^renderer\/bad-electron\.ts → .*node_modules\/electron\//.test(line))).toBe(true);
    expect(found).toHaveLength(2);
  });

  it('keeps services away from the PDF layer', () => {
    expect(reported('services-not-to-pdf-main-electron')).toEqual([
      'electron/services/bad.ts → electron/pdf/report-a/draw.ts',
    ]);
  });

  it('lets a PDF report import the kit, top-level PDF files and shared/, never another report', () => {
    expect(reported('pdf-report-is-a-leaf')).toEqual(['electron/pdf/report-a/draw.ts → electron/pdf/report-b/draw.ts']);
  });

  it('lets the preload import Electron, the channel names and types only', () => {
    expect(reported('preload-only-channel-names')).toEqual(['electron/preload/index.ts → shared/contract.ts']);
  });

  it('sends every import of zod through shared/zod-fr.ts', () => {
    const found = reported('zod-through-zod-fr');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^shared\/bad-zod\.ts → .*node_modules\/zod\//);
  });

  it('reports import cycles', () => {
    const cycles = violations.filter((violation) => violation.rule.name === 'no-circular');
    expect(cycles).toHaveLength(1);
    expect([cycles[0]!.from, cycles[0]!.to].sort()).toEqual(['renderer/cycle-a.ts', 'renderer/cycle-b.ts']);
  });
});

describe('the repository itself', () => {
  it('has no dependency violation beyond the known ones', () => {
    // Exactly the command of `npm run lint:deps`.
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts['lint:deps']!;
    const [command, ...args] = script.split(' ');
    expect(command).toBe('depcruise');
    const typeAt = args.indexOf('--output-type');
    args.splice(typeAt, 2);
    const { violations, modules } = cruise(ROOT, args);
    expect(modules).toBeGreaterThan(200);
    const unknown = violations.filter((violation) => violation.rule.severity !== 'ignore');
    expect(unknown.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`)).toEqual([]);
  }, 180_000);
});
