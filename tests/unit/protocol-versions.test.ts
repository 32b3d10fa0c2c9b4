import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend() {
  // Today, for every service: 23 November 2026.
  const created = await testBackend();
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const TABLES = ['protocol', 'protocol_version', 'protocol_profession', 'protocol_step', 'audit_log'] as const;
async function snapshot(b: Backend) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) rows[table] = await b.database.db.selectFrom(table).selectAll().execute();
  return rows;
}

const content: Omit<ChannelInput<'protocols.saveVersion'>, 'id'> = {
  situation: 'Chutes à domicile des plus de 75 ans',
  objectives: 'Repérer le risque de chute',
  inclusionCriteria: 'Plus de 75 ans vivant à domicile',
  professions: [
    { professionCode: '60', role: 'Repère et évalue' },
    { professionCode: '10', role: 'Prescrit le bilan' },
  ],
  steps: [
    {
      professionCode: '60',
      action: 'Évalue le risque (test du lever de chaise)',
      timing: 'À la visite',
      tool: 'Grille HAS',
    },
    { professionCode: '10', action: 'Prescrit la kinésithérapie', place: 'Cabinet' },
    { professionCode: '70', action: 'Rééducation de l’équilibre', timing: '10 séances' },
  ],
};

async function protocol(b: Backend, extra: Partial<ChannelInput<'protocols.create'>> = {}) {
  const created = await b.ok('protocols.create', { title: 'Prévention des chutes', family: 'pluripro', ...extra });
  const version = await b.ok('protocols.saveVersion', { id: created.draftVersionId!, ...content });
  return { protocolId: created.id, versionId: version.id };
}

async function meetingWithDecision(b: Backend, date: string, text: string) {
  const meeting = await b.ok('meetings.create', { type: 'ca', title: `Conseil d’administration du ${date}`, date });
  const detail = await b.ok('decisions.save', { meetingId: meeting.id, text });
  return { meetingId: meeting.id, decisionId: detail.decisions[0]!.id };
}

