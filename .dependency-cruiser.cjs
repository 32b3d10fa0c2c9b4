/**
 * Architecture zones of Maillage, checked by `npm run lint` (and so by `npm test`).
 * Violations that exist today are listed in .dependency-cruiser-known-violations.json: the check fails only on new
 * ones. Fix one, then regenerate the list with `npm run lint:deps:baseline` so that it cannot come back.
 *
 * Paths are relative to the repository root; `@shared/*` is resolved through tsconfig paths.
 */
// Packages are matched wherever node_modules sits: tests/unit/architecture.test.ts cruises a temporary tree whose
// packages resolve to this repository's node_modules.
const ELECTRON_PACKAGE = '(^|/)node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-not-to-electron',
      comment: 'The renderer is untrusted web code: it reaches the main process only through window.api.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', ELECTRON_PACKAGE] },
    },
    {
      name: 'shared-not-to-app-code',
      comment: 'shared/ is imported by both sides: it never depends on electron/, renderer/ or the electron package.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^electron/', '^renderer/', ELECTRON_PACKAGE] },
    },
    {
      name: 'shared-not-to-node-builtins',
      comment: 'shared/ also runs in the renderer, where Node built-ins do not exist.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-not-to-pdf-main-electron',
      comment:
        'Services are plain functions over Kysely<DB>: they never import the PDF layer, the main-process wiring or Electron.',
      severity: 'error',
      from: { path: '^electron/services/' },
      to: { path: ['^electron/pdf/', '^electron/main/', ELECTRON_PACKAGE] },
    },
    {
      name: 'pdf-report-is-a-leaf',
      comment:
        'A report folder under electron/pdf/ imports only itself, the shared PDF kit (components/, layout/), top-level files of electron/pdf/ and shared/.',
      severity: 'error',
      from: { path: '^electron/pdf/([^/]+)/' },
      to: { path: '^electron/pdf/[^/]+/', pathNot: ['^electron/pdf/$1/', '^electron/pdf/(components|layout)/'] },
    },
    {
      name: 'preload-only-channel-names',
      comment:
        'The preload is bundled into every window: it imports only Electron and the plain list of channel names (types are free).',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['^electron/preload/', '^shared/contract/channels\\.ts$', ELECTRON_PACKAGE],
      },
    },
    {
      name: 'zod-through-zod-fr',
      comment: "Schemas import z from '@shared/zod-fr' (French messages, safe strings), never from 'zod' directly.",
      severity: 'error',
      from: { pathNot: '^shared/zod-(fr|safe)\\.ts$' },
      to: { path: '(^|/)node_modules/zod/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make module order matter and hide layering mistakes.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
