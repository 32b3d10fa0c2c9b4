import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_SECTIONS } from '@shared/domain/report-labels';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';
import { seedContract } from '../fixtures/contract';
import { writePng } from '../fixtures/images';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend() {
  const picked = { path: null as string | null };
  const created = await testBackend({ chooseOpenPath: async (purpose) => (purpose === 'image' ? picked.path : null) });
  backends.push(created);
  return { ...created, picked, dir: created.database.dir, documentsDir: created.context.documentsDir };
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const SAVE = {
  year: 2023,
  introduction: null,
  contractYearId: null,
  approvalMeetingId: null,
  approvalResolutionId: null,
  approvalDecisionId: null,
  includeMembersList: false,
  membersListAudience: 'annuaire' as const,
  includeAttendance: true,
  includeTrackingAnnex: true,
};

const storedFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('draft of the rapport d’activité', () => {
  it('shows the defaults of a year never saved without writing anything', async () => {
    const { ok, database } = await backend();
    const draft = await ok('reportDrafts.getActivity', { year: 2023 });
    expect(draft.id).toBeNull();
    expect(draft.updatedAt).toBeNull();
    expect([draft.includeMembersList, draft.includeAttendance, draft.includeTrackingAnnex]).toEqual([
      false,
      true,
      true,
    ]);
    expect(draft.sections.map((section) => section.key)).toEqual(ACTIVITY_SECTIONS.map((section) => section.key));
    expect(draft.sections.every((section) => section.included && section.body === null)).toBe(true);
    expect(draft.sections.find((section) => section.key === 'mission_crise')?.missionCode).toBe('crise');
    expect(draft.sections[0]).toMatchObject({ title: 'Synthèse et chiffres clés', missionCode: null });
    expect(await database.db.selectFrom('report_draft').select('id').execute()).toEqual([]);
  });

  it('offers the contract years overlapping the year and the AG or CA of the year and the six months after', async () => {
    const { ok } = await backend();
    await seedContract({ ok });
    const ag = await ok('meetings.create', { type: 'ago', title: 'AG annuelle', date: '2024-05-20' });
    await ok('meetings.create', { type: 'ca', title: 'CA d’octobre', date: '2023-10-10' });
    await ok('meetings.create', { type: 'bureau', title: 'Bureau de mars', date: '2023-03-01' });
    await ok('meetings.create', { type: 'ago', title: 'AG trop tardive', date: '2024-09-01' });
    await ok('meetings.create', { type: 'ca', title: 'CA de l’année d’avant', date: '2022-12-15' });
    await ok('ag.saveResolution', {
      meetingId: ag.id,
      title: 'Approbation du rapport d’activité 2023',
      text: 'L’assemblée approuve le rapport d’activité 2023.',
      kind: 'ordinaire',
    });
    const draft = await ok('reportDrafts.getActivity', { year: 2023 });
    expect(draft.choices.contractYears.map((year) => year.label)).toEqual([
      'Année 1 (01/04/2022 – 31/03/2023)',
      'Année 2 (01/04/2023 – 31/03/2024)',
    ]);
    expect(draft.choices.approvalMeetings.map((meeting) => [meeting.date, meeting.typeLabel, meeting.title])).toEqual([
      ['2023-10-10', 'Conseil d’administration', 'CA d’octobre'],
      ['2024-05-20', 'Assemblée générale ordinaire', 'AG annuelle'],
    ]);
    expect(draft.choices.approvalMeetings[1]?.resolutions.map((row) => row.title)).toEqual([
      'Approbation du rapport d’activité 2023',
    ]);
  });

  it('creates the draft on first save, keeps its choices and bumps the date of the last change', async () => {
    const { ok, database } = await backend();
    await seedContract({ ok });
    const ag = await ok('meetings.create', { type: 'ago', title: 'AG annuelle', date: '2024-05-20' });
    const state = await ok('ag.saveResolution', {
      meetingId: ag.id,
      title: 'Approbation du rapport d’activité 2023',
      text: 'L’assemblée approuve le rapport d’activité 2023.',
      kind: 'ordinaire',
    });
    const resolutionId = state.resolutions[0]!.id;
    const choices = (await ok('reportDrafts.getActivity', { year: 2023 })).choices;
    const saved = await ok('reportDrafts.saveActivity', {
      ...SAVE,
      introduction: '  L’année 2023 a vu la CPTS ouvrir son service d’accès aux soins.  ',
      contractYearId: choices.contractYears[1]!.id,
      approvalMeetingId: ag.id,
      approvalResolutionId: resolutionId,
      includeMembersList: true,
      membersListAudience: 'bureau',
      includeAttendance: false,
    });
    expect(saved.id).not.toBeNull();
    expect(saved).toMatchObject({
      introduction: 'L’année 2023 a vu la CPTS ouvrir son service d’accès aux soins.',
      contractYearId: choices.contractYears[1]!.id,
      approvalMeetingId: ag.id,
      approvalResolutionId: resolutionId,
      includeMembersList: true,
      membersListAudience: 'bureau',
      includeAttendance: false,
      includeTrackingAnnex: true,
    });
    await database.db.updateTable('report_draft').set({ updated_at: '2020-01-01T00:00:00.000Z' }).execute();
    const again = await ok('reportDrafts.saveActivity', { ...SAVE, introduction: 'Autre introduction.' });
    expect(again.id).toBe(saved.id);
    expect(again.updatedAt! > '2020-01-01T00:00:00.000Z').toBe(true);
    expect(await database.db.selectFrom('report_draft').select('id').execute()).toHaveLength(1);
    // Another year is another draft.
    expect((await ok('reportDrafts.getActivity', { year: 2024 })).id).toBeNull();
  });

  it('refuses a contract year, meeting, resolution or decision that does not match, under the field, and writes nothing', async () => {
    const { ok, call, database } = await backend();
    const contract = await seedContract({ ok });
    const ag = await ok('meetings.create', { type: 'ago', title: 'AG annuelle', date: '2024-05-20' });
    const other = await ok('meetings.create', { type: 'ca', title: 'CA d’octobre', date: '2023-10-10' });
    const bureau = await ok('meetings.create', { type: 'bureau', title: 'Bureau', date: '2023-11-10' });
    const state = await ok('ag.saveResolution', {
      meetingId: other.id,
      title: 'Budget 2024',
      text: 'Le conseil adopte le budget 2024.',
      kind: 'ordinaire',
    });
    const withDecision = await ok('decisions.save', { meetingId: other.id, text: 'Préparer le rapport' });
    const year5 = contract.years.find((year) => year.index === 5)!;

    const wrongYear = await call('reportDrafts.saveActivity', { ...SAVE, contractYearId: year5.id });
    expect(wrongYear.ok ? null : wrongYear.error.fields).toEqual({
      contractYearId: 'Choisissez une année de contrat qui couvre une partie de 2023.',
    });
    const missingYear = await call('reportDrafts.saveActivity', { ...SAVE, contractYearId: 9999 });
    expect(missingYear.ok ? null : missingYear.error.fields?.contractYearId).toBeDefined();

    const notAnAg = await call('reportDrafts.saveActivity', { ...SAVE, approvalMeetingId: bureau.id });
    expect(notAnAg.ok ? null : notAnAg.error.fields).toEqual({
      approvalMeetingId:
        'Choisissez une assemblée générale ou un conseil d’administration tenu en 2023 ou dans les six mois qui suivent.',
    });
    const otherResolution = await call('reportDrafts.saveActivity', {
      ...SAVE,
      approvalMeetingId: ag.id,
      approvalResolutionId: state.resolutions[0]!.id,
      approvalDecisionId: withDecision.decisions[0]!.id,
    });
    expect(otherResolution.ok ? null : otherResolution.error.fields).toEqual({
      approvalResolutionId: 'Cette résolution n’a pas été soumise à la réunion choisie.',
      approvalDecisionId: 'Cette décision n’a pas été prise à la réunion choisie.',
    });
    const noMeeting = await call('reportDrafts.saveActivity', { ...SAVE, approvalDecisionId: 12 });
    expect(noMeeting.ok ? null : noMeeting.error.fields).toEqual({
      approvalDecisionId: 'Choisissez d’abord la réunion qui a approuvé le rapport.',
    });
    const badYear = await call('reportDrafts.saveActivity', { ...SAVE, year: 1990 });
    expect(badYear.ok ? null : badYear.error.fields?.year).toBe('Année invalide.');
    expect(await database.db.selectFrom('report_draft').select('id').execute()).toEqual([]);

    // The same decision at its own meeting is accepted.
    const accepted = await ok('reportDrafts.saveActivity', {
      ...SAVE,
      approvalMeetingId: other.id,
      approvalDecisionId: withDecision.decisions[0]!.id,
    });
    expect(accepted.approvalDecisionId).toBe(withDecision.decisions[0]!.id);
  });

  it('saves a section’s texts and whether it is printed; only mission sections have difficulties', async () => {
    const { ok, call, database } = await backend();
    const first = await ok('reportDrafts.saveSection', {
      year: 2023,
      key: 'mission_acces',
      included: true,
      body: 'Le service d’accès aux soins a ouvert en mars.',
      difficulties: 'Peu de médecins volontaires pour la régulation.',
      nextSteps: 'Étendre les plages le samedi matin.',
    });
    expect(first.id).not.toBeNull();
    const afterLeavingOut = await ok('reportDrafts.saveSection', {
      year: 2023,
      key: 'finances',
      included: false,
      body: null,
      difficulties: null,
      nextSteps: null,
    });
    const byKey = Object.fromEntries(afterLeavingOut.sections.map((section) => [section.key, section]));
    expect(byKey.mission_acces).toMatchObject({
      included: true,
      body: 'Le service d’accès aux soins a ouvert en mars.',
      difficulties: 'Peu de médecins volontaires pour la régulation.',
      nextSteps: 'Étendre les plages le samedi matin.',
    });
    expect(byKey.finances?.included).toBe(false);
    expect(byKey.synthese?.included).toBe(true);

    const refused = await call('reportDrafts.saveSection', {
      year: 2023,
      key: 'synthese',
      included: true,
      body: 'Texte',
      difficulties: 'Une difficulté',
      nextSteps: null,
    });
    expect(refused.ok ? null : refused.error.fields).toEqual({
      difficulties: 'Seules les parties consacrées à une mission ont des difficultés et des prochaines étapes.',
    });
    const unknown = await call('reportDrafts.saveSection', {
      year: 2023,
      key: 'annexes' as 'synthese',
      included: true,
      body: null,
      difficulties: null,
      nextSteps: null,
    });
    expect(unknown.ok ? null : unknown.error.fields?.key).toBe('Choisissez la partie du rapport.');
    const rows = await database.db.selectFrom('report_draft_section').select('section_key').execute();
    expect(rows.map((row) => row.section_key).sort()).toEqual(['finances', 'mission_acces']);
  });

  it('keeps highlights in order, moves them up and down, edits and deletes them', async () => {
    const { ok, call } = await backend();
    const add = (title: string, happenedOn: string | null = null) =>
      ok('reportDrafts.saveHighlight', { year: 2023, title, body: null, happenedOn });
    await add('Ouverture du SAS', '2023-03-01');
    await add('Première RCP gériatrique');
    const three = await add('Signature du CLS', '2023-11-20');
    const ids = three.highlights.map((highlight) => highlight.id);
    expect(three.highlights.map((highlight) => highlight.title)).toEqual([
      'Ouverture du SAS',
      'Première RCP gériatrique',
      'Signature du CLS',
    ]);
    const moved = await ok('reportDrafts.moveHighlight', { id: ids[2]!, direction: 'up' });
    expect(moved.highlights.map((highlight) => highlight.id)).toEqual([ids[0], ids[2], ids[1]]);
    const top = await ok('reportDrafts.moveHighlight', { id: ids[0]!, direction: 'up' });
    expect(top.highlights.map((highlight) => highlight.id)).toEqual([ids[0], ids[2], ids[1]]);
    const down = await ok('reportDrafts.moveHighlight', { id: ids[0]!, direction: 'down' });
    expect(down.highlights.map((highlight) => highlight.id)).toEqual([ids[2], ids[0], ids[1]]);

    const edited = await ok('reportDrafts.saveHighlight', {
      year: 2023,
      id: ids[1]!,
      title: 'Première RCP de gériatrie',
      body: 'Douze professionnels autour de six situations.',
      happenedOn: '2023-05-12',
    });
    expect(edited.highlights.find((highlight) => highlight.id === ids[1])).toEqual({
      id: ids[1],
      title: 'Première RCP de gériatrie',
      body: 'Douze professionnels autour de six situations.',
      happenedOn: '2023-05-12',
    });
    const otherYear = await call('reportDrafts.saveHighlight', { year: 2024, id: ids[1]!, title: 'x', body: null });
    expect(otherYear.ok ? null : otherYear.error.message).toBe('Ce fait marquant n’existe plus.');
    const noTitle = await call('reportDrafts.saveHighlight', { year: 2023, title: '  ', body: null });
    expect(noTitle.ok ? null : noTitle.error.fields?.title).toBe('Indiquez le titre du fait marquant.');

    const after = await ok('reportDrafts.deleteHighlight', { id: ids[2]! });
    expect(after.highlights.map((highlight) => highlight.id)).toEqual([ids[0], ids[1]]);
    const gone = await call('reportDrafts.deleteHighlight', { id: ids[2]! });
    expect(gone.ok ? null : gone.error.message).toBe('Ce fait marquant n’existe plus.');
  });

  it('adds a photo to a section, captions it, changes its section, and deleting it removes its file', async () => {
    const { ok, call, picked, dir, documentsDir, database } = await backend();
    await ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    expect(await ok('reportDrafts.addPhoto', { year: 2023, sectionKey: 'mission_acces' })).toEqual({
      cancelled: true,
    });
    expect(await database.db.selectFrom('report_draft').select('id').execute()).toEqual([]);

    picked.path = writePng(join(dir, 'SAS - inauguration.png'), 80, 60);
    const added = await ok('reportDrafts.addPhoto', { year: 2023, sectionKey: 'mission_acces' });
    if ('cancelled' in added) throw new Error('annulé');
    expect(added.photos).toMatchObject([
      { fileName: 'SAS - inauguration.png', sectionKey: 'mission_acces', caption: null },
    ]);
    expect(storedFiles(documentsDir)).toHaveLength(1);

    const photoId = added.photos[0]!.id;
    const captioned = await ok('reportDrafts.updatePhoto', {
      id: photoId,
      caption: 'Inauguration du SAS, mars 2023',
      sectionKey: 'synthese',
    });
    expect(captioned.photos[0]).toMatchObject({ caption: 'Inauguration du SAS, mars 2023', sectionKey: 'synthese' });

    picked.path = join(dir, 'notes.txt');
    writeFileSync(picked.path, 'pas une image');
    const refused = await call('reportDrafts.addPhoto', { year: 2023, sectionKey: 'synthese' });
    expect(refused.ok ? null : refused.error.message).toBe('« notes.txt » n’est pas une image PNG ou JPEG.');
    expect(storedFiles(documentsDir)).toHaveLength(1);

    const removed = await ok('reportDrafts.deletePhoto', { id: photoId });
    expect(removed.photos).toEqual([]);
    expect(storedFiles(documentsDir)).toEqual([]);
    expect(await database.db.selectFrom('document').select('id').execute()).toEqual([]);
  });
});
