/**
 * ACI reference data. These values are set by the ACI CPTS and its amendments (a renegotiation is announced
 * for 2026): they are data, versioned, never spread through the code.
 */

export interface SizeClassBand {
  taille: 1 | 2 | 3 | 4;
  /** Inclusive lower bound of the population. */
  min: number;
  /** Exclusive upper bound of the population, null for the last band. */
  max: number | null;
  label: string;
}

export interface SizeClassTable {
  version: string;
  source: string;
  bands: SizeClassBand[];
}

export const SIZE_CLASS_TABLES: SizeClassTable[] = [
  {
    version: 'ACI CPTS 2019 (avenant 2)',
    source: 'Accord conventionnel interprofessionnel CPTS du 20 juin 2019, tailles de communauté',
    bands: [
      { taille: 1, min: 0, max: 40_000, label: 'moins de 40 000 habitants' },
      { taille: 2, min: 40_000, max: 80_000, label: 'de 40 000 à 80 000 habitants' },
      { taille: 3, min: 80_000, max: 175_000, label: 'de 80 000 à 175 000 habitants' },
      { taille: 4, min: 175_000, max: null, label: 'plus de 175 000 habitants' },
    ],
  },
];

export const CURRENT_SIZE_CLASS_TABLE: SizeClassTable = SIZE_CLASS_TABLES[SIZE_CLASS_TABLES.length - 1]!;

/** The ACI size class for a population, or null for an empty territory. */
export function sizeClassFor(
  population: number,
  table: SizeClassTable = CURRENT_SIZE_CLASS_TABLE,
): SizeClassBand | null {
  if (!Number.isFinite(population) || population <= 0) return null;
  return table.bands.find((band) => population >= band.min && (band.max === null || population < band.max)) ?? null;
}

/** Length of an ACI contract, in years. */
export const ACI_CONTRACT_YEARS = 5;