describe('a draft and its validation', () => {
  it('saves the HAS content, the professions and the ordered steps of a draft', async () => {
    const b = await backend();
    const { versionId } = await protocol(b);
    const version = await b.ok('protocols.getVersion', { id: versionId });
    expect(version).toMatchObject({
      number: 1,
      status: 'brouillon',
      editable: true,
      objectives: 'Repérer le risque de chute',
    });
    expect(version.professions).toEqual([
      { professionCode: '60', professionLabel: 'Infirmier', role: 'Repère et évalue' },
      { professionCode: '10', professionLabel: 'Médecin', role: 'Prescrit le bilan' },
    ]);
    expect(version.steps.map((step) => [step.rank, step.professionCode, step.action, step.timing, step.place])).toEqual(
      [
        [1, '60', 'Évalue le risque (test du lever de chaise)', 'À la visite', null],
        [2, '10', 'Prescrit la kinésithérapie', null, 'Cabinet'],
        [3, '70', 'Rééducation de l’équilibre', '10 séances', null],
      ],
    );
    expect(version.data.steps).toHaveLength(3);
  });

  it('refuses a step without profession or action, an unknown profession, a profession twice: nothing written', async () => {
    const b = await backend();
    const { versionId } = await protocol(b);
    const before = await snapshot(b);
    const noProfession = await b.call('protocols.saveVersion', {
      id: versionId,
      steps: [{ professionCode: '', action: 'Appelle le patient' }],
    });
    expect(noProfession).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'steps.0.professionCode': 'Choisissez la profession.' } },
    });
    const noAction = await b.call('protocols.saveVersion', {
      id: versionId,
      steps: [{ professionCode: '60', action: ' ' }],
    });
    expect(noAction).toMatchObject({
      ok: false,
      error: { fields: { 'steps.0.action': expect.stringMatching(/Décrivez/) } },
    });
    const unknown = await b.call('protocols.saveVersion', { id: versionId, professions: [{ professionCode: '999' }] });
    expect(unknown).toMatchObject({
      ok: false,
      error: { fields: { 'professions.0.professionCode': expect.stringMatching(/inconnue/) } },
    });
    const twice = await b.call('protocols.saveVersion', {
      id: versionId,
      professions: [{ professionCode: '60' }, { professionCode: '60' }],
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { fields: { 'professions.1.professionCode': expect.stringMatching(/déjà/) } },
    });
    expect(await snapshot(b)).toEqual(before);
  });

  it('validates: next review 24 months after by default, the decision’s meeting taken, the version no longer editable', async () => {
    const b = await backend();
    const { protocolId, versionId } = await protocol(b);
    const { meetingId, decisionId } = await meetingWithDecision(b, '2025-03-12', 'Le protocole chutes est validé');
    const version = await b.ok('protocols.validateVersion', { id: versionId, validatedOn: '2025-03-12', decisionId });
    expect(version).toMatchObject({
      status: 'valide',
      editable: false,
      nextReviewOn: '2027-03-12',
      review: 'a_jour',
      validation: {
        validatedOn: '2025-03-12',
        validatedBy: 'Conseil d’administration du 2025-03-12',
        meeting: { id: meetingId, date: '2025-03-12' },
        decision: { id: decisionId, text: 'Le protocole chutes est validé' },
      },
    });
    const detail = await b.ok('protocols.get', { id: protocolId });
    expect(detail).toMatchObject({
      status: 'valide',
      currentVersionId: versionId,
      draftVersionId: null,
      hasDraft: false,
      validatedOn: '2025-03-12',
    });

    const edit = await b.call('protocols.saveVersion', { id: versionId, ...content, objectives: 'Autre' });
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/La version 1 est validé.*nouvelle version/) },
    });
    const again = await b.call('protocols.validateVersion', {
      id: versionId,
      validatedOn: '2025-03-13',
      validatedBy: 'Bureau',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('uses the protocol’s own review period, and the review date given', async () => {
    const b = await backend();
    const { versionId } = await protocol(b, { reviewEveryMonths: 6 });
    const version = await b.ok('protocols.validateVersion', {
      id: versionId,
      validatedOn: '2025-08-31',
      validatedBy: 'Bureau',
    });
    expect(version.nextReviewOn).toBe('2026-02-28');
    expect(version.review).toBe('depassee');
    const other = await protocol(b, { title: 'Autre protocole' });
    const given = await b.ok('protocols.validateVersion', {
      id: other.versionId,
      validatedOn: '2026-10-01',
      validatedBy: 'Bureau',
      nextReviewOn: '2027-01-22',
    });
    expect(given).toMatchObject({ nextReviewOn: '2027-01-22', review: 'bientot' });
  });

  it('refuses a future date, a review before validation, a decision of another meeting, no instance: nothing written', async () => {
    const b = await backend();
    const { versionId } = await protocol(b);
    const first = await meetingWithDecision(b, '2025-03-12', 'Validation du protocole');
    const second = await meetingWithDecision(b, '2025-04-02', 'Autre décision');
    const before = await snapshot(b);
    const future = await b.call('protocols.validateVersion', {
      id: versionId,
      validatedOn: '2026-11-24',
      validatedBy: 'Bureau',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { fields: { validatedOn: expect.stringMatching(/24 novembre 2026.* futur/) } },
    });
    const review = await b.call('protocols.validateVersion', {
      id: versionId,
      validatedOn: '2025-03-12',
      validatedBy: 'Bureau',
      nextReviewOn: '2025-03-01',
    });
    expect(review).toMatchObject({
      ok: false,
      error: { fields: { nextReviewOn: 'La prochaine révision doit suivre la date de validation.' } },
    });
    const decision = await b.call('protocols.validateVersion', {
      id: versionId,
      validatedOn: '2025-03-12',
      meetingId: first.meetingId,
      decisionId: second.decisionId,
    });
    expect(decision).toMatchObject({
      ok: false,
      error: { fields: { decisionId: expect.stringMatching(/pas été prise lors de la réunion/) } },
    });
    const nobody = await b.call('protocols.validateVersion', { id: versionId, validatedOn: '2025-03-12' });
    expect(nobody).toMatchObject({
      ok: false,
      error: { fields: { validatedBy: expect.stringMatching(/Indiquez l’instance/) } },
    });
    const missing = await b.call('protocols.validateVersion', {
      id: versionId,
      validatedBy: 'Bureau',
    } as ChannelInput<'protocols.validateVersion'>);
    expect(missing).toMatchObject({ ok: false, error: { fields: { validatedOn: expect.any(String) } } });
    expect(await snapshot(b)).toEqual(before);
  });
});

