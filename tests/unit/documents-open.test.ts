import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

/** A backend whose « open with the usual application » records the paths instead of launching anything. */
async function backend() {
  const opened: string[] = [];
  const chosen = { path: '' };
  const b = await testBackend({
    chooseOpenPath: async () => chosen.path,
    openFile: async (path) => {
      opened.push(path);
    },
  });
  backends.push(b);
  /** Writes a file the user would pick in the open dialog. */
  const pick = (name: string, content: string) => {
    chosen.path = join(b.database.dir, name);
    writeFileSync(chosen.path, content);
  };
  return { b, opened, pick };
}

describe('opening a file kept by Maillage', () => {
  it('opens the copy in the documents folder of a fiche’s document and of a meeting’s document', async () => {
    const { b, opened, pick } = await backend();
    const fiche = await b.ok('fiches.create', { title: 'Accès aux soins non programmés', status: 'en_cours' });
    pick('Compte rendu GT.pdf', '%PDF-1.4 compte rendu du groupe de travail');
    const withDocument = await b.ok('fiches.addDocument', { ficheId: fiche.id });
    if ('cancelled' in withDocument) throw new Error('le document aurait dû être joint');
    const documentId = withDocument.documents[0]!.id;

    expect(await b.ok('documents.open', { documentId })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(b.context.documentsDir)).toBe(true);
    expect(readFileSync(opened[0]!, 'utf8')).toBe('%PDF-1.4 compte rendu du groupe de travail');

    const meeting = await b.ok('meetings.create', {
      type: 'ca',
      title: 'Conseil d’administration',
      date: '2026-03-12',
    });
    pick('ordre-du-jour.pdf', '%PDF-1.4 ordre du jour');
    const detail = await b.ok('meetings.addDocument', { meetingId: meeting.id });
    if (!('documents' in detail)) throw new Error('le document aurait dû être joint');
    await b.ok('documents.open', { meetingDocumentId: detail.documents[0]!.id });
    expect(readFileSync(opened[1]!, 'utf8')).toBe('%PDF-1.4 ordre du jour');
  });

  it('says in French when the file or its record is gone, and opens nothing', async () => {
    const { b, opened, pick } = await backend();
    const fiche = await b.ok('fiches.create', { title: 'Prévention des chutes', status: 'en_cours' });
    pick('Plan.pdf', '%PDF-1.4 plan');
    const withDocument = await b.ok('fiches.addDocument', { ficheId: fiche.id });
    if ('cancelled' in withDocument) throw new Error('le document aurait dû être joint');
    const documentId = withDocument.documents[0]!.id;
    const stored = await b.database.db
      .selectFrom('document')
      .select('stored_name')
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    unlinkSync(join(b.context.documentsDir, stored.stored_name));

    expect(await b.call('documents.open', { documentId })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'io',
        message:
          'Le fichier « Plan.pdf » est introuvable dans le dossier des documents de Maillage. Joignez-le de nouveau.',
      }),
    });
    expect(await b.call('documents.open', { meetingDocumentId: 9999 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not_found', message: 'Ce document n’existe plus.' }),
    });
    expect(await b.call('documents.open', { documentId: 1, meetingDocumentId: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(opened).toEqual([]);
  });
});
