import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENEWAL_SECTIONS } from '@shared/domain/report-labels';
import { testBackend } from '../helpers/handlers';
import { seedTrackingYear, type SeededYear, SPECS } from '../helpers/tracking-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

let backend: Backend;
let seeded: SeededYear;
const ids = { ag: 0, otherAg: 0, ca: 0, bureau: 0, resolution: 0, otherResolution: 0, decision: 0 };

async function meeting(type: string, date: string, title: string): Promise<number> {
  const { id } = await backend.database.db
    .insertInto('meeting')
    .values({ type, date, title, status: 'tenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function resolution(meetingId: number, title: string): Promise<number> {
  const { id } = await backend.database.db
    .insertInto('resolution')
    .values({ meeting_id: meetingId, position: 1, title, text: `${title} : texte soumis au vote.` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const count = async (table: 'report_draft' | 'renewal_indicator_proposal' | 'report_draft_section') =>
  Number(
    (
      await backend.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  backend = await testBackend();
  seeded = await seedTrackingYear(backend);
  ids.ag = await meeting('ago', '2026-06-12', 'Assemblée générale 2026');
  ids.otherAg = await meeting('ago', '2025-06-13', 'Assemblée générale 2025');
  ids.ca = await meeting('ca', '2026-09-03', 'Conseil d’administration de rentrée');
  ids.bureau = await meeting('bureau', '2026-09-10', 'Bureau de septembre');
  ids.resolution = await resolution(ids.ag, 'Renouvellement du contrat ACI');
  ids.otherResolution = await resolution(ids.otherAg, 'Approbation des comptes 2024');
  const { id } = await backend.database.db
    .insertInto('decision')
    .values({ meeting_id: ids.ca, text: 'Le CA autorise la présidente à signer le nouveau contrat.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.decision = id;
});
afterAll(async () => {
  await backend.database.dispose();
});

describe('Dossier de renouvellement : le brouillon', () => {
  it('shows every section included and no proposal before the first save, without writing anything', async () => {
    const draft = await backend.ok('renewal.getDraft', { contractId: seeded.contractId });
    expect(draft.id).toBeNull();
    expect(draft.sections.map((section) => section.key)).toEqual(RENEWAL_SECTIONS.map((section) => section.key));
    expect(draft.sections.every((section) => section.included && section.body === null)).toBe(true);
    expect(draft.proposals).toEqual([]);
    // AG and CA can deliberate, a bureau cannot; each with what was voted or decided there.
    expect(draft.choices.meetings.map((choice) => choice.id).sort()).toEqual([ids.ag, ids.otherAg, ids.ca].sort());
    const ag = draft.choices.meetings.find((choice) => choice.id === ids.ag)!;
    expect(ag.resolutions).toEqual([{ id: ids.resolution, title: 'Renouvellement du contrat ACI' }]);
    expect(ag.decisions).toEqual([]);
    expect(draft.choices.meetings.find((choice) => choice.id === ids.ca)!.decisions.map((d) => d.id)).toEqual([
      ids.decision,
    ]);
    expect(await count('report_draft')).toBe(0);
  });

  it('refuses a deliberation whose parts do not belong together, and writes nothing', async () => {
    const base = { contractId: seeded.contractId, introduction: 'Cinq années de travail en commun.' };
    const refusals: [object, RegExp][] = [
      [{ approvalMeetingId: ids.ag, approvalResolutionId: ids.otherResolution }, /pas été votée à l’assemblée choisie/],
      [{ approvalMeetingId: ids.ag, approvalDecisionId: ids.decision }, /résolution/],
      [{ approvalMeetingId: ids.ca, approvalResolutionId: ids.resolution }, /décision/],
      [{ approvalMeetingId: ids.bureau }, /assemblée générale ou d’un conseil d’administration/],
      [{ approvalResolutionId: ids.resolution }, /Choisissez d’abord la réunion/],
      [
        { approvalMeetingId: ids.ag, approvalResolutionId: ids.resolution, approvalDecisionId: ids.decision },
        /pas les deux/,
      ],
    ];
    for (const [deliberation, message] of refusals) {
      const result = await backend.call('renewal.saveDraft', { ...base, ...deliberation });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await count('report_draft')).toBe(0);
    expect((await backend.ok('renewal.getDraft', { contractId: seeded.contractId })).id).toBeNull();
  });

  it('saves the introduction and the AG resolution, then a section text', async () => {
    let draft = await backend.ok('renewal.saveDraft', {
      contractId: seeded.contractId,
      introduction: 'Cinq années de travail en commun.',
      approvalMeetingId: ids.ag,
      approvalResolutionId: ids.resolution,
    });
    expect(draft.id).not.toBeNull();
    expect(draft).toMatchObject({
      introduction: 'Cinq années de travail en commun.',
      approvalMeetingId: ids.ag,
      approvalResolutionId: ids.resolution,
      approvalDecisionId: null,
    });
    draft = await backend.ok('renewal.saveSection', {
      contractId: seeded.contractId,
      key: 'territoire',
      included: false,
      body: 'Deux communes ont rejoint le territoire en 2024.',
    });
    expect(draft.sections.find((section) => section.key === 'territoire')).toMatchObject({
      included: false,
      body: 'Deux communes ont rejoint le territoire en 2024.',
    });
    // A CA with its decision is a deliberation too.
    draft = await backend.ok('renewal.saveDraft', {
      contractId: seeded.contractId,
      introduction: null,
      approvalMeetingId: ids.ca,
      approvalDecisionId: ids.decision,
    });
    expect(draft).toMatchObject({ approvalMeetingId: ids.ca, approvalDecisionId: ids.decision, introduction: null });
    expect(await count('report_draft')).toBe(1);
  });

  it('seeds one proposal per current indicator with its last cible, and refuses to seed twice', async () => {
    const db = backend.database.db;
    const indicators = await db
      .selectFrom('indicator')
      .select(['id', 'code', 'label'])
      .where('contract_id', '=', seeded.contractId)
      .where('archived_at', 'is', null)
      .execute();
    expect(indicators).toHaveLength(SPECS.length);
    const draft = await backend.ok('renewal.seedProposals', { contractId: seeded.contractId });
    expect(draft.proposals).toHaveLength(indicators.length);
    expect(new Set(draft.proposals.map((proposal) => proposal.indicatorId))).toEqual(
      new Set(indicators.map((indicator) => indicator.id)),
    );
    // The last cible is year 5's: ACC-3's prorata target of 203, ACC-2's « oui ».
    const target = async (code: string) => {
      const row = await db
        .selectFrom('indicator_target as t')
        .innerJoin('indicator as i', 'i.id', 't.indicator_id')
        .innerJoin('aci_contract_year as y', 'y.id', 't.contract_year_id')
        .select(['t.target_value', 'i.id'])
        .where('i.code', '=', code)
        .orderBy('y.year_index', 'desc')
        .executeTakeFirstOrThrow();
      return {
        proposal: draft.proposals.find((proposal) => proposal.indicatorId === row.id)!,
        value: row.target_value,
      };
    };
    const acc3 = await target('ACC-3');
    expect(acc3.proposal.label).toBe('ACC-3 — Patients de plus de 70 ans sans médecin traitant');
    expect(acc3.proposal.targetText).toContain(String(acc3.value));
    expect(acc3.proposal.targetText).toContain('au prorata');
    expect(acc3.proposal.missionLabel).toBe('Amélioration de l’accès aux soins');
    expect((await target('ACC-2')).proposal.targetText).toBe('oui');
    // Missions in the order of the accord: accès first.
    expect(draft.proposals[0]!.missionCode).toBe('acces');

    const before = await count('renewal_indicator_proposal');
    const again = await backend.call('renewal.seedProposals', { contractId: seeded.contractId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/contient déjà des indicateurs/);
    expect(await count('renewal_indicator_proposal')).toBe(before);
  });

  it('adds, edits, moves and deletes a proposal; refuses an indicator of another contract', async () => {
    let draft = await backend.ok('renewal.saveProposal', {
      contractId: seeded.contractId,
      missionCode: 'prevention',
      label: 'Ateliers de prévention des chutes',
      targetText: '≥ 6 ateliers par an',
      comment: 'Nouvel indicateur',
    });
    const added = draft.proposals.at(-1)!;
    expect(added).toMatchObject({ label: 'Ateliers de prévention des chutes', indicatorId: null });
    draft = await backend.ok('renewal.moveProposal', { id: added.id, direction: 'up' });
    expect(draft.proposals.at(-2)!.id).toBe(added.id);
    draft = await backend.ok('renewal.saveProposal', {
      contractId: seeded.contractId,
      id: added.id,
      missionCode: 'prevention',
      label: 'Ateliers de prévention des chutes',
      targetText: '≥ 8 ateliers par an',
      comment: null,
    });
    expect(draft.proposals.find((proposal) => proposal.id === added.id)).toMatchObject({
      targetText: '≥ 8 ateliers par an',
      comment: null,
    });
    const first = draft.proposals[0]!.id;
    draft = await backend.ok('renewal.moveProposal', { id: first, direction: 'up' });
    expect(draft.proposals[0]!.id).toBe(first);

    const { id: otherContract } = await backend.database.db
      .insertInto('aci_contract')
      .values({ aci_version: 'avenant_2', signed_on: '2017-04-15', status: 'echu' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: foreign } = await backend.database.db
      .insertInto('indicator')
      .values({
        contract_id: otherContract,
        mission_code: 'acces',
        label: 'Ancien indicateur',
        kind: 'resultat',
        value_type: 'nombre',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await backend.call('renewal.saveProposal', {
      contractId: seeded.contractId,
      missionCode: 'acces',
      label: 'Ancien indicateur',
      indicatorId: foreign,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/n’appartient pas au contrat renouvelé/);

    const total = draft.proposals.length;
    draft = await backend.ok('renewal.deleteProposal', { id: added.id });
    expect(draft.proposals).toHaveLength(total - 1);
    expect(draft.proposals.some((proposal) => proposal.id === added.id)).toBe(false);
  });
});