describe('versions over time', () => {
  it('puts in force, copies into a new draft, requires its changelog, supersedes the previous version', async () => {
    const b = await backend();
    const { protocolId, versionId: v1 } = await protocol(b);
    const early = await b.call('protocols.setVersionStatus', { id: v1, status: 'en_vigueur', on: '2025-04-01' });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { status: expect.stringMatching(/brouillon : validez-la d’abord/) } },
    });
    await b.ok('protocols.validateVersion', { id: v1, validatedOn: '2025-03-12', validatedBy: 'Bureau' });
    const before = await b.call('protocols.setVersionStatus', { id: v1, status: 'en_vigueur', on: '2025-03-01' });
    expect(before).toMatchObject({
      ok: false,
      error: { fields: { on: expect.stringMatching(/avant sa validation/) } },
    });
    const inForce = await b.ok('protocols.setVersionStatus', { id: v1, status: 'en_vigueur', on: '2025-04-01' });
    expect(inForce).toMatchObject({ status: 'en_vigueur', inForceOn: '2025-04-01', versionNumber: 1 });

    const v2 = await b.ok('protocols.newVersion', { protocolId });
    expect(v2).toMatchObject({
      number: 2,
      status: 'brouillon',
      editable: true,
      objectives: 'Repérer le risque de chute',
      changelog: null,
    });
    expect(v2.steps.map((step) => step.action)).toEqual(content.steps!.map((step) => step.action));
    expect(v2.professions).toHaveLength(2);
    const twice = await b.call('protocols.newVersion', { protocolId });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/version 2 est encore un brouillon/) },
    });
    const listed = (await b.ok('protocols.list', {}))[0]!;
    expect(listed).toMatchObject({ status: 'en_vigueur', versionNumber: 1, hasDraft: true });

    const noChangelog = await b.call('protocols.validateVersion', {
      id: v2.id,
      validatedOn: '2026-10-05',
      validatedBy: 'Bureau',
    });
    expect(noChangelog).toMatchObject({
      ok: false,
      error: { fields: { changelog: expect.stringMatching(/depuis la version 1/) } },
    });
    await b.ok('protocols.saveVersion', { id: v2.id, ...content, changelog: 'Ajout de la kinésithérapie' });
    await b.ok('protocols.validateVersion', { id: v2.id, validatedOn: '2026-10-05', validatedBy: 'Bureau' });
    const backwards = await b.call('protocols.setVersionStatus', { id: v2.id, status: 'en_vigueur', on: '2025-03-20' });
    expect(backwards).toMatchObject({
      ok: false,
      error: { fields: { on: expect.stringMatching(/avant sa validation/) } },
    });
    const detail = await b.ok('protocols.setVersionStatus', { id: v2.id, status: 'en_vigueur', on: '2026-11-01' });
    expect(
      detail.versions.map((version) => [version.number, version.status, version.inForceOn, version.endedOn]),
    ).toEqual([
      [2, 'en_vigueur', '2026-11-01', null],
      [1, 'remplace', '2025-04-01', '2026-11-01'],
    ]);
    expect(detail).toMatchObject({
      status: 'en_vigueur',
      versionNumber: 2,
      nextReviewOn: '2028-10-05',
      review: 'a_jour',
    });
    const old = await b.ok('protocols.getVersion', { id: v1 });
    expect(old).toMatchObject({
      status: 'remplace',
      editable: false,
      endedOn: '2026-11-01',
      objectives: 'Repérer le risque de chute',
    });
    const back = await b.call('protocols.setVersionStatus', { id: v1, status: 'en_vigueur', on: '2026-11-20' });
    expect(back).toMatchObject({ ok: false, error: { fields: { status: expect.stringMatching(/nouvelle version/) } } });
  });

  it('suspends and resumes a version, deletes a draft only', async () => {
    const b = await backend();
    const { protocolId, versionId } = await protocol(b);
    await b.ok('protocols.validateVersion', { id: versionId, validatedOn: '2025-03-12', validatedBy: 'Bureau' });
    const validated = await b.call('protocols.deleteVersion', { id: versionId, confirm: true });
    expect(validated).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const notInForce = await b.call('protocols.setVersionStatus', {
      id: versionId,
      status: 'suspendu',
      on: '2025-05-01',
    });
    expect(notInForce).toMatchObject({
      ok: false,
      error: { fields: { status: 'Seule une version en vigueur peut être suspendue.' } },
    });
    await b.ok('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2025-04-01' });
    const suspended = await b.ok('protocols.setVersionStatus', { id: versionId, status: 'suspendu', on: '2026-02-01' });
    expect(suspended).toMatchObject({ status: 'suspendu', statusLabel: 'Suspendu' });
    expect(suspended.versions[0]).toMatchObject({ status: 'suspendu', endedOn: '2026-02-01' });
    const resumed = await b.ok('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2026-03-01' });
    expect(resumed.versions[0]).toMatchObject({ status: 'en_vigueur', inForceOn: '2025-04-01', endedOn: null });

    const draft = await b.ok('protocols.newVersion', { protocolId });
    const afterDelete = await b.ok('protocols.deleteVersion', { id: draft.id, confirm: true });
    expect(afterDelete).toMatchObject({ hasDraft: false, draftVersionId: null, status: 'en_vigueur' });
    expect(afterDelete.versions).toHaveLength(1);
  });

  it('archives a protocol and its versions; nothing changes after', async () => {
    const b = await backend();
    const { protocolId, versionId } = await protocol(b);
    await b.ok('protocols.validateVersion', { id: versionId, validatedOn: '2025-03-12', validatedBy: 'Bureau' });
    await b.ok('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2025-04-01' });
    await b.ok('protocols.newVersion', { protocolId });
    const tooEarly = await b.call('protocols.archive', { id: protocolId, on: '2025-03-01' });
    expect(tooEarly).toMatchObject({ ok: false, error: { fields: { on: expect.any(String) } } });
    const archived = await b.ok('protocols.archive', { id: protocolId, on: '2026-06-30' });
    expect(archived).toMatchObject({ archivedOn: '2026-06-30', status: 'archive', review: null, hasDraft: false });
    expect(archived.versions.map((version) => [version.number, version.status, version.endedOn])).toEqual([
      [2, 'archive', null],
      [1, 'archive', '2026-06-30'],
    ]);
    for (const call of [
      b.call('protocols.newVersion', { protocolId }),
      b.call('protocols.archive', { id: protocolId, on: '2026-07-01' }),
      b.call('protocols.update', { id: protocolId, data: { title: 'Autre titre' } }),
      b.call('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2026-07-01' }),
    ])
      expect(await call).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await b.ok('protocols.list', { status: 'archive' })).toHaveLength(1);
  });
});

