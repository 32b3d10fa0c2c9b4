/**
 * The « annexe indicateurs » of the ACI contract as a spreadsheet: importing the annex the CPAM sends (open the
 * file, map its columns, preview each row with the reason of its refusal, apply in one transaction for a contract
 * year) and exporting the tableau de suivi of a contract to XLSX, one sheet per contract year.
 */
import { z } from '../zod-fr';
import { channel, type ExportResult, noInput } from './common';
import type { AciMissionCode } from '../domain/aci';

const id = z.number().int().positive();

/** A column of the annex Maillage can read. */
export const ANNEX_FIELDS = [
  'mission',
  'code',
  'indicateur',
  'nature',
  'type_valeur',
  'sens',
  'valeur_initiale',
  'date_valeur_initiale',
  'cible',
  'regle',
  'paliers',
  'montant',
  'source',
  'justificatifs',
] as const;
export type AnnexField = (typeof ANNEX_FIELDS)[number];

export interface AnnexOpened {
  token: string;
  fileName: string;
  /** « UTF-8 », « Windows-1252 »… for CSV; null for XLSX. */
  encoding: string | null;
  separator: string | null;
  sheetName: string | null;
  headers: string[];
  /** Row of the file the column titles were read on (title rows above it are skipped). */
  headerLine: number;
  notes: string[];
  rowCount: number;
  /** First rows, as text, for the mapping step. */
  sample: string[][];
  /** Suggested field per column (null: ignored). */
  mapping: (AnnexField | null)[];
  fields: { code: AnnexField; label: string }[];
}

/** What the import does with a row: create the indicator and its target, add a target to a known one, or nothing. */
export type AnnexRowAction = 'create' | 'add_target' | 'unchanged' | 'error';

export interface AnnexRowPreview {
  /** Line in the file. */
  line: number;
  missionCode: AciMissionCode | null;
  code: string | null;
  label: string;
  /** What will be written, in French: « Par paliers : ≤ 219 → 3 000 € ; ≤ 100 → 6 000 € », « Oui / non, 2 000 € ». */
  summary: string;
  /** The indicator's € value for the year, null when it cannot be read. */
  amountCents: number | null;
  action: AnnexRowAction;
  /** The indicator of the contract this row is (same code, or same mission and wording), if any. */
  existingIndicatorId: number | null;
  /** French reasons of the refusal, or of « unchanged ». */
  errors: string[];
  notes: string[];
}

export interface AnnexMissionTotal {
  missionCode: AciMissionCode;
  /** Σ of the amounts of the rows to import and of the targets already entered for the year. */
  indicatorsCents: number;
  /** The mission's variable maximum for the year, null when no envelope is entered. */
  variableMaxCents: number | null;
  /** « Les indicateurs de la mission … totalisent … » when they do not add up. */
  warning: string | null;
}

export interface AnnexPreview {
  token: string;
  contractYearId: number;
  yearIndex: number;
  rows: AnnexRowPreview[];
  counts: Record<AnnexRowAction, number>;
  missions: AnnexMissionTotal[];
}

export interface AnnexResult {
  indicatorsCreated: number;
  targetsCreated: number;
  requirementsCreated: number;
  /** Rows in error or unchanged, left as they were. */
  skipped: number;
}

const mappingInput = z.object({
  token: z.string().uuid('Ce fichier d’import n’est plus ouvert : choisissez-le à nouveau.'),
  contractYearId: id,
  mapping: z.array(z.enum(ANNEX_FIELDS).nullable()).max(200, 'Trop de colonnes.'),
});

/** Channels of the annex import and of the tableau de suivi export. */
export const annexChannels = {
  'annex.open': channel<AnnexOpened | { cancelled: true }>()(noInput),
  'annex.preview': channel<AnnexPreview>()(mappingInput),
  'annex.apply': channel<AnnexResult>()(mappingInput),
  'annex.close': channel<{ closed: true }>()(z.object({ token: z.string().max(100) })),
  'annex.exportTracking': channel<ExportResult>()(z.object({ contractId: id })),
} as const;
