/**
 * Images of the yearly documents (the CPTS logo, the photos of the rapport d’activité): PNG or JPEG of 10 Mo at most,
 * copied into the documents folder like any attached file, and read back as bytes for the PDF worker and the Word
 * writer, which read no file themselves.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { imageSize } from 'image-size';
import type { Kysely, Transaction } from 'kysely';
import type { ReportImage } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { storeDocument } from '../documents';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

/** Largest image the yearly documents take. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const MIME_TYPES: Record<string, ReportImage['mimeType']> = { png: 'image/png', jpg: 'image/jpeg' };

/** What an image's bytes are: PNG or JPEG with its pixel size, null for anything else. */
export function imageInfo(bytes: Uint8Array): Omit<ReportImage, 'base64'> | null {
  try {
    const { type, width, height } = imageSize(bytes);
    const mimeType = type ? MIME_TYPES[type] : undefined;
    return mimeType && width > 0 && height > 0 ? { mimeType, width, height } : null;
  } catch {
    return null;
  }
}

/** Refuses, in French, a file that is not a PNG or JPEG image of 10 Mo at most. */
export async function checkImageFile(path: string): Promise<void> {
  const fileName = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError('io', `Le fichier « ${fileName} » est introuvable.`);
  if (info.size > MAX_IMAGE_BYTES) {
    throw new UserError('invalid_input', `L’image « ${fileName} » dépasse 10 Mo : choisissez une image plus légère.`);
  }
  if (!imageInfo(await readFile(path))) {
    throw new UserError('invalid_input', `« ${fileName} » n’est pas une image PNG ou JPEG.`);
  }
}

/** Checks an image file, then copies it into the documents folder (see `storeDocument`); returns the document id. */
export async function storeImage(
  db: Kysely<DB>,
  path: string,
  documentsDir: string,
  link: (trx: Transaction<DB>, documentId: number) => Promise<void>,
): Promise<number> {
  await checkImageFile(path);
  return storeDocument(db, path, documentsDir, { link });
}

/** A kept image as the reports carry it; null when its row or file is gone or it is no longer a PNG or JPEG. */
export async function loadReportImage(db: Db, documentsDir: string, documentId: number): Promise<ReportImage | null> {
  const row = await db.selectFrom('document').select('stored_name').where('id', '=', documentId).executeTakeFirst();
  if (!row) return null;
  const bytes = await readFile(join(documentsDir, row.stored_name)).catch(() => null);
  const info = bytes ? imageInfo(bytes) : null;
  return bytes && info ? { ...info, base64: Buffer.from(bytes).toString('base64') } : null;
}

/** The images of several documents read at once, for a builder that asks for them one by one. */
export async function loadReportImages(
  db: Db,
  documentsDir: string,
  documentIds: readonly number[],
): Promise<(documentId: number) => ReportImage | null> {
  const images = new Map<number, ReportImage | null>();
  for (const id of new Set(documentIds)) images.set(id, await loadReportImage(db, documentsDir, id));
  return (documentId) => images.get(documentId) ?? null;
}

/** « data:image/png;base64,… », for an <img> of the renderer. */
export function imageDataUrl(image: ReportImage): string {
  return `data:${image.mimeType};base64,${image.base64}`;
}