describe('a cooperation protocol put in force', () => {
  async function cooperation(b: Backend, extra: Partial<ChannelInput<'protocols.create'>> = {}) {
    const { protocolId, versionId } = await protocol(b, {
      title: 'Odynophagie',
      family: 'coop_nationale',
      arreteReference: 'Arrêté du 9 mars 2023',
      ...extra,
    });
    await b.ok('protocols.validateVersion', { id: versionId, validatedOn: '2025-03-12', validatedBy: 'Bureau' });
    return { protocolId, versionId };
  }
  async function member(b: Backend, professionCode: string, rpps?: string, leftOn?: string) {
    const created = await b.ok('members.create', {
      kind: 'person',
      lastName: professionCode === '10' ? 'Durand' : 'Petit',
      firstName: professionCode === '10' ? 'Thomas' : 'Lucie',
      professionCode,
      rpps,
      joinedOn: '2020-09-01',
    });
    if (leftOn)
      await b.database.db.updateTable('member').set({ left_on: leftOn }).where('id', '=', created.id).execute();
    return created.id;
  }
  async function joinTeam(
    b: Backend,
    protocolId: number,
    memberId: number,
    role: 'delegant' | 'delegue',
    leftOn: string | null = null,
  ) {
    await b.database.db
      .insertInto('protocol_member')
      .values({ protocol_id: protocolId, member_id: memberId, role, joined_on: '2025-01-01', left_on: leftOn })
      .execute();
  }

  it('needs an active médecin délégant with a valid RPPS, and says what is missing', async () => {
    const b = await backend();
    const { protocolId, versionId } = await cooperation(b);
    const put = () => b.call('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2025-04-01' });
    const pharmacist = await member(b, '21');
    await joinTeam(b, protocolId, pharmacist, 'delegant');
    expect(await put()).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: { status: expect.stringMatching(/au moins un médecin délégant actif.*1er avril 2025/) },
      },
    });
    const gone = await member(b, '10', '10003198529');
    await joinTeam(b, protocolId, gone, 'delegant', '2025-03-01');
    expect(await put()).toMatchObject({
      ok: false,
      error: { fields: { status: expect.stringMatching(/au moins un médecin délégant actif/) } },
    });
    const noRpps = await member(b, '10');
    await joinTeam(b, protocolId, noRpps, 'delegant');
    expect(await put()).toMatchObject({
      ok: false,
      error: { fields: { status: expect.stringMatching(/DURAND Thomas n’a pas de RPPS valide/) } },
    });
    expect((await b.ok('protocols.getVersion', { id: versionId })).status).toBe('valide');
    await b.database.db.updateTable('member').set({ rpps: '10003198511' }).where('id', '=', noRpps).execute();
    const inForce = await put();
    expect(inForce).toMatchObject({ ok: true, data: { status: 'en_vigueur' } });
  });

  it('refuses a national protocol without its arrêté', async () => {
    const b = await backend();
    const { protocolId, versionId } = await cooperation(b, { arreteReference: null });
    await joinTeam(b, protocolId, await member(b, '10', '10003198511'), 'delegant');
    const refused = await b.call('protocols.setVersionStatus', {
      id: versionId,
      status: 'en_vigueur',
      on: '2025-04-01',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { status: expect.stringMatching(/l’arrêté qui l’autorise/) } },
    });
  });
});

