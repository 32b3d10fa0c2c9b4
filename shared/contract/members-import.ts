/** Import of members from a spreadsheet: open, preview, apply, progress. */
import { z } from '../zod-fr';
import { channel, noInput } from './common';

/** A field a spreadsheet column can fill; `cotisation:2025` records the 2025 cotisation amount. */
export type ImportField = string;

export interface ImportOpened {
  token: string;
  fileName: string;
  /** « UTF-8 », « UTF-8 avec BOM », « Windows-1252 » for CSV; null for XLSX. */
  encoding: string | null;
  /** « ; », « , » or « tabulation » for CSV; null for XLSX. */
  separator: string | null;
  sheetName: string | null;
  headers: string[];
  /** Row of the file the column titles were read on (title rows above it are skipped). */
  headerLine: number;
  /** French notes on the reading: title rows skipped, lines whose encoding was repaired. */
  notes: string[];
  rowCount: number;
  /** First rows, as text, for the mapping step. */
  sample: string[][];
  /** Suggested field per column (null: ignored). */
  mapping: (ImportField | null)[];
  /** Every field a column can be mapped to, with its French label. */
  fields: { code: ImportField; label: string }[];
}

export interface ImportRowPreview {
  /** Line in the file (1 = header). */
  line: number;
  displayName: string;
  professionLabel: string | null;
  communeName: string | null;
  matchedMemberId: number | null;
  /** How the row was recognised: RPPS (person), FINESS or SIRET (structure), or names and commune. */
  matchedBy: 'rpps' | 'finess_siret' | 'nom_profession_commune' | 'nom_commune' | null;
  /** French descriptions of what changes for an update (« Téléphone : 04… → 06… »). */
  changes: string[];
  /** French reasons of the errors of this row. */
  errors: string[];
  /** A second occurrence of a member of the file: skipped, with what it says differently (« Téléphone : « 06… » »). */
  duplicate: { of: number; reason: string; firstImported: boolean; ignoredValues: string[] } | null;
}

export interface ImportPreview {
  token: string;
  total: number;
  toCreate: ImportRowPreview[];
  toUpdate: ImportRowPreview[];
  unchanged: ImportRowPreview[];
  errors: ImportRowPreview[];
  /** Second occurrences of a member of the file, skipped. */
  duplicates: ImportRowPreview[];
  /** Paid cotisations and « oui » consents the file gives without a date: the preview asks for one. */
  undated: { cotisations: number; consents: number };
  /** Collèges named in the file that do not exist yet (created by the import when asked). */
  missingColleges: { name: string; rows: number }[];
}

/** Where a long import call is, for its progress bar. */
export interface ImportProgress {
  phase: 'lecture' | 'verification' | 'enregistrement';
  percent: number;
  /** French label of the step (« Décompression du classeur… »). */
  label: string;
}

/** The choices of the import's preview step: one date for what the file does not date, creating missing collèges. */
export const importOptionsSchema = z.object({
  undatedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indiquez une date au format jj/mm/aaaa.' })
    .nullable(),
  createColleges: z.boolean(),
});

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skippedErrors: number;
  skippedDuplicates: number;
  cotisations: number;
  /** Names of the collèges the import created. */
  collegesCreated: string[];
}

/** Channels of the import of members from a spreadsheet. */
export const membersImportChannels = {
  'members.importOpen': channel<ImportOpened | { cancelled: true }>()(noInput),
  'members.importPreview': channel<ImportPreview>()(
    z.object({
      token: z.string().min(1),
      mapping: z.array(z.string().nullable()),
      options: importOptionsSchema.optional(),
    }),
  ),
  'members.importApply': channel<ImportResult>()(
    z.object({
      token: z.string().min(1),
      mapping: z.array(z.string().nullable()),
      options: importOptionsSchema.optional(),
    }),
  ),
  'members.importProgress': channel<ImportProgress | null>()(noInput),
} as const;
