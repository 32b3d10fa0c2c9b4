import { describe, it, expect, afterEach } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '@shared/contract';
import { removeDocument } from '../../electron/services/documents';
import { SEG_CODES, tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
const cleanups: (() => void)[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) cleanups.pop()!();
});

/** A file the user would pick in the open dialog. */
function userFile(name: string, content: string): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every row of the tables this feature writes (and the audit log): a refusal must leave them all as they were. */
const TABLES = [
  'partnership',
  'fiche_action',
  'fiche_action_commune',
  'fiche_action_member',
  'fiche_action_partner',
  'fiche_action_milestone',
  'fiche_action_budget',
  'fiche_action_meeting',
  'crisis_plan_event',
  'document',
  'document_link',
  'audit_log',
] as const;
async function snapshot(b: Backend) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) rows[table] = await b.database.db.selectFrom(table).selectAll().execute();
  return rows;
}

/** The CPTS Sud-Est Grenoblois: its three communes, a nurse, a doctor and a pharmacist. */
async function seeded(overrides: Parameters<typeof testBackend>[0] = {}) {
  const b = await backend(overrides);
  await b.ok('territory.addCommunes', { codes: SEG_CODES });
  const member = async (lastName: string, firstName: string, professionCode: string) =>
    (await b.ok('members.create', { kind: 'person', lastName, firstName, professionCode, joinedOn: '2020-09-01' })).id;
  const nurse = await member('Bernard', 'Éloïse', '60');
  const doctor = await member('Durand', 'Thomas', '10');
  const pharmacist = await member('Petit', 'Lucie', '21');
  return { b, nurse, doctor, pharmacist };
}

