import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invokeChannel } from '../../electron/ipc/invoke';
import { channels, contract } from '@shared/contract';
import { SEG_CODES } from '../helpers/db';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const SEG_IDENTITY = {
  name: 'CPTS Sud-Est Grenoblois',
  legalForm: 'Association loi 1901' as const,
  rna: 'w381012345',
  siren: '732 829 320',
  siret: '732 829 320 00074',
  addressLine: '1 avenue du 8 mai 1945',
  postalCode: '38400',
  city: "Saint-Martin-d'Hères",
  presidentName: 'Sylvain Fonte',
  coordinatorName: 'Camille Bernard',
  email: 'Contact@CPTS-SEG.fr',
  phone: '04.76.00.00.00',
  website: '',
  arsRegionCode: '84',
  cpam: "CPAM de l'Isère",
};

describe('invokeChannel', () => {
  it('has a handler for every channel of the contract', async () => {
    const { handlers } = await backend();
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    expect(channels.length).toBe(Object.keys(contract).length);
  });

  it('refuses an unknown channel without throwing', async () => {
    const { handlers } = await backend();
    expect(await invokeChannel(handlers, 'db.exec', 'DROP TABLE cpts')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Opération inconnue : db.exec.' },
    });
  });

  it('validates input with the channel schema and answers per field in French', async () => {
    const { call } = await backend();
    const result = await call('cpts.saveIdentity', { ...SEG_IDENTITY, name: ' ', siret: '12345678901234' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields?.name).toMatch(/nom de la CPTS est obligatoire/);
    expect(result.error.fields?.siret).toMatch(/SIRET 12345678901234 n'est pas valide/);
    expect(result.error.message).toMatch(/Certaines informations ne sont pas valides/);
  });

  it('gives French messages for wrong types too (zod locale)', async () => {
    const { call } = await backend();
    const result = await call('communes.search', { query: 42 } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/[Ee]ntrée invalide|attendu/);
  });

  it('turns an unexpected failure into a generic French message', async () => {
    const { call, database } = await backend();
    await database.close();
    const result = await call('territory.get');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Rien n’a été modifié') },
    });
  });
});

describe('Ma CPTS through the handlers', () => {
  it('starts blank, saves a normalised identity and shows the ARS name', async () => {
    const { ok } = await backend();
    const blank = await ok('cpts.get');
    expect(blank).toMatchObject({ updatedAt: null, identity: { name: '' }, status: { code: 'emergence' } });
    const saved = await ok('cpts.saveIdentity', SEG_IDENTITY);
    expect(saved.identity).toMatchObject({
      rna: 'W381012345',
      siren: '732829320',
      siret: '73282932000074',
      email: 'contact@cpts-seg.fr',
      phone: '04 76 00 00 00',
      website: null,
    });
    expect(saved.arsName).toBe('ARS Auvergne-Rhône-Alpes');
    expect(saved.updatedAt).not.toBeNull();
  });

  it('refuses a SIRET that does not belong to the SIREN', async () => {
    const { call } = await backend();
    const result = await call('cpts.saveIdentity', { ...SEG_IDENTITY, siren: '552100554' });
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { siret: expect.stringContaining('ne correspond pas au SIREN 552100554') } },
    });
  });

  it('refuses an unknown ARS region', async () => {
    const { call } = await backend();
    expect(await call('cpts.saveIdentity', { ...SEG_IDENTITY, arsRegionCode: '99' })).toMatchObject({
      ok: false,
      error: { fields: { arsRegionCode: expect.stringContaining('ARS') } },
    });
  });

  it('asks for the identity before the lifecycle, then records the contract', async () => {
    const { call, ok } = await backend();
    expect(await call('cpts.saveLifecycle', { aciSignedOn: '2020-07-09' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('identité') },
    });
    await ok('cpts.saveIdentity', SEG_IDENTITY);
    const profile = await ok('cpts.saveLifecycle', {
      letterOfIntentSubmittedOn: '2019-09-02',
      letterOfIntentValidatedOn: '2019-12-18',
      healthProjectSubmittedOn: '2020-03-02',
      healthProjectValidatedOn: '2020-05-04',
      aciSignedOn: '2025-07-09',
      aciContractNumber: 'ACI-38-2025-014',
    });
    expect(profile.status).toMatchObject({
      code: 'contract_running',
      contractYear: 2,
      contractEnd: '2030-07-08',
      nextAnniversary: '2027-07-09',
    });
  });
});

describe('identity sheet export', () => {
  it('does nothing when the user cancels the save dialog', async () => {
    const { ok } = await backend();
    await ok('cpts.saveIdentity', SEG_IDENTITY);
    expect(await ok('reports.exportIdentitySheet')).toEqual({ saved: false });
  });

  it('asks for an identity first', async () => {
    const { call } = await backend();
    expect(await call('reports.exportIdentitySheet')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Ma CPTS') },
    });
  });

  it('writes the PDF where the user chose, with the territory in it', async () => {
    const target = { path: '' };
    const { ok, database } = await backend({
      chooseSavePath: async (name) => ((target.path = join(database.dir, name)), target.path),
    });
    await ok('cpts.saveIdentity', SEG_IDENTITY);
    await ok('territory.addCommunes', { codes: SEG_CODES });
    const result = await ok('reports.exportIdentitySheet');
    expect(result).toMatchObject({ saved: true, path: target.path, pages: expect.any(Number) });
    expect(target.path).toMatch(/Fiche d’identité - CPTS Sud-Est Grenoblois - 2026-11-23\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', target.path, '-'])
      .toString()
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('CPTS Sud-Est Grenoblois');
    expect(text).toContain("Saint-Martin-d'Hères");
    expect(text).toMatch(/50 361|5\d \d{3}/);
    expect(text).toMatch(/[Tt]aille 2/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [target.path]).toString())?.[1]);
    expect(result.saved && result.pages).toBe(pages);
  });

  it('reports an unwritable destination in French and leaves no partial file', async () => {
    const holder = { dir: '' };
    const failing = await backend({ chooseSavePath: async () => join(holder.dir, 'dossier-absent', 'fiche.pdf') });
    holder.dir = failing.database.dir;
    await failing.ok('cpts.saveIdentity', SEG_IDENTITY);
    const result = await failing.call('reports.exportIdentitySheet');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining("n'existe pas") },
    });
    expect(readdirSync(holder.dir).filter((name) => name.endsWith('.part') || name.endsWith('.pdf'))).toEqual([]);
    expect(existsSync(join(holder.dir, 'dossier-absent'))).toBe(false);
  });
});
