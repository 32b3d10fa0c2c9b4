/**
 * A look at a zip file's central directory (an XLSX is a zip) before anything is inflated: how many entries, how
 * many bytes they would take once inflated, and by how much they are compressed. A zip bomb (a small file that
 * inflates to hundreds of megabytes) is refused here, with a French message, without inflating a single byte.
 */
import { UserError } from '../errors';

/** Inflated size of all the entries together beyond which a workbook is refused. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** More entries than this is not a member list. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Compression ratio beyond which a big entry is taken for a bomb (Excel's XML compresses about 10 to 30 times). */
export const MAX_ZIP_RATIO = 200;
/** The ratio is only checked for entries bigger than this once inflated (a tiny file may compress a lot). */
const RATIO_CHECKED_FROM = 5 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
  /** Highest inflated / compressed ratio of an entry. */
  maxRatio: number;
}

function damaged(fileName: string): UserError {
  return new UserError(
    'invalid_input',
    `Le fichier « ${fileName} » n'est pas un classeur Excel lisible (fichier abîmé ?). Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format .xlsx ou .csv.`,
  );
}

/** Reads the central directory of a zip held in `buffer`; throws a French UserError for a damaged zip. */
export function summariseZip(buffer: Buffer, fileName: string): ZipSummary {
  // The end-of-central-directory record is in the last 22 bytes + up to 65 535 bytes of comment.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65_535); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(fileName);
  const declaredEntries = buffer.readUInt16LE(eocd + 10);
  const directorySize = buffer.readUInt32LE(eocd + 12);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  // ZIP64 (markers 0xFFFF / 0xFFFFFFFF): only for archives of more than 65 535 entries or 4 GB, never a member list.
  if (declaredEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » est une archive démesurée pour une liste d'adhérents : Maillage ne l'ouvre pas.`,
    );
  }
  if (directoryOffset + directorySize > buffer.length) throw damaged(fileName);

  const summary: ZipSummary = { entries: 0, compressedBytes: 0, uncompressedBytes: 0, maxRatio: 0 };
  let offset = directoryOffset;
  const end = directoryOffset + directorySize;
  while (offset + 46 <= end) {
    if (buffer.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw damaged(fileName);
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      throw new UserError(
        'invalid_input',
        `Le fichier « ${fileName} » est une archive démesurée pour une liste d'adhérents : Maillage ne l'ouvre pas.`,
      );
    }
    summary.entries++;
    summary.compressedBytes += compressed;
    summary.uncompressedBytes += uncompressed;
    if (uncompressed >= RATIO_CHECKED_FROM)
      summary.maxRatio = Math.max(summary.maxRatio, uncompressed / Math.max(compressed, 1));
    offset +=
      46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
    if (summary.entries > MAX_ZIP_ENTRIES) break;
  }
  return summary;
}

/** « 206 Ko », « 200 Mo ». */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} Ko`;
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;
}

/**
 * Refuses a workbook whose central directory announces too many entries, too many inflated bytes or an abnormal
 * compression ratio (a zip bomb), before it is inflated.
 */
export function assertSafeZip(buffer: Buffer, fileName: string): ZipSummary {
  const summary = summariseZip(buffer, fileName);
  const bomb =
    summary.entries > MAX_ZIP_ENTRIES ||
    summary.uncompressedBytes > MAX_UNZIPPED_BYTES ||
    summary.maxRatio > MAX_ZIP_RATIO;
  if (bomb) {
    const what =
      summary.entries > MAX_ZIP_ENTRIES
        ? `il contient plus de ${MAX_ZIP_ENTRIES.toLocaleString('fr-FR')} fichiers internes`
        : `ses ${formatBytes(buffer.length)} se décompresseraient en ${formatBytes(summary.uncompressedBytes)}`;
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » est refusé : ${what}, ce qui n'est pas une liste d'adhérents ordinaire (fichier piégé ou abîmé). Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format .xlsx ou .csv.`,
    );
  }
  return summary;
}