/** Keeps a document as a justificatif of an indicator (crise mission, first contract year). */
async function keepAsEvidence(b: Backend, documentId: number) {
  const db = b.database.db;
  const contract = await db
    .insertInto('aci_contract')
    .values({ aci_version: 'avenant_2', signed_on: '2024-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const year = await db
    .insertInto('aci_contract_year')
    .values({ contract_id: contract.id, year_index: 1, start_on: '2024-03-01', end_on: '2025-02-28' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const indicator = await db
    .insertInto('indicator')
    .values({
      contract_id: contract.id,
      mission_code: 'crise',
      label: 'Plan de crise rédigé',
      kind: 'moyens',
      value_type: 'oui_non',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const requirement = await db
    .insertInto('evidence_requirement')
    .values({ indicator_id: indicator.id, label: 'Plan de crise' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('evidence')
    .values({ requirement_id: requirement.id, contract_year_id: year.id, document_id: documentId })
    .execute();
}

const CLS: ChannelInput<'partnerships.create'> = {
  type: 'cls',
  partner: 'Ville de Mulhouse',
  title: 'Contrat local de santé III',
  signedOn: '2023-12-15',
  startsOn: '2023-12-15',
  endsOn: '2028-12-14',
  cptsSeat: 'Membre du comité de pilotage',
  axes: 'Prévenir\nGuérir\n\n  Informer et former \nCoordonner',
  fichesTotal: 25,
};

function mobileUnit(extra: Partial<ChannelInput<'fiches.create'>> = {}): ChannelInput<'fiches.create'> {
  return {
    code: 'CLS-1',
    title: 'Unité mobile de prévention et de dépistage',
    axis: 'Prévenir',
    missionCode: 'prevention',
    externalRef: 'CLS III, fiche 1',
    cptsRole: 'porteur',
    porteurOrg: 'Ne doit pas rester',
    generalObjective: 'Aller vers les habitants éloignés du soin',
    operationalObjectives: ['Tenir une permanence par quartier', '', 'Dépister le diabète'],
    communes: ['38421', '38309'],
    status: 'deployee',
    startsOn: '2024-01-01',
    milestones: [
      { label: 'Unité mobile « M ta Santé » déployée', doneOn: '2024-05-14' },
      { label: 'Bilan de la première année', dueOn: '2025-06-30' },
      { label: 'Extension à Eybens', dueOn: '2027-03-31' },
    ],
    budget: [
      { year: 2024, source: 'aci', plannedCents: 1_500_000, actualCents: 1_234_550 },
      { year: 2024, source: 'fir', plannedCents: 500_000 },
      { year: 2025, source: 'aci', plannedCents: 1_800_000 },
    ],
    partners: [{ organisation: 'Ville de Mulhouse', role: 'Locaux et communication' }],
    difficulties: 'Recrutement d’un infirmier',
    nextSteps: 'Étendre aux communes voisines',
    ...extra,
  };
}

describe('partnerships', () => {
  it('saves a partnership with its axes, lists its fiches by CPTS role and warns when they exceed its count', async () => {
    const { b } = await seeded();
    const created = await b.ok('partnerships.create', CLS);
    expect(created).toMatchObject({
      type: 'cls',
      typeLabel: 'Contrat local de santé (CLS)',
      partner: 'Ville de Mulhouse',
      axes: ['Prévenir', 'Guérir', 'Informer et former', 'Coordonner'],
      fichesTotal: 25,
      fiches: [],
      fichesByRole: { porteur: 0, co_porteur: 0, participant: 0 },
      warnings: [],
    });
    const hospital = await b.ok('partnerships.create', {
      type: 'hopital_proximite',
      partner: 'Hôpital de Pfastatt',
      cptsSeat: 'Siège au conseil de surveillance depuis fin 2023',
      axes: ['Consultations avancées'],
    });

    await b.ok('fiches.create', mobileUnit({ partnershipId: created.id }));
    await b.ok('fiches.create', {
      code: 'CLS-5',
      title: 'Assistant spécialiste partagé en médecine générale',
      partnershipId: created.id,
      externalRef: 'CLS III, fiche 5',
      cptsRole: 'participant',
      porteurOrg: 'GHRMSA',
      status: 'en_cours',
    });
    await b.ok('fiches.create', {
      code: 'CLS-6',
      title: 'Maison des 1000 premiers jours',
      partnershipId: created.id,
      cptsRole: 'participant',
      porteurOrg: 'Ville de Mulhouse',
    });

    const list = await b.ok('partnerships.list');
    expect(list.map((row) => row.partner)).toEqual(['Ville de Mulhouse', 'Hôpital de Pfastatt']);
    const cls = list[0]!;
    expect(cls.fichesByRole).toEqual({ porteur: 1, co_porteur: 0, participant: 2 });
    expect(cls.fiches.map((fiche) => [fiche.code, fiche.cptsRoleLabel, fiche.statusLabel])).toEqual([
      ['CLS-1', 'Porteuse', 'Déployée'],
      ['CLS-5', 'Participante', 'En cours'],
      ['CLS-6', 'Participante', 'Non débutée'],
    ]);
    expect(list[1]).toMatchObject({ id: hospital.id, fiches: [], cptsSeat: expect.stringContaining('fin 2023') });

    const reduced = await b.ok('partnerships.update', { id: created.id, data: { ...CLS, fichesTotal: 2 } });
    expect(reduced.warnings).toEqual([
      '3 fiches enregistrées sous ce partenariat, qui n’en compte que 2 : vérifiez le nombre de fiches du programme.',
    ]);
  });

  it('refuses a partnership without partner, ending before it starts or with a negative count, and writes nothing', async () => {
    const { b } = await seeded();
    const before = await snapshot(b);
    const bad = await b.call('partnerships.create', {
      ...CLS,
      partner: ' ',
      endsOn: '2020-01-01',
      fichesTotal: -1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok)
      expect(bad.error.fields).toMatchObject({
        partner: expect.stringContaining('Nommez le partenaire'),
        fichesTotal: 'Le nombre de fiches ne peut pas être négatif.',
      });
    const period = await b.call('partnerships.create', { ...CLS, endsOn: '2020-01-01' });
    expect(period).toMatchObject({
      ok: false,
      error: { fields: { endsOn: 'La fin du partenariat doit suivre son début.' } },
    });
    expect(await b.call('partnerships.update', { id: 999, data: CLS })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Ce partenariat n’existe plus.' },
    });
    expect(await snapshot(b)).toEqual(before);
  });

  it('keeps the convention in the documents folder, and deleting the partnership keeps its fiches', async () => {
    const source = userFile('Convention CLS III.pdf', '%PDF-1.4 convention signée');
    let chosen: string | null = null;
    const b = await backend({ chooseOpenPath: async () => chosen });
    const partnership = await b.ok('partnerships.create', CLS);
    expect(await b.ok('partnerships.addDocument', { partnershipId: partnership.id })).toEqual({ cancelled: true });
    chosen = source;
    const withDocument = await b.ok('partnerships.addDocument', { partnershipId: partnership.id });
    if ('cancelled' in withDocument) throw new Error('le document aurait dû être joint');
    expect(withDocument.documents).toMatchObject([{ fileName: 'Convention CLS III.pdf', size: 27 }]);
    const link = await b.database.db.selectFrom('document_link').selectAll().executeTakeFirstOrThrow();
    expect(link).toMatchObject({ partnership_id: partnership.id, kind: 'convention', fiche_id: null });
    const documentsDir = b.context.documentsDir;
    expect(readdirSync(documentsDir)).toHaveLength(1);

    // Removed from the partnership, a convention also kept as a justificatif stays in the documents folder.
    chosen = userFile('Avenant CLS.pdf', '%PDF-1.4 avenant');
    const twice = await b.ok('partnerships.addDocument', { partnershipId: partnership.id });
    if ('cancelled' in twice) throw new Error('le document aurait dû être joint');
    const avenant = twice.documents[1]!;
    await keepAsEvidence(b, avenant.id);
    const once = await b.ok('partnerships.deleteDocument', { partnershipId: partnership.id, documentId: avenant.id });
    expect(once.documents.map((document) => document.fileName)).toEqual(['Convention CLS III.pdf']);
    expect(readdirSync(documentsDir)).toHaveLength(2);
    await removeDocument(b.database.db, avenant.id, documentsDir);

    const fiche = await b.ok('fiches.create', mobileUnit({ partnershipId: partnership.id, communes: [] }));
    expect(await b.call('partnerships.delete', { id: partnership.id } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await b.ok('partnerships.delete', { id: partnership.id, confirm: true })).toEqual({
      deleted: true,
      fichesDetached: 1,
    });
    expect(await b.ok('partnerships.list')).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);
    expect(readdirSync(documentsDir)).toEqual([]);
    const after = await b.ok('fiches.get', { id: fiche.id });
    expect(after).toMatchObject({ partnershipId: null, partnershipLabel: null, code: 'CLS-1' });
  });
});

describe('fiches actions', () => {
  it('reads back everything entered on a fiche, with milestones, budget, meetings and their decisions', async () => {
    const { b, nurse, doctor, pharmacist } = await seeded();
    const cls = await b.ok('partnerships.create', CLS);
    const copil = await b.ok('meetings.create', { type: 'copil', title: 'COPIL du CLS', date: '2024-11-29' });
    await b.ok('decisions.save', {
      meetingId: copil.id,
      text: 'Élargir le CLS à l’agglomération',
      ownerMemberId: doctor,
      dueOn: '2025-06-30',
    });
    const group = await b.ok('meetings.create', { type: 'commission', title: 'Groupe prévention', date: '2025-02-04' });

    const created = await b.ok(
      'fiches.create',
      mobileUnit({
        partnershipId: cls.id,
        pilotMemberId: nurse,
        referents: [
          { memberId: pharmacist, role: 'Dépistage' },
          { memberId: doctor, role: null },
        ],
        meetingIds: [copil.id, group.id],
      }),
    );
    const fiche = await b.ok('fiches.get', { id: created.id });
    expect(fiche).toMatchObject({
      code: 'CLS-1',
      title: 'Unité mobile de prévention et de dépistage',
      missionCode: 'prevention',
      missionLabel: expect.stringMatching(/prévention/i),
      partnershipLabel: 'Contrat local de santé III — Ville de Mulhouse',
      externalRef: 'CLS III, fiche 1',
      cptsRole: 'porteur',
      cptsRoleLabel: 'Porteuse',
      // The CPTS carries it: no other porteur is kept.
      porteurOrg: null,
      status: 'deployee',
      statusLabel: 'Déployée',
      pilot: 'BERNARD Éloïse',
      pilotMemberId: nurse,
      lastDone: { label: 'Unité mobile « M ta Santé » déployée', doneOn: '2024-05-14' },
      // Today is 23 November 2026 in the test backend: the bilan due in June 2025 is late.
      nextDue: { label: 'Bilan de la première année', dueOn: '2025-06-30', late: true },
      indicatorCount: 0,
    });
    expect(fiche.data.operationalObjectives).toEqual(['Tenir une permanence par quartier', 'Dépister le diabète']);
    expect(fiche.communes).toEqual([
      { codeInsee: '38309', name: 'Poisat' },
      { codeInsee: '38421', name: "Saint-Martin-d'Hères" },
    ]);
    expect(fiche.referents).toEqual([
      { memberId: doctor, name: 'DURAND Thomas', role: null, active: true },
      { memberId: pharmacist, name: 'PETIT Lucie', role: 'Dépistage', active: true },
    ]);
    expect(fiche.partners).toEqual([{ organisation: 'Ville de Mulhouse', role: 'Locaux et communication' }]);
    expect(fiche.milestones.map((milestone) => [milestone.label, milestone.late])).toEqual([
      ['Unité mobile « M ta Santé » déployée', false],
      ['Bilan de la première année', true],
      ['Extension à Eybens', false],
    ]);
    expect(fiche.budget).toEqual([
      {
        year: 2024,
        source: 'aci',
        sourceLabel: 'ACI (enveloppe de la mission)',
        plannedCents: 1_500_000,
        actualCents: 1_234_550,
      },
      {
        year: 2024,
        source: 'fir',
        sourceLabel: 'Fonds d’intervention régional (FIR)',
        plannedCents: 500_000,
        actualCents: null,
      },
      {
        year: 2025,
        source: 'aci',
        sourceLabel: 'ACI (enveloppe de la mission)',
        plannedCents: 1_800_000,
        actualCents: null,
      },
    ]);
    expect(fiche.budgetByYear).toEqual([
      { year: 2024, plannedCents: 2_000_000, actualCents: 1_234_550 },
      { year: 2025, plannedCents: 1_800_000, actualCents: 0 },
    ]);
    expect(fiche.meetings).toEqual([
      {
        id: group.id,
        title: 'Groupe prévention',
        date: '2025-02-04',
        typeLabel: 'Commission / groupe de travail',
        status: 'prevue',
        decisions: [],
      },
      {
        id: copil.id,
        title: 'COPIL du CLS',
        date: '2024-11-29',
        typeLabel: 'Comité de pilotage',
        status: 'prevue',
        decisions: [
          {
            id: expect.any(Number),
            text: 'Élargir le CLS à l’agglomération',
            owner: 'DURAND Thomas',
            dueOn: '2025-06-30',
            status: 'a_faire',
            doneOn: null,
          },
        ],
      },
    ]);
    expect(fiche.warnings).toEqual(['Étape en retard : « Bilan de la première année », prévue le 30 juin 2025.']);

    // The form data saved again as is gives the same fiche.
    const again = await b.ok('fiches.update', { id: fiche.id, data: fiche.data });
    expect({ ...again, milestones: again.milestones.map(({ id: _, ...rest }) => rest) }).toEqual({
      ...fiche,
      milestones: fiche.milestones.map(({ id: _, ...rest }) => rest),
    });
  });

  it('asks to date a deployed fiche, lists the indicators that point to it, and tells what its deletion takes', async () => {
    const source = userFile('Fiche signée.pdf', '%PDF-1.4 fiche');
    const { b } = await seeded({ chooseOpenPath: async () => source });
    const fiche = await b.ok('fiches.create', mobileUnit({ milestones: [] }));
    expect(fiche.warnings).toEqual([
      'La fiche est « déployée » sans étape datée : notez depuis quand (une étape faite le…).',
    ]);
    const db = b.database.db;
    const contract = await db
      .insertInto('aci_contract')
      .values({ aci_version: 'avenant_2', signed_on: '2024-03-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator')
      .values([
        {
          contract_id: contract.id,
          mission_code: 'prevention',
          fiche_id: fiche.id,
          code: 'PREV-2',
          label: 'Nombre de dépistages réalisés',
          kind: 'processus',
          value_type: 'nombre',
          direction: 'hausse',
        },
        {
          contract_id: contract.id,
          mission_code: 'acces',
          fiche_id: fiche.id,
          code: 'ACC-1',
          label: 'Patients sans médecin traitant',
          kind: 'resultat',
          value_type: 'nombre',
          direction: 'baisse',
        },
      ])
      .execute();
    const read = await b.ok('fiches.get', { id: fiche.id });
    expect(read.indicatorCount).toBe(2);
    expect(read.indicators.map((indicator) => [indicator.code, indicator.missionCode])).toEqual([
      ['ACC-1', 'acces'],
      ['PREV-2', 'prevention'],
    ]);
    expect(read.indicators[0]!.missionLabel).toMatch(/accès aux soins/i);
    expect((await b.ok('fiches.list', {}))[0]!.indicatorCount).toBe(2);

    // What the fiche must prove: a bilan (its document goes with the fiche), and the fiche's own document, also
    // kept as a justificatif of an indicator (it stays).
    const attached = await b.ok('fiches.addDocument', { ficheId: fiche.id });
    if ('cancelled' in attached) throw new Error('le document aurait dû être joint');
    const kept = attached.documents[0]!.id;
    const year = await db
      .insertInto('aci_contract_year')
      .values({ contract_id: contract.id, year_index: 1, start_on: '2024-03-01', end_on: '2025-02-28' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bilan = await db
      .insertInto('document')
      .values({ title: 'Bilan', file_name: 'bilan.pdf', stored_name: 'bilan-stocke.pdf', size: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    writeFileSync(join(b.context.documentsDir, 'bilan-stocke.pdf'), 'PDF');
    const [ficheRequirement, indicatorRequirement] = await db
      .insertInto('evidence_requirement')
      .values([
        { fiche_id: fiche.id, label: 'Bilan annuel' },
        { indicator_id: (await db.selectFrom('indicator').select('id').executeTakeFirstOrThrow()).id, label: 'Fiche' },
      ])
      .returning('id')
      .execute();
    await db
      .insertInto('evidence')
      .values([
        { requirement_id: ficheRequirement!.id, contract_year_id: year.id, document_id: bilan.id },
        { requirement_id: indicatorRequirement!.id, contract_year_id: year.id, document_id: kept },
      ])
      .execute();
    expect(readdirSync(b.context.documentsDir)).toHaveLength(2);

    // Deleting the fiche keeps the indicators, attached to their mission only, and says what went with it.
    expect(await b.ok('fiches.delete', { id: fiche.id, confirm: true })).toEqual({
      deleted: true,
      indicatorsDetached: 2,
      requirementsRemoved: 1,
    });
    expect(await db.selectFrom('document').select('id').execute()).toEqual([{ id: kept }]);
    expect(readdirSync(b.context.documentsDir)).toHaveLength(1);
    expect(await db.selectFrom('evidence').select('document_id').execute()).toEqual([{ document_id: kept }]);
    const indicators = await db.selectFrom('indicator').select(['code', 'fiche_id']).orderBy('code').execute();
    expect(indicators).toEqual([
      { code: 'ACC-1', fiche_id: null },
      { code: 'PREV-2', fiche_id: null },
    ]);
    expect(await db.selectFrom('fiche_action_milestone').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('fiche_action_budget').selectAll().execute()).toEqual([]);
    expect(await b.call('fiches.get', { id: fiche.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Cette fiche action n’existe plus.' },
    });
  });

  it('refuses bad input in French, naming the field, and writes nothing', async () => {
    const { b, nurse, doctor, pharmacist } = await seeded();
    await b.ok('fiches.create', mobileUnit());
    await b.ok('members.depart', { id: doctor, leftOn: '2026-01-31', leftReason: 'Départ en retraite' });
    await b.ok('members.erase', { id: pharmacist, confirm: 'EFFACER' });
    const before = await snapshot(b);

    const refusals: [ChannelInput<'fiches.create'>, string, string, string][] = [
      [
        mobileUnit({ title: 'Autre fiche' }),
        'conflict',
        'code',
        'Le code CLS-1 est déjà celui de la fiche « Unité mobile de prévention et de dépistage ».',
      ],
      [
        mobileUnit({ code: 'cls-1', title: 'Autre fiche' }),
        'conflict',
        'code',
        'Le code cls-1 est déjà celui de la fiche « Unité mobile de prévention et de dépistage ».',
      ],
      [
        mobileUnit({ code: 'CLS-2', communes: ['38421', '68224'] }),
        'invalid_input',
        'communes',
        'Mulhouse (68224) n’est pas une commune du territoire de la CPTS.',
      ],
      [
        mobileUnit({ code: 'CLS-2', communes: ['99999'] }),
        'invalid_input',
        'communes',
        'Aucune commune n’a le code INSEE 99999.',
      ],
      [
        mobileUnit({ code: 'CLS-2', pilotMemberId: doctor }),
        'invalid_input',
        'pilotMemberId',
        'DURAND Thomas a quitté la CPTS : choisissez un membre actuel.',
      ],
      [
        mobileUnit({ code: 'CLS-2', referents: [{ memberId: nurse }, { memberId: pharmacist }] }),
        'invalid_input',
        'referents.1.memberId',
        'Un adhérent anonymisé ne peut pas être pilote ni référent.',
      ],
      [mobileUnit({ code: 'CLS-2', pilotMemberId: 9_999 }), 'not_found', 'pilotMemberId', 'Adhérent introuvable.'],
      [
        mobileUnit({ code: 'CLS-2', partnershipId: 9_999 }),
        'not_found',
        'partnershipId',
        'Partenariat introuvable : actualisez la liste.',
      ],
      [
        mobileUnit({ code: 'CLS-2', meetingIds: [9_999] }),
        'not_found',
        'meetingIds',
        'Réunion introuvable : actualisez la liste.',
      ],
      [
        mobileUnit({
          code: 'CLS-2',
          budget: [
            { year: 2025, source: 'aci', plannedCents: 100 },
            { year: 2025, source: 'aci', actualCents: 50 },
          ],
        }),
        'invalid_input',
        'budget.1.source',
        'Une seule ligne par année et par source : 2025 a déjà cette source de financement.',
      ],
      [
        mobileUnit({ code: 'CLS-2', budget: [{ year: 2025, source: 'aci', plannedCents: -100 }] }),
        'invalid_input',
        'budget.0.plannedCents',
        'Un montant ne peut pas être négatif.',
      ],
      [
        mobileUnit({ code: 'CLS-2', budget: [{ year: 2025, source: 'aci', plannedCents: 12.5 }] }),
        'invalid_input',
        'budget.0.plannedCents',
        'Un montant s’écrit en euros et centimes.',
      ],
      [
        mobileUnit({ code: 'CLS-2', milestones: [{ label: 'Sans date' }] }),
        'invalid_input',
        'milestones.0.dueOn',
        'Datez l’étape : prévue le…, ou faite le…',
      ],
      [
        mobileUnit({ code: 'CLS-2', startsOn: '2025-01-01', endsOn: '2024-12-31' }),
        'invalid_input',
        'endsOn',
        'La fin de l’action doit suivre son début.',
      ],
      [
        mobileUnit({ code: 'CLS-2', referents: [{ memberId: nurse }, { memberId: nurse }] }),
        'invalid_input',
        'referents.1.memberId',
        'Ce référent est déjà dans la liste.',
      ],
    ];
    for (const [input, code, field, message] of refusals) {
      const result = await b.call('fiches.create', input);
      expect(result, message).toMatchObject({ ok: false, error: { code, fields: { [field]: message } } });
    }
    expect(await snapshot(b)).toEqual(before);
  });

  it('keeps a pilot who left after being named, and says so', async () => {
    const { b, nurse, doctor, pharmacist } = await seeded();
    const fiche = await b.ok('fiches.create', mobileUnit({ pilotMemberId: doctor, referents: [{ memberId: nurse }] }));
    await b.ok('members.depart', { id: doctor, leftOn: '2026-06-30' });
    await b.ok('members.depart', { id: pharmacist, leftOn: '2026-06-30' });
    const updated = await b.ok('fiches.update', {
      id: fiche.id,
      data: { ...fiche.data, nextSteps: 'Nommer un pilote' },
    });
    expect(updated.pilotMemberId).toBe(doctor);
    expect(updated.warnings).toContain(
      'Le pilote de la fiche (DURAND Thomas) n’est plus membre de la CPTS : désignez-en un autre.',
    );
    // A member who left cannot be named référent anew.
    const refused = await b.call('fiches.update', {
      id: fiche.id,
      data: { ...fiche.data, referents: [{ memberId: nurse }, { memberId: pharmacist }] },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { 'referents.1.memberId': expect.stringContaining('a quitté') } },
    });
  });

  it('filters the list by mission, status, role, partnership and accent-free search', async () => {
    const { b } = await seeded();
    const cls = await b.ok('partnerships.create', CLS);
    const ght = await b.ok('partnerships.create', { type: 'ght', partner: 'GHT 12' });
    const make = (input: ChannelInput<'fiches.create'>) => b.ok('fiches.create', input);
    await make(mobileUnit({ partnershipId: cls.id }));
    await make({
      code: 'CLS-3',
      title: 'Consultation d’accès aux soins',
      missionCode: 'acces',
      status: 'deployee',
      partnershipId: cls.id,
    });
    await make({
      code: 'CLS-7',
      title: 'Accès aux soins dans les établissements médico-sociaux',
      missionCode: 'acces',
      cptsRole: 'participant',
      porteurOrg: 'GHT 12',
      partnershipId: ght.id,
    });
    await make({
      code: 'FA-10',
      title: 'Plateforme Handiconsult',
      cptsRole: 'co_porteur',
      porteurOrg: 'Alister Handicap Service',
    });
    await make({ title: 'Parcours insuffisance cardiaque', missionCode: 'parcours', status: 'en_cours' });

    const codes = async (filters: ChannelInput<'fiches.list'>) =>
      (await b.ok('fiches.list', filters)).map((row) => row.code ?? row.title);
    expect(await codes({})).toEqual(['CLS-1', 'CLS-3', 'CLS-7', 'FA-10', 'Parcours insuffisance cardiaque']);
    expect(await codes({ missionCode: 'acces' })).toEqual(['CLS-3', 'CLS-7']);
    expect(await codes({ status: 'deployee' })).toEqual(['CLS-1', 'CLS-3']);
    expect(await codes({ cptsRole: 'participant' })).toEqual(['CLS-7']);
    expect(await codes({ cptsRole: 'co_porteur' })).toEqual(['FA-10']);
    expect(await codes({ partnershipId: cls.id })).toEqual(['CLS-1', 'CLS-3']);
    expect(await codes({ missionCode: 'acces', partnershipId: ght.id })).toEqual(['CLS-7']);
    expect(await codes({ search: 'acces soins' })).toEqual(['CLS-3', 'CLS-7']);
    expect(await codes({ search: 'MEDICO' })).toEqual(['CLS-7']);
    expect(await codes({ search: 'alister' })).toEqual(['FA-10']);
    expect(await codes({ search: 'mulhouse' })).toEqual(['CLS-1', 'CLS-3']);
    expect(await codes({ search: 'rien de tel' })).toEqual([]);
    const participant = (await b.ok('fiches.list', { cptsRole: 'participant' }))[0]!;
    expect(participant).toMatchObject({
      cptsRoleLabel: 'Participante',
      porteurOrg: 'GHT 12',
      partnershipLabel: 'GHT — GHT 12',
    });
  });

  it('attaches documents to a fiche and removes them with it', async () => {
    const source = userFile('Bilan 2025.pdf', '%PDF-1.4 bilan');
    const b = await backend({ chooseOpenPath: async () => source });
    const fiche = await b.ok('fiches.create', { title: 'Unité mobile' });
    const attached = await b.ok('fiches.addDocument', { ficheId: fiche.id });
    if ('cancelled' in attached) throw new Error('le document aurait dû être joint');
    expect(attached.documents).toMatchObject([{ fileName: 'Bilan 2025.pdf' }]);
    expect(readdirSync(b.context.documentsDir)).toHaveLength(1);
    const other = await b.ok('fiches.create', { title: 'Autre fiche' });
    expect(
      await b.call('fiches.deleteDocument', { ficheId: other.id, documentId: attached.documents[0]!.id }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const removed = await b.ok('fiches.deleteDocument', { ficheId: fiche.id, documentId: attached.documents[0]!.id });
    expect(removed.documents).toEqual([]);
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
    await b.ok('fiches.addDocument', { ficheId: fiche.id });
    await b.ok('fiches.delete', { id: fiche.id, confirm: true });
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);
  });
});

describe('crisis plan', () => {
  it('tells where the plan stands at a given date', async () => {
    const { b, nurse } = await seeded();
    let plan = await b.ok('crisisPlan.get');
    expect(plan).toMatchObject({
      events: [],
      writtenOn: null,
      state: 'absent',
      stateLabel: 'Plan de crise non rédigé',
      warnings: ['Le plan de crise n’est pas encore rédigé : notez sa rédaction quand elle est faite.'],
    });

    await b.ok('crisisPlan.saveEvent', { kind: 'redaction', occurredOn: '2025-03-10', referentMemberId: nurse });
    await b.ok('crisisPlan.saveEvent', { kind: 'transmission_ars', occurredOn: '2025-03-20' });
    await b.ok('crisisPlan.saveEvent', { kind: 'partage_membres', occurredOn: '2025-04-02' });
    plan = await b.ok('crisisPlan.saveEvent', { kind: 'exercice', occurredOn: '2025-10-15', note: 'Canicule simulée' });
    // Today (23 November 2026) is more than 12 months after the drafting of 10 March 2025.
    expect(plan).toMatchObject({
      writtenOn: '2025-03-10',
      lastUpdatedOn: '2025-03-10',
      updateDueOn: '2026-03-10',
      updateOverdue: true,
      sentToArsOn: '2025-03-20',
      arsHasCurrentVersion: true,
      sharedWithMembersOn: '2025-04-02',
      lastExerciseOn: '2025-10-15',
      lastActivationOn: null,
      state: 'a_mettre_a_jour',
      warnings: [
        'La dernière mise à jour du plan date du 10 mars 2025 : plus de 12 mois, le plan est à mettre à jour.',
      ],
    });
    expect(plan.events.map((event) => [event.kindLabel, event.occurredOn])).toEqual([
      ['Exercice', '2025-10-15'],
      ['Partage aux membres', '2025-04-02'],
      ['Transmission à l’ARS', '2025-03-20'],
      ['Rédaction du plan', '2025-03-10'],
    ]);
    expect(plan.events[3]).toMatchObject({ referentMemberId: nurse, referent: 'BERNARD Éloïse' });

    plan = await b.ok('crisisPlan.saveEvent', { kind: 'mise_a_jour', occurredOn: '2026-02-02' });
    expect(plan).toMatchObject({
      writtenOn: '2025-03-10',
      lastUpdatedOn: '2026-02-02',
      updateDueOn: '2027-02-02',
      updateOverdue: false,
      arsHasCurrentVersion: false,
      state: 'a_jour',
      stateLabel: 'Plan de crise à jour',
      warnings: ['La version du 2 février 2026 n’a pas été transmise à l’ARS (dernier envoi le 20 mars 2025).'],
    });

    // Correcting the update's date: within 60 days of its anniversary, the next update is announced.
    const update = plan.events.find((event) => event.kind === 'mise_a_jour')!;
    await b.ok('crisisPlan.saveEvent', { id: update.id, kind: 'mise_a_jour', occurredOn: '2025-12-20' });
    plan = await b.ok('crisisPlan.saveEvent', { kind: 'transmission_ars', occurredOn: '2026-01-05' });
    expect(plan).toMatchObject({
      updateDueOn: '2026-12-20',
      arsHasCurrentVersion: true,
      state: 'a_jour',
      warnings: ['La mise à jour annuelle du plan est à faire avant le 20 décembre 2026.'],
    });
    expect(plan.events).toHaveLength(6);
  });

  it('counts the 12 months of the yearly update to the day', async () => {
    const stateOn = async (today: string) => {
      const b = await backend({ now: () => new Date(`${today}T09:00:00`) });
      await b.ok('crisisPlan.saveEvent', { kind: 'redaction', occurredOn: '2025-11-23' });
      const plan = await b.ok('crisisPlan.saveEvent', { kind: 'transmission_ars', occurredOn: '2025-11-24' });
      return [plan.state, plan.updateDueOn, plan.warnings];
    };
    expect(await stateOn('2026-09-23')).toEqual([
      'a_jour',
      '2026-11-23',
      ['Le plan n’a pas été partagé avec les membres de la CPTS.'],
    ]);
    expect(await stateOn('2026-09-24')).toEqual([
      'a_jour',
      '2026-11-23',
      [
        'La mise à jour annuelle du plan est à faire avant le 23 novembre 2026.',
        'Le plan n’a pas été partagé avec les membres de la CPTS.',
      ],
    ]);
    expect((await stateOn('2026-11-23'))[0]).toBe('a_jour');
    expect(await stateOn('2026-11-24')).toEqual([
      'a_mettre_a_jour',
      '2026-11-23',
      [
        'La dernière mise à jour du plan date du 23 novembre 2025 : plus de 12 mois, le plan est à mettre à jour.',
        'Le plan n’a pas été partagé avec les membres de la CPTS.',
      ],
    ]);
  });

  it('refuses a step in the future or by a departed member, and writes nothing', async () => {
    const { b, doctor } = await seeded();
    await b.ok('members.depart', { id: doctor, leftOn: '2026-01-31' });
    const before = await snapshot(b);
    expect(await b.call('crisisPlan.saveEvent', { kind: 'activation', occurredOn: '2026-12-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { occurredOn: 'Une étape se note une fois faite : le 1er décembre 2026 n’est pas encore passé.' },
      },
    });
    expect(
      await b.call('crisisPlan.saveEvent', { kind: 'redaction', occurredOn: '2026-02-01', referentMemberId: doctor }),
    ).toMatchObject({
      ok: false,
      error: { fields: { referentMemberId: expect.stringContaining('a quitté la CPTS') } },
    });
    expect(await b.call('crisisPlan.saveEvent', { kind: 'redaction' } as never)).toMatchObject({
      ok: false,
      error: { fields: { occurredOn: 'Indiquez la date.' } },
    });
    expect(await b.call('crisisPlan.saveEvent', { id: 42, kind: 'redaction', occurredOn: '2026-02-01' })).toMatchObject(
      {
        ok: false,
        error: { code: 'not_found' },
      },
    );
    expect(await snapshot(b)).toEqual(before);
  });

  it('keeps the plan’s document with its step, replaces it and removes it with the step', async () => {
    const first = userFile('Plan de crise v1.pdf', '%PDF-1.4 v1');
    const second = userFile('Plan de crise v2.pdf', '%PDF-1.4 v2');
    let chosen: string | null = first;
    const b = await backend({ chooseOpenPath: async () => chosen });
    const plan = await b.ok('crisisPlan.saveEvent', { kind: 'redaction', occurredOn: '2026-03-10' });
    const eventId = plan.events[0]!.id;
    let attached = await b.ok('crisisPlan.attachDocument', { eventId });
    if ('cancelled' in attached) throw new Error('le document aurait dû être joint');
    expect(attached.events[0]!.document).toMatchObject({
      fileName: 'Plan de crise v1.pdf',
      title: 'Rédaction du plan du 10 mars 2026',
    });
    chosen = second;
    attached = await b.ok('crisisPlan.attachDocument', { eventId });
    if ('cancelled' in attached) throw new Error('le document aurait dû être remplacé');
    expect(attached.events[0]!.document).toMatchObject({ fileName: 'Plan de crise v2.pdf' });
    expect(readdirSync(b.context.documentsDir)).toHaveLength(1);
    expect(await b.database.db.selectFrom('document_link').select('kind').execute()).toEqual([{ kind: 'plan_crise' }]);
    chosen = null;
    expect(await b.ok('crisisPlan.attachDocument', { eventId })).toEqual({ cancelled: true });

    const detached = await b.ok('crisisPlan.detachDocument', { eventId });
    expect(detached.events[0]!.document).toBeNull();
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
    expect(await b.call('crisisPlan.detachDocument', { eventId })).toMatchObject({
      ok: false,
      error: { message: 'Cette étape n’a pas de document.' },
    });

    chosen = first;
    await b.ok('crisisPlan.attachDocument', { eventId });
    const emptied = await b.ok('crisisPlan.deleteEvent', { id: eventId, confirm: true });
    expect(emptied.events).toEqual([]);
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);

    // A plan also kept as a justificatif stays when its step goes.
    const again = await b.ok('crisisPlan.saveEvent', { kind: 'mise_a_jour', occurredOn: '2026-09-01' });
    const withPlan = await b.ok('crisisPlan.attachDocument', { eventId: again.events[0]!.id });
    if ('cancelled' in withPlan) throw new Error('le document aurait dû être joint');
    await keepAsEvidence(b, withPlan.events[0]!.document!.id);
    await b.ok('crisisPlan.deleteEvent', { id: again.events[0]!.id, confirm: true });
    expect(readdirSync(b.context.documentsDir)).toHaveLength(1);
    expect(await b.database.db.selectFrom('document').select('file_name').execute()).toEqual([
      { file_name: 'Plan de crise v1.pdf' },
    ]);
    expect(await b.database.db.selectFrom('document_link').selectAll().execute()).toEqual([]);
  });
});
