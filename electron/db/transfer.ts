/**
 * The transfer file (`.maillage`): the database (a consistent, checked copy) and the `documents/` folder in one
 * file, to hand the CPTS to another computer, optionally encrypted with a passphrase.
 *
 * Layout (all integers big-endian):
 *   header   "MAILLAGE-TRANSFERT" · version (u8 = 1) · mode (u8: 0 plain, 1 encrypted)
 *            mode 1 adds: log2(N) (u8) · r (u8) · p (u8) · salt (16 bytes) · IV (12 bytes)
 *   payload  entries, each: name length (u32) · name (UTF-8) · data length (u64) · data
 *            (encrypted as a whole in mode 1: AES-256-GCM, key from scrypt, the header as additional data)
 *   trailer  mode 0: SHA-256 of header + payload (catches a damaged file); mode 1: the 16-byte GCM tag
 *            (catches a wrong passphrase and any change to the file)
 * A length-prefixed container rather than a zip: three kinds of entries, no compression worth having (SQLite
 * pages and PDFs), and nothing to guard against (zip bombs, paths) beyond the names we check on reading.
 * Everything goes through memory: fine for a CPTS's database and meeting attachments (tens of megabytes).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIN_PASSPHRASE_LENGTH } from '@shared/domain/backups';
import { UserError } from '../services/errors';
import { writeFileAtomic } from '../services/files';
import { backupToFile } from './backups';
import { inspectDatabaseFile, type RestorePreview, type StagedRestore } from './restore';

const MAGIC = Buffer.from('MAILLAGE-TRANSFERT', 'ascii');
const VERSION = 1;
const SCRYPT = { logN: 15, r: 8, p: 1 };
const DB_ENTRY = 'maillage.sqlite';
const DOCUMENTS_PREFIX = 'documents/';
/** A transfer file larger than this is refused before it is read. */
const MAX_BUNDLE_BYTES = 2 * 1024 ** 3 - 1;

function deriveKey(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function entry(name: string, data: Buffer): Buffer[] {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(4 + nameBytes.length + 8);
  head.writeUInt32BE(nameBytes.length, 0);
  nameBytes.copy(head, 4);
  head.writeBigUInt64BE(BigInt(data.length), 4 + nameBytes.length);
  return [head, data];
}

/**
 * Writes the transfer file at `target`: a checked copy of the live database and every attached document,
 * encrypted when a passphrase is given. Returns the size written.
 */
export async function writeTransferFile(options: {
  sqlite: Database.Database;
  documentsDir: string;
  target: string;
  /** Where the temporary copy of the database is made (beside the database). */
  workDir: string;
  passphrase: string | null;
}): Promise<{ bytes: number; documents: number }> {
  const { passphrase } = options;
  if (passphrase !== null && passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new UserError(
      'invalid_input',
      `La phrase secrète doit compter au moins ${MIN_PASSPHRASE_LENGTH} caractères.`,
    );
  }
  await mkdir(options.workDir, { recursive: true });
  const copy = join(options.workDir, `transfert-${process.pid}-${Date.now()}.sqlite`);
  const parts: Buffer[] = [];
  let documents = 0;
  try {
    await backupToFile(options.sqlite, copy);
    parts.push(...entry(DB_ENTRY, await readFile(copy)));
  } finally {
    await rm(copy, { force: true });
  }
  if (existsSync(options.documentsDir)) {
    for (const name of (await readdir(options.documentsDir, { withFileTypes: true }))
      .filter((item) => item.isFile())
      .map((item) => item.name)
      .sort()) {
      parts.push(...entry(DOCUMENTS_PREFIX + name, await readFile(join(options.documentsDir, name))));
      documents += 1;
    }
  }
  const payload = Buffer.concat(parts);

  let file: Buffer;
  if (passphrase === null) {
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION, 0])]);
    const digest = createHash('sha256').update(header).update(payload).digest();
    file = Buffer.concat([header, payload, digest]);
  } else {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION, 1, SCRYPT.logN, SCRYPT.r, SCRYPT.p]), salt, iv]);
    const key = await deriveKey(passphrase, salt, SCRYPT.logN, SCRYPT.r, SCRYPT.p);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(header);
    const encrypted = Buffer.concat([cipher.update(payload), cipher.final()]);
    file = Buffer.concat([header, encrypted, cipher.getAuthTag()]);
  }
  await writeFileAtomic(options.target, file);
  return { bytes: file.length, documents };
}

const NOT_A_TRANSFER =
  'Ce fichier n’est pas un fichier de transfert Maillage (.maillage) : il ne peut pas être importé. Rien n’a été modifié.';
const DAMAGED =
  'Ce fichier de transfert est endommagé ou a été modifié : il ne peut pas être importé. Rien n’a été modifié.';

interface ParsedHeader {
  encrypted: boolean;
  headerLength: number;
  scrypt?: { logN: number; r: number; p: number; salt: Buffer; iv: Buffer };
}

