import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) cleanups.pop()!();
});

/** A backend whose open dialog answers with this file. */
async function backendChoosing(path: string | null) {
  const created = await testBackend({
    chooseOpenPath: async (purpose) => (purpose === 'protocol-import' ? path : null),
  });
  backends.push(created);
  return created;
}

function folder() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A real .docx (WordprocessingML in a zip), paragraphs styled « heading 1 » or « heading 2 » when asked. */
async function docx(paragraphs: [style: 'Heading1' | 'Heading2' | null, text: string][]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`,
  );
  const body = paragraphs
    .map(
      ([style, text]) =>
        `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`,
    )
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const TABLES = ['protocol', 'protocol_version', 'protocol_step', 'protocol_document', 'document', 'audit_log'] as const;
async function counts(b: Backend) {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = (await b.database.db.selectFrom(table).selectAll().execute()).length;
  return result;
}

describe('a protocol written in Word, brought in as a draft', () => {
  it('creates the protocol titled by the first heading, its sections and steps in a draft, the .docx kept', async () => {
    const path = join(folder(), 'Protocole_angine.docx');
    writeFileSync(
      path,
      await docx([
        ['Heading1', 'Odynophagie : prise en charge par le pharmacien'],
        [null, 'Mal de gorge de l’adulte vu en officine.'],
        ['Heading2', 'Objectifs'],
        [null, 'Éviter une consultation non programmée'],
        ['Heading2', 'Critères d’inclusion'],
        [null, 'Patient de 10 à 45 ans'],
        ['Heading2', 'Critères d’exclusion'],
        [null, 'Fièvre > 39 °C & immunodépression'],
        ['Heading2', 'Étapes'],
        [null, 'Pharmacien : réalise le TROD angine'],
        [null, 'Médecin : revoit le patient si le TROD est négatif'],
        ['Heading2', 'Points critiques'],
        [null, 'Signes de gravité'],
        ['Heading2', 'Références'],
        [null, 'Arrêté du 9 mars 2023'],
      ]),
    );
    const b = await backendChoosing(path);
    const imported = await b.ok('protocols.importWord');
    if ('cancelled' in imported) throw new Error('annulé');
    expect(imported).toMatchObject({
      title: 'Odynophagie : prise en charge par le pharmacien',
      family: 'pluripro',
      status: 'brouillon',
      versionNumber: 1,
      hasDraft: true,
      professionCodes: ['10', '21'],
    });
    expect(imported.documents).toEqual([
      expect.objectContaining({
        fileName: 'Protocole_angine.docx',
        kind: 'original_word',
        kindLabel: 'Original Word',
        versionId: imported.draftVersionId,
      }),
    ]);
    const version = await b.ok('protocols.getVersion', { id: imported.draftVersionId! });
    expect(version).toMatchObject({
      importedFrom: 'Protocole_angine.docx',
      editable: true,
      situation: 'Mal de gorge de l’adulte vu en officine.',
      objectives: 'Éviter une consultation non programmée',
      inclusionCriteria: 'Patient de 10 à 45 ans',
      exclusionCriteria: 'Fièvre > 39 °C & immunodépression',
      criticalPoints: 'Signes de gravité',
      referencesText: 'Arrêté du 9 mars 2023',
    });
    expect(version.steps.map((step) => [step.rank, step.professionLabel, step.action])).toEqual([
      [1, 'Pharmacien', 'réalise le TROD angine'],
      [2, 'Médecin', 'revoit le patient si le TROD est négatif'],
    ]);
    const stored = await b.database.db.selectFrom('document').select('stored_name').executeTakeFirstOrThrow();
    const copy = join(b.context.documentsDir, stored.stored_name);
    expect(existsSync(copy)).toBe(true);
    expect(readFileSync(copy).equals(readFileSync(path))).toBe(true);
    expect(
      await b.database.db.selectFrom('audit_log').select(['action', 'entity']).where('action', '=', 'import').execute(),
    ).toEqual([{ action: 'import', entity: 'protocol' }]);
  });

  it('takes the file name as title when the document has no heading of its own', async () => {
    const path = join(folder(), 'suivi_plaies.docx');
    writeFileSync(
      path,
      await docx([
        ['Heading1', 'Objectifs'],
        [null, 'Cicatriser plus vite'],
      ]),
    );
    const b = await backendChoosing(path);
    const imported = await b.ok('protocols.importWord');
    if ('cancelled' in imported) throw new Error('annulé');
    expect(imported.title).toBe('suivi plaies');
    const version = await b.ok('protocols.getVersion', { id: imported.draftVersionId! });
    expect(version.objectives).toBe('Cicatriser plus vite');
    expect(version.situation).toBeNull();
  });

  it('refuses what is not a .docx, an old .doc, a damaged or empty one: French message, nothing written', async () => {
    const dir = folder();
    const cases: [string, Buffer | string, RegExp][] = [
      ['notes.txt', 'Objectifs : rien', /n’est pas un document Word \(\.docx\)/],
      ['ancien.doc', 'binaire', /Word 97-2003 \(\.doc\).*enregistrez-le au format \.docx/],
      ['abime.docx', 'ceci n’est pas un zip', /n’est pas un document Word \(\.docx\) lisible/],
      ['vide.docx', await docx([]), /ne contient aucun texte/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const b = await backendChoosing(path);
      const before = await counts(b);
      const result = await b.call('protocols.importWord');
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) },
      });
      expect(await counts(b), name).toEqual(before);
    }
  });

  it('does nothing when the dialog is closed', async () => {
    const b = await backendChoosing(null);
    expect(await b.call('protocols.importWord')).toEqual({ ok: true, data: { cancelled: true } });
    expect((await counts(b)).protocol).toBe(0);
  });
});
