/**
 * A protocol written in Word brought in as a draft: mammoth reads the .docx (its text only, no image), the HAS
 * sections are recognised by their headings (`@shared/domain/protocols`), and a new protocol is created with a first
 * draft holding that text; the .docx itself is kept among the protocol's documents as « Original Word ».
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import mammoth from 'mammoth';
import type { ProtocolDetail } from '@shared/contract/protocols';
import { htmlBlocks, splitWordProtocol } from '@shared/domain/protocols';
import { cleanText, pdfCanDraw } from '@shared/text';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { MAX_DOCUMENT_BYTES, storeDocument } from '../documents';
import { UserError } from '../errors';
import { summariseZip } from '../members-import/zip';
import { getProtocol } from './library-queries';
import { writeVersionLists } from './versions';

/** Inflated size beyond which a .docx is taken for a zip bomb (a long protocol with images stays far below). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** What a text field can hold: control characters and glyphs the PDF font cannot draw are dropped. */
function fieldText(text: string | undefined, max: number): string | null {
  if (!text) return null;
  const clean = [...cleanText(text)].filter((char) => pdfCanDraw(char.codePointAt(0)!)).join('');
  const trimmed = clean.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

function notWord(fileName: string): UserError {
  return new UserError(
    'invalid_input',
    `Le fichier « ${fileName} » n’est pas un document Word (.docx) lisible. Ouvrez-le dans votre traitement de texte et enregistrez-le au format .docx (Word 2007 ou plus récent). Rien n’a été importé.`,
  );
}

/** Reads a .docx into the sections of a draft; refuses anything else with a French message. */
export async function readWordProtocol(path: string) {
  const fileName = basename(path);
  const extension = extname(fileName).toLowerCase();
  if (extension === '.doc')
    throw new UserError(
      'invalid_input',
      `« ${fileName} » est au format Word 97-2003 (.doc) : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx, puis importez ce fichier. Rien n’a été importé.`,
    );
  if (extension !== '.docx') throw notWord(fileName);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError('io', `Le fichier « ${fileName} » est introuvable.`);
  if (info.size > MAX_DOCUMENT_BYTES)
    throw new UserError('invalid_input', `Le fichier « ${fileName} » dépasse 50 Mo. Rien n’a été importé.`);
  const buffer = await readFile(path);
  let unzipped: number;
  try {
    unzipped = summariseZip(buffer, fileName).uncompressedBytes;
  } catch {
    throw notWord(fileName);
  }
  if (unzipped > MAX_UNZIPPED_BYTES)
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » est refusé : il se décompresserait en plus de 200 Mo, ce qui n’est pas un protocole ordinaire (fichier piégé ou abîmé). Rien n’a été importé.`,
    );
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw notWord(fileName);
  }
  const protocol = splitWordProtocol(htmlBlocks(html));
  if (!protocol.title && !Object.keys(protocol.sections).length && !protocol.steps.length)
    throw new UserError(
      'invalid_input',
      `Le document « ${fileName} » ne contient aucun texte à reprendre. Joignez-le plutôt à un protocole comme document. Rien n’a été importé.`,
    );
  return { fileName, protocol };
}

/**
 * Asks for a .docx and creates a protocol from it: titled by its first heading (or the file name), a first draft
 * holding its text (`imported_from` = the file name), the file kept as « Original Word ». Nothing is written when the
 * file cannot be read.
 */
export async function importWordProtocol(
  db: Kysely<DB>,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<ProtocolDetail | { cancelled: true }> {
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  const { fileName, protocol } = await readWordProtocol(path);
  const title =
    fieldText(protocol.title ?? undefined, 300) ??
    fieldText(basename(fileName, extname(fileName)).replace(/[_]+/g, ' '), 300) ??
    'Protocole importé';
  const s = protocol.sections;
  let protocolId = 0;
  await storeDocument(db, path, documentsDir, {
    title: `Original Word — ${title}`.slice(0, 200),
    link: async (trx, documentId) => {
      const row = await trx
        .insertInto('protocol')
        .values({ title: title.length >= 3 ? title : `Protocole ${title}`, family: 'pluripro' })
        .returning('id')
        .executeTakeFirstOrThrow();
      protocolId = row.id;
      const version = await trx
        .insertInto('protocol_version')
        .values({
          protocol_id: row.id,
          number: 1,
          drafted_on: today,
          imported_from: fileName.slice(0, 300),
          situation: fieldText(s.situation, 20_000),
          need: fieldText(s.need, 10_000),
          population: fieldText(s.population, 10_000),
          inclusion_criteria: fieldText(s.inclusionCriteria, 10_000),
          exclusion_criteria: fieldText(s.exclusionCriteria, 10_000),
          objectives: fieldText(s.objectives, 10_000),
          critical_points: fieldText(s.criticalPoints, 10_000),
          traceability: fieldText(s.traceability, 10_000),
          references_text: fieldText(s.referencesText, 10_000),
          evaluation: fieldText(s.evaluation, 10_000),
          derogatory_acts: fieldText(s.derogatoryActs, 10_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const steps = protocol.steps.slice(0, 200).flatMap((step) => {
        const action = fieldText(step.action, 2_000);
        return action ? [{ professionCode: step.professionCode, action, timing: null, place: null, tool: null }] : [];
      });
      await writeVersionLists(trx, version.id, [], steps);
      await trx
        .insertInto('protocol_document')
        .values({ protocol_id: row.id, version_id: version.id, document_id: documentId, kind: 'original_word' })
        .execute();
      await audit(trx, 'import', 'protocol', String(row.id), 'docx');
    },
  });
  return getProtocol(db, protocolId, today);
}
