/** The columns of the two signature tables: voting members, and participants without a deliberative vote. */
import { formatVoix } from '@shared/format';
import type { SheetColumn } from './SheetTable';
import { type NonVoter, type NumberedVoter, representedLabel } from './texts';

/** Widths are points of the landscape content width (742 pt); the Voix column, when present, narrows Signature. */
export function voterColumns(weighted: boolean): SheetColumn<NumberedVoter>[] {
  const columns: SheetColumn<NumberedVoter>[] = [
    // A plain number (« 1500 »): it stays on one line in the narrow column.
    { header: 'N°', width: 32, numeric: true, unique: true, value: (v) => String(v.number), tone: () => 'muted' },
    { header: 'Nom', width: 150, value: (v) => v.name, tone: () => 'name' },
    // « Médecin — Médecine générale », the most frequent long quality, holds on one line.
    { header: 'Qualité', width: 138, value: (v) => v.quality },
    {
      header: 'Cotisation',
      width: 76,
      value: (v) => v.cotisationLabel,
      tone: (v) => (v.upToDate ? 'normal' : 'warning'),
    },
  ];
  if (weighted) {
    columns.push({
      header: 'Voix',
      width: 30,
      numeric: true,
      value: (v) => (v.weight === null ? null : formatVoix(v.weight)),
    });
  }
  columns.push(
    { header: 'Pouvoirs détenus', width: 150, value: (v) => (v.proxiesHeld.length > 0 ? v.proxiesHeld : null) },
    {
      header: 'Signature',
      width: weighted ? 166 : 196,
      value: (v) => (v.representedBy ? representedLabel(v.representedBy) : ''),
      tone: () => 'muted',
      shaded: (v) => v.representedBy !== null,
    },
  );
  return columns;
}

export const nonVoterColumns: SheetColumn<NonVoter>[] = [
  { header: 'Nom', width: 178, value: (p) => p.name, tone: () => 'name' },
  { header: 'Qualité', width: 180, value: (p) => p.quality },
  { header: 'Motif', width: 184, value: (p) => p.reason || null },
  { header: 'Signature', width: 200, value: () => '' },
];
