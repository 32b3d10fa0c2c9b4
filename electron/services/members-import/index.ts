/**
 * Import of a member list from a spreadsheet (CSV or XLSX): reading, mapping of the columns, preview, then one
 * transaction that creates the new members, updates the known ones and records the cotisations.
 *
 * Duplicate-safe by design: a row matches an existing member by RPPS first, then by name + profession + commune
 * (FINESS ET, SIRET, then name + commune for a structure); a row several members could be (no commune to tell them
 * apart) is refused, never created; a second occurrence of the same member in the file is shown as a duplicate of
 * the first and skipped. Re-importing the same file changes nothing. A person erased at her request (RGPD) is not
 * brought back.
 *
 * Nothing is invented: a cotisation paid without a date, or a « oui » to the directory consent, is dated with the
 * date the coordinator gives for the whole file, or left undated (unpaid, no consent) — never dated « today ».
 * Collèges of the file that do not exist yet are created in the same transaction, when the coordinator agrees.
 */
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readSpreadsheet, type Spreadsheet } from './read';
export { setImportWorker } from './reader';
export { applyImport } from './apply';
export type { ImportOptions } from './context';
export { previewImport } from './preview';
export { importProgress } from './progress';
export { chooseAndOpenImport, closeImport, openImport } from './sessions';