describe('reviews due', () => {
  it('lists the reviews due within 60 days or past, most urgent first, for the dashboard', async () => {
    const b = await backend();
    const make = async (title: string, nextReviewOn: string, inForce = true) => {
      const { protocolId, versionId } = await protocol(b, { title });
      await b.ok('protocols.validateVersion', {
        id: versionId,
        validatedOn: '2024-11-01',
        validatedBy: 'Bureau',
        nextReviewOn,
      });
      if (inForce) await b.ok('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: '2024-12-01' });
      return protocolId;
    };
    await make('Limite haute', '2027-01-22');
    await make('Hors délai', '2027-01-23');
    await make('Dépassée', '2026-11-22');
    await make('Aujourd’hui', '2026-11-23', false);
    await b.ok('protocols.create', { title: 'Brouillon seul' });
    const due = await b.ok('protocols.reviewsDue');
    expect(due.map((row) => [row.title, row.nextReviewOn, row.review])).toEqual([
      ['Dépassée', '2026-11-22', 'depassee'],
      ['Aujourd’hui', '2026-11-23', 'bientot'],
      ['Limite haute', '2027-01-22', 'bientot'],
    ]);
    expect((await b.ok('protocols.list', { reviewDue: true })).map((row) => row.title).sort()).toEqual(
      ['Aujourd’hui', 'Dépassée', 'Limite haute'].sort(),
    );
    const all = await b.ok('protocols.list', {});
    expect(all.find((row) => row.title === 'Hors délai')?.review).toBe('a_jour');
    expect(all.find((row) => row.title === 'Brouillon seul')?.review).toBeNull();
  });
});
