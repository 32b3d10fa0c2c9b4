/**
 * `npm run bench`: runs every suite and writes the figures to bench/results.md.
 * Speed targets live here, not in timed tests: machines are noisy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './report';
import { territoryBench } from './suites/territory';
import { identityPdfBench } from './suites/identity-pdf';
import { membersBench } from './suites/members';
import { membersUiBench } from './suites/members-ui';
import { membersImportBench } from './suites/members-import';
import { membersPdfBench } from './suites/members-pdf';
import { quorumBench } from './suites/quorum';
import { agBench } from './suites/ag';
import { backupsBench } from './suites/backups';
import { databaseBench } from './suites/database';
import { crashBench } from './suites/crash';
import { healthProjectBench } from './suites/health-project';
import { protocolsBench } from './suites/protocols';
import { reportsBench } from './suites/reports';

const SUITES: [string, () => Promise<BenchSection>][] = [
  ['territoire', territoryBench],
  ['fiche-identite', identityPdfBench],
  ['adherents', membersBench],
  ['adherents-interface', membersUiBench],
  ['adherents-import', membersImportBench],
  ['adherents-pdf', membersPdfBench],
  ['quorum', quorumBench],
  ['assemblee', agBench],
  ['sauvegardes', backupsBench],
  ['base', databaseBench],
  ['crash', crashBench],
  ['projet-de-sante', healthProjectBench],
  ['protocoles', protocolsBench],
  ['rapports', reportsBench],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const out = fileURLToPath(new URL('./results.md', import.meta.url));
  // Each suite's section is kept between markers: running a few suites replaces their sections only.
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const kept = new Map<string, string>();
  for (const match of previous.matchAll(/<!-- suite:([\w-]+) -->\n([\s\S]*?)(?=<!-- suite:|$)/g))
    kept.set(match[1]!, match[2]!.trimEnd());
  for (const [name, suite] of SUITES) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stdout.write(`• ${name}… `);
    const section = await suite();
    process.stdout.write('fait\n');
    for (const row of section.rows)
      console.log(
        `    ${row.measure} : ${row.value}${row.target ? ` (cible ${row.target}${row.ok === false ? ' — NON ATTEINTE' : ''})` : ''}`,
      );
    const lines = [
      `## ${section.title}`,
      '',
      `Mesuré le ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      '',
    ];
    for (const note of section.notes ?? []) lines.push(note, '');
    lines.push('| Mesure | Valeur | Cible |', '|---|---:|---|');
    for (const row of section.rows) {
      const target = row.target ? `${row.target} ${row.ok === false ? '✗ non atteinte' : '✓'}` : '';
      lines.push(`| ${row.measure} | ${row.value} | ${target} |`);
    }
    kept.set(name, lines.join('\n'));
  }
  const lines = [
    '# Mesures de performance de Maillage',
    '',
    `Machine : Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model ?? 'processeur inconnu'}), ${Math.round(totalmem() / 2 ** 30)} Gio de mémoire.`,
    'Fichier écrit par `npm run bench` (toutes les mesures) ou `npm run bench -- <suite…>` (celles-là seulement).',
    '',
  ];
  for (const [name] of SUITES) {
    const section = kept.get(name);
    if (section) lines.push(`<!-- suite:${name} -->`, section, '');
  }
  writeFileSync(out, lines.join('\n'));
  console.log(`Résultats écrits dans ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
