/**
 * « Dossier du dialogue de gestion » of a contract year: one PDF where the user chooses, and beside it
 * `<same name> - justificatifs.zip` with each attached file named by its number in the PDF, and the PDF's list of
 * pieces as `00 - Liste des pièces.txt`. Both are written, or neither (a cancelled export writes nothing; a zip that
 * cannot be written takes the PDF away with it).
 */
import { readFile, unlink } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import JSZip from 'jszip';
import type { ExportResult } from '@shared/contract';
import type { ReportImage } from '@shared/reports/activity-report';
import type { ReportExport } from '@shared/reports/job';
import {
  MANAGEMENT_DIALOGUE_TITLE,
  type ManagementDialogueData,
  PIECES_LIST_ENTRY,
  piecesListText,
} from '@shared/reports/management-dialogue';
import type { DB } from '../../db/schema';
import { UserError } from '../errors';
import { writeFileAtomic } from '../files';
import { suggestedFileName } from '../reports';
import { type DialogueDossier, managementDialogueDossier } from './data';

export { type DialogueDossier, managementDialogueDossier } from './data';

export type ManagementDialogueResult = ExportResult & { bundle: { path: string; files: number } | null };

/** The zip of justificatifs: the list of pieces, then each file still in Maillage's folder under its numbered name. */
export async function justificatifsZip(dossier: DialogueDossier): Promise<{ bytes: Uint8Array; files: number }> {
  const zip = new JSZip();
  zip.file(PIECES_LIST_ENTRY, piecesListText(dossier.data));
  let files = 0;
  for (const piece of dossier.data.pieces) {
    const path = dossier.files.get(piece.number);
    if (!path) continue;
    const content = await readFile(path).catch(() => null);
    if (!content) continue;
    zip.file(piece.entryName, content, { binary: true });
    files += 1;
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' });
  return { bytes, files };
}

/** `…/Dossier.pdf` → `…/Dossier - justificatifs.zip`. */
export function bundlePathFor(pdfPath: string): string {
  return `${pdfPath.replace(/\.pdf$/i, '')} - justificatifs.zip`;
}

/** The PDF job of the dossier, with the file name offered when saving it. */
export function managementDialogueExport(data: ManagementDialogueData, today: string): ReportExport {
  return {
    fileName: suggestedFileName(`${MANAGEMENT_DIALOGUE_TITLE} année ${data.table.yearIndex}`, data.cptsName, today),
    job: { kind: 'managementDialogue', data },
  };
}

/**
 * Gathers the dossier and its zip, then saves the PDF through `savePdf` (which asks where, renders off the UI path
 * and can be cancelled); once the PDF is written, writes the zip beside it. Without any attached file there is no
 * zip (`bundle: null`).
 */
export async function exportManagementDialogue(
  db: Kysely<DB>,
  contractYearId: number,
  options: {
    now: Date;
    today: string;
    documentsDir: string;
    logo?: ReportImage | null;
    savePdf: (report: ReportExport) => Promise<ExportResult>;
  },
): Promise<ManagementDialogueResult> {
  const dossier = await managementDialogueDossier(db, contractYearId, options);
  const zip = dossier.data.pieces.length > 0 ? await justificatifsZip(dossier) : null;
  const saved = await options.savePdf(managementDialogueExport(dossier.data, options.today));
  if (!saved.saved || !zip) return { ...saved, bundle: null };
  const path = bundlePathFor(saved.path);
  try {
    await writeFileAtomic(path, zip.bytes);
  } catch (error) {
    await unlink(saved.path).catch(() => undefined);
    const reason = error instanceof UserError ? ` ${error.message}` : '';
    throw new UserError(
      'io',
      `Les justificatifs n’ont pas pu être enregistrés : le dossier n’a pas été gardé.${reason}`,
    );
  }
  return { ...saved, bundle: { path, files: zip.files } };
}
