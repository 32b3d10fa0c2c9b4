import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBackend } from '../helpers/handlers';
import { tempDir } from '../helpers/db';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
function workDir(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) cleanups.pop()!();
});

/** Two computers: the one that writes the transfer file and the one that imports it, each with its own database. */
async function computers() {
  const bundle = join(workDir(), 'CPTS.maillage');
  const attachment = join(workDir(), 'Ordre du jour.pdf');
  writeFileSync(attachment, '%PDF-1.4 ordre du jour de la réunion de bureau');
  const sender = await testBackend({ chooseSavePath: async () => bundle, chooseOpenPath: async () => attachment });
  const receiver = await testBackend({ chooseOpenPath: async () => bundle });
  backends.push(sender, receiver);
  await sender.context.db
    .insertInto('cpts')
    .values({ id: 1, name: 'CPTS du Trièves', legal_form: 'Association loi 1901' })
    .execute();
  await sender.ok('members.create', { kind: 'person', lastName: 'Bernard', firstName: 'Éloïse', professionCode: '60' });
  const meeting = await sender.ok('meetings.create', {
    type: 'bureau',
    title: 'Bureau de décembre',
    date: '2026-12-10',
  });
  await sender.ok('meetings.addDocument', { meetingId: meeting.id });
  await receiver.context.db
    .insertInto('cpts')
    .values({ id: 1, name: 'Installation neuve', legal_form: 'Association loi 1901' })
    .execute();
  return { bundle, sender, receiver };
}

async function receiverName(receiver: Backend) {
  return (await receiver.context.db.selectFrom('cpts').select('name').executeTakeFirstOrThrow()).name;
}

describe('transfer to another computer', () => {
  it('round trip without a passphrase: database and documents arrive through the restore path', async () => {
    const { bundle, sender, receiver } = await computers();
    const written = await sender.ok('backups.transfer', { passphrase: null });
    expect(written).toMatchObject({ saved: true, path: bundle });
    expect(readFileSync(bundle).subarray(0, 18).toString('ascii')).toBe('MAILLAGE-TRANSFERT');

    const inspection = await receiver.ok('backups.inspect', { source: 'fichier' });
    if (!('preview' in inspection)) throw new Error('aperçu attendu');
    expect(inspection).toMatchObject({ origin: 'transfert', fileName: 'CPTS.maillage' });
    expect(inspection.preview).toMatchObject({ cptsName: 'CPTS du Trièves', members: 1, meetings: 1, documents: 1 });
    expect(await receiverName(receiver)).toBe('Installation neuve');

    await receiver.ok('backups.restore', { token: inspection.token, confirm: true });
    expect(await receiverName(receiver)).toBe('CPTS du Trièves');
    const meeting = (await receiver.ok('meetings.list', {}))[0]!;
    const detail = await receiver.ok('meetings.get', { id: meeting.id });
    expect(detail.documents.map((doc) => doc.fileName)).toEqual(['Ordre du jour.pdf']);
    const stored = readdirSync(receiver.context.documentsDir);
    expect(stored).toHaveLength(1);
    expect(readFileSync(join(receiver.context.documentsDir, stored[0]!), 'utf8')).toContain(
      'ordre du jour de la réunion de bureau',
    );
  });

  it('with a passphrase: asks for it, refuses a wrong one without changing anything, then restores', async () => {
    const { bundle, sender, receiver } = await computers();
    await sender.ok('backups.transfer', { passphrase: 'tisane de la vallée 2026' });
    // Encrypted: the name of the CPTS is nowhere in clear.
    expect(readFileSync(bundle).includes(Buffer.from('Trièves'))).toBe(false);
    expect(await sender.call('backups.transfer', { passphrase: 'court' })).toMatchObject({
      ok: false,
      error: { message: 'La phrase secrète doit compter au moins 8 caractères.' },
    });

    const asked = await receiver.ok('backups.inspect', { source: 'fichier' });
    expect(asked).toMatchObject({ needsPassphrase: true, fileName: 'CPTS.maillage' });
    if (!('needsPassphrase' in asked)) throw new Error('phrase secrète attendue');

    const wrong = await receiver.call('backups.inspect', {
      token: asked.token,
      passphrase: 'tisane de la vallée 2025',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { passphrase: 'Phrase secrète incorrecte.' } },
    });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/^La phrase secrète ne correspond pas/);
    expect(await receiverName(receiver)).toBe('Installation neuve');
    expect(readdirSync(receiver.database.dir).filter((name) => name.startsWith('.restauration'))).toEqual([]);

    const inspection = await receiver.ok('backups.inspect', {
      token: asked.token,
      passphrase: 'tisane de la vallée 2026',
    });
    if (!('preview' in inspection)) throw new Error('aperçu attendu');
    expect(inspection.preview).toMatchObject({ cptsName: 'CPTS du Trièves', documents: 1 });
    await receiver.ok('backups.restore', { token: inspection.token, confirm: true });
    expect(await receiverName(receiver)).toBe('CPTS du Trièves');
    expect(readdirSync(receiver.context.documentsDir)).toHaveLength(1);
  });

  it.each([
    ['without a passphrase', null],
    ['with a passphrase', 'tisane de la vallée 2026'],
  ])('refuses a tampered transfer file (%s)', async (_label, passphrase) => {
    const { bundle, sender, receiver } = await computers();
    await sender.ok('backups.transfer', { passphrase });
    const bytes = readFileSync(bundle);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(bundle, bytes);

    let result = await receiver.call('backups.inspect', { source: 'fichier' });
    if (passphrase && result.ok && 'needsPassphrase' in result.data) {
      result = await receiver.call('backups.inspect', { token: result.data.token, passphrase });
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        passphrase
          ? /ne correspond pas à ce fichier de transfert \(ou le fichier a été modifié\)/
          : /endommagé ou a été modifié/,
      );
    expect(await receiverName(receiver)).toBe('Installation neuve');
    expect(existsSync(receiver.context.documentsDir) ? readdirSync(receiver.context.documentsDir) : []).toEqual([]);
  });

  it('refuses a transfer file of a newer format', async () => {
    const { bundle, sender, receiver } = await computers();
    await sender.ok('backups.transfer', { passphrase: null });
    const bytes = readFileSync(bundle);
    bytes[18] = 2;
    writeFileSync(bundle, bytes);
    const result = await receiver.call('backups.inspect', { source: 'fichier' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/version plus récente de Maillage/);
  });
});