function parseHeader(file: Buffer): ParsedHeader {
  if (file.length < MAGIC.length + 2 || !file.subarray(0, MAGIC.length).equals(MAGIC))
    throw new UserError('invalid_input', NOT_A_TRANSFER);
  const version = file[MAGIC.length]!;
  const mode = file[MAGIC.length + 1]!;
  if (version > VERSION) {
    throw new UserError(
      'invalid_input',
      'Ce fichier de transfert a été fait par une version plus récente de Maillage : installez la dernière version pour l’importer. Rien n’a été modifié.',
    );
  }
  if (version !== VERSION || (mode !== 0 && mode !== 1)) throw new UserError('invalid_input', NOT_A_TRANSFER);
  if (mode === 0) return { encrypted: false, headerLength: MAGIC.length + 2 };
  const at = MAGIC.length + 2;
  if (file.length < at + 3 + 16 + 12 + 16) throw new UserError('invalid_input', DAMAGED);
  const [logN, r, p] = [file[at]!, file[at + 1]!, file[at + 2]!];
  if (logN < 10 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw new UserError('invalid_input', DAMAGED);
  return {
    encrypted: true,
    headerLength: at + 3 + 16 + 12,
    scrypt: { logN, r, p, salt: file.subarray(at + 3, at + 19), iv: file.subarray(at + 19, at + 31) },
  };
}

async function readBundle(path: string): Promise<Buffer> {
  try {
    const file = await readFile(path);
    if (file.length > MAX_BUNDLE_BYTES)
      throw new UserError('invalid_input', 'Ce fichier de transfert est trop volumineux pour être importé.');
    return file;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('io', `Impossible de lire « ${path} ». Vérifiez que le fichier existe. Rien n’a été modifié.`);
  }
}

async function readStart(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAGIC.length + 64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * What a chosen file is, by its first bytes whatever its name: not a transfer file (null), or a transfer file
 * and whether it asks for a passphrase.
 */
export async function transferKind(path: string): Promise<{ encrypted: boolean } | null> {
  let start: Buffer;
  try {
    start = await readStart(path);
  } catch {
    throw new UserError('io', `Impossible de lire « ${path} ». Vérifiez que le fichier existe. Rien n’a été modifié.`);
  }
  if (!start.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  return { encrypted: start[MAGIC.length + 1] === 1 };
}

/**
 * Opens a transfer file into `stagingDir` (database and documents), after checking its seal or its passphrase,
 * and inspects the database. Nothing outside `stagingDir` is written.
 */
export async function stageTransferFile(
  source: string,
  passphrase: string | null,
  stagingDir: string,
  knownMigrations?: string[],
): Promise<{ staged: StagedRestore; preview: RestorePreview }> {
  const file = await readBundle(source);
  const header = parseHeader(file);
  let payload: Buffer;
  if (!header.encrypted) {
    if (file.length < header.headerLength + 32) throw new UserError('invalid_input', DAMAGED);
    const body = file.subarray(0, file.length - 32);
    const digest = createHash('sha256').update(body).digest();
    if (!timingSafeEqual(digest, file.subarray(file.length - 32))) throw new UserError('invalid_input', DAMAGED);
    payload = file.subarray(header.headerLength, file.length - 32);
  } else {
    if (!passphrase)
      throw new UserError('invalid_input', 'Ce fichier de transfert est protégé : saisissez sa phrase secrète.', {
        passphrase: 'Phrase secrète requise.',
      });
    const { logN, r, p, salt, iv } = header.scrypt!;
    const key = await deriveKey(passphrase, salt, logN, r, p);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(file.subarray(0, header.headerLength));
    decipher.setAuthTag(file.subarray(file.length - 16));
    try {
      payload = Buffer.concat([
        decipher.update(file.subarray(header.headerLength, file.length - 16)),
        decipher.final(),
      ]);
    } catch {
      throw new UserError(
        'invalid_input',
        'La phrase secrète ne correspond pas à ce fichier de transfert (ou le fichier a été modifié). Rien n’a été modifié ; vérifiez la phrase et recommencez.',
        { passphrase: 'Phrase secrète incorrecte.' },
      );
    }
  }

  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(join(stagingDir, 'documents'), { recursive: true });
  const dbFile = join(stagingDir, 'maillage.sqlite');
  let documents = 0;
  let hasDatabase = false;
  let at = 0;
  try {
    while (at < payload.length) {
      if (at + 4 > payload.length) throw new UserError('invalid_input', DAMAGED);
      const nameLength = payload.readUInt32BE(at);
      if (nameLength === 0 || nameLength > 1024 || at + 4 + nameLength + 8 > payload.length)
        throw new UserError('invalid_input', DAMAGED);
      const name = payload.subarray(at + 4, at + 4 + nameLength).toString('utf8');
      const length = Number(payload.readBigUInt64BE(at + 4 + nameLength));
      const start = at + 4 + nameLength + 8;
      if (start + length > payload.length) throw new UserError('invalid_input', DAMAGED);
      const data = payload.subarray(start, start + length);
      at = start + length;
      if (name === DB_ENTRY && !hasDatabase) {
        await writeFile(dbFile, data);
        hasDatabase = true;
      } else if (name.startsWith(DOCUMENTS_PREFIX)) {
        const documentName = name.slice(DOCUMENTS_PREFIX.length);
        // Only plain file names: nothing can be written outside the staging folder.
        if (
          !documentName ||
          documentName !== basename(documentName) ||
          documentName.startsWith('.') ||
          /[\\/:]/.test(documentName)
        ) {
          throw new UserError('invalid_input', DAMAGED);
        }
        await writeFile(join(stagingDir, 'documents', documentName), data);
        documents += 1;
      } else {
        throw new UserError('invalid_input', DAMAGED);
      }
    }
    if (!hasDatabase) throw new UserError('invalid_input', DAMAGED);
    const preview = inspectDatabaseFile(dbFile, knownMigrations);
    return {
      staged: { stagingDir, dbFile, documentsDir: join(stagingDir, 'documents') },
      preview: { ...preview, documents },
    };
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
