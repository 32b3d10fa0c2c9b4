import { describe, it, expect, afterEach } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { computeAutoMeasure } from '../../electron/services/indicators/auto-measures';
import { testBackend } from '../helpers/handlers';
import { type Backend, insertProtocol, protocolSnapshot, seedTeamMembers } from '../helpers/protocol-team';

const backends: Backend[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

/**
 * The test clock says 23 November 2026. The cystitis protocol (national cooperation) is in force since 20 March 2024
 * with a médecin délégant and two pharmacien délégués (one from 1 January 2025); the falls protocol
 * (pluriprofessional) since 1 January 2024.
 */
async function seeded() {
  const b = await testBackend();
  backends.push(b);
  const members = await seedTeamMembers(b);
  const cystite = await insertProtocol(b, 'Cystite simple', 'coop_nationale', undefined, 'PNC-CYS');
  const chute = await insertProtocol(
    b,
    'Prévention des chutes',
    'pluripro',
    [{ status: 'en_vigueur', inForceOn: '2024-01-01' }],
    'PP-CHUTE',
  );
  const add = (memberId: number, role: 'delegant' | 'delegue', joinedOn: string) =>
    b.ok('protocolTeam.add', { protocolId: cystite.id, memberId, role, joinedOn });
  await add(members.doctor, 'delegant', '2024-03-01');
  await add(members.pharmacist, 'delegue', '2024-03-01');
  await add(members.pharmacist2, 'delegue', '2025-01-01');
  return { b, ...members, cystite: cystite.id, chute: chute.id };
}

type UseInput = ChannelInput<'protocolUses.log'>;
const base = {
  ageBand: '26_45',
  sex: 'F',
  hasMt: true,
  outcome: 'pris_en_charge',
  adverseEvent: false,
} as const satisfies Partial<UseInput>;

async function refused(b: Backend, input: UseInput) {
  const before = await protocolSnapshot(b);
  const result = await b.call('protocolUses.log', input);
  expect(await protocolSnapshot(b)).toEqual(before);
  if (result.ok) throw new Error('refus attendu');
  return result.error;
}

describe('journal des utilisations', () => {
  it('note une utilisation anonyme et la relit dans l’année', async () => {
    const { b, doctor, pharmacist, cystite } = await seeded();
    const use = await b.ok('protocolUses.log', {
      ...base,
      protocolId: cystite,
      usedOn: '2025-05-05',
      professionalMemberId: pharmacist,
      delegantMemberId: doctor,
      ageBand: '66_75',
      outcome: 'reoriente_delegant',
      adverseEvent: true,
      adverseEventText: 'Éruption cutanée après la première prise',
      note: 'Patiente revue à J3, évolution favorable.',
    });
    expect(use).toMatchObject({
      usedOn: '2025-05-05',
      professionalName: 'PETIT Lucie',
      delegantName: 'DURAND Thomas',
      ageBandLabel: '66 à 75 ans',
      sexLabel: 'Femme',
      hasMt: true,
      outcomeLabel: 'Réorienté vers le délégant',
      adverseEvent: true,
      adverseEventText: 'Éruption cutanée après la première prise',
    });
    await b.ok('protocolUses.log', {
      ...base,
      protocolId: cystite,
      usedOn: '2026-02-01',
      professionalMemberId: pharmacist,
    });
    expect((await b.ok('protocolUses.list', { protocolId: cystite, year: 2025 })).map((row) => row.id)).toEqual([
      use.id,
    ]);
    expect(await b.ok('protocolUses.delete', { id: use.id })).toEqual({ deleted: true });
    expect(await b.ok('protocolUses.list', { protocolId: cystite, year: 2025 })).toEqual([]);
    // Nothing of the patient but an age band, a sex and the médecin traitant flag is stored.
    const columns = Object.keys(
      await b.database.db.selectFrom('protocol_use').selectAll().executeTakeFirstOrThrow(),
    ).sort();
    expect(columns).toEqual(
      [
        'adverse_event',
        'adverse_event_text',
        'age_band',
        'created_at',
        'delegant_member_id',
        'has_mt',
        'id',
        'note',
        'outcome',
        'professional_member_id',
        'protocol_id',
        'sex',
        'used_on',
      ].sort(),
    );
  });

  it('refuse une note qui identifie le patient, sans rien écrire', async () => {
    const { b, pharmacist, cystite } = await seeded();
    const error = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2025-05-05',
      professionalMemberId: pharmacist,
      note: 'Mme Dupont née le 12/03/1950',
    });
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['note']);
    expect(error.fields?.note).toMatch(
      /^Le texte « Note » contient un nom précédé d'une civilité \(« Mme Dupont »\) et une date de naissance \(« née le 12\/03\/1950 »\) : le journal des utilisations d’un protocole est anonyme, /,
    );
    expect(error.fields?.note).not.toContain('RCP');
    expect(error.message).toContain(error.fields!.note!);
    const phone = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2025-05-05',
      professionalMemberId: pharmacist,
      adverseEvent: true,
      adverseEventText: 'Rappeler la patiente au 06 12 34 56 78',
    });
    expect(Object.keys(phone.fields ?? {})).toEqual(['adverseEventText']);
    expect(phone.fields?.adverseEventText).toMatch(
      /^Le texte « Événement indésirable » contient un numéro de téléphone \(« 06 12 34 56 78 »\) : le journal des utilisations d’un protocole est anonyme/,
    );
  });

  it('demande le texte d’un événement indésirable', async () => {
    const { b, pharmacist, cystite } = await seeded();
    const error = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2025-05-05',
      professionalMemberId: pharmacist,
      adverseEvent: true,
    });
    expect(error.fields?.adverseEventText).toBe('Décrivez l’événement indésirable (sans identifier le patient).');
  });

  it('n’accepte qu’un jour où une version était en vigueur, jamais un jour à venir', async () => {
    const { b, pharmacist } = await seeded();
    // v1 in force 1 Jan 2023 → 1 Jun 2024 (superseded), v2 1 Jun 2024 → 1 Jan 2025 (suspended), v3 since 1 Mar 2025;
    // an archived version without a known end and a draft do not count.
    const protocol = await insertProtocol(b, 'Parcours insuffisance cardiaque', 'parcours', [
      { status: 'remplace', inForceOn: '2023-01-01', endedOn: '2024-06-01' },
      { status: 'suspendu', inForceOn: '2024-06-01', endedOn: '2025-01-01' },
      { status: 'en_vigueur', inForceOn: '2025-03-01' },
      { status: 'archive', inForceOn: '2019-01-01' },
      { status: 'brouillon' },
    ]);
    const log = (usedOn: string) =>
      b.call('protocolUses.log', { ...base, protocolId: protocol.id, usedOn, professionalMemberId: pharmacist });
    for (const day of ['2023-01-01', '2024-05-31', '2024-06-01', '2024-12-31', '2025-03-01', '2026-11-23'])
      expect((await log(day)).ok, day).toBe(true);
    for (const day of ['2019-06-01', '2022-12-31', '2025-01-01', '2025-02-28']) {
      const error = await refused(b, {
        ...base,
        protocolId: protocol.id,
        usedOn: day,
        professionalMemberId: pharmacist,
      });
      expect(error.fields?.usedOn, day).toMatch(/^Le protocole n’était pas en vigueur le /);
    }
    const error = await refused(b, {
      ...base,
      protocolId: protocol.id,
      usedOn: '2025-02-01',
      professionalMemberId: pharmacist,
    });
    expect(error.fields?.usedOn).toBe(
      'Le protocole n’était pas en vigueur le 1er février 2025 : il l’a été du 1er janvier 2023 au 1er juin 2024 exclu (version 1), du 1er juin 2024 au 1er janvier 2025 exclu (version 2), depuis le 1er mars 2025 (version 3).',
    );
    const future = await refused(b, {
      ...base,
      protocolId: protocol.id,
      usedOn: '2026-11-24',
      professionalMemberId: pharmacist,
    });
    expect(future.fields?.usedOn).toBe('Une utilisation se note une fois faite : le 24 novembre 2026 est à venir.');

    const draft = await insertProtocol(b, 'Protocole en préparation', 'pluripro', [{ status: 'brouillon' }]);
    const never = await refused(b, {
      ...base,
      protocolId: draft.id,
      usedOn: '2025-02-01',
      professionalMemberId: pharmacist,
    });
    expect(never.fields?.usedOn).toBe(
      'Ce protocole n’a encore jamais été en vigueur : aucune utilisation ne peut être enregistrée.',
    );
  });

  it('un protocole de coopération s’applique par un délégué de l’équipe ce jour-là, sous un délégant', async () => {
    const { b, doctor, doctor2, pharmacist, pharmacist2, cystite, chute } = await seeded();
    const beforeJoining = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2024-12-31',
      professionalMemberId: pharmacist2,
    });
    expect(beforeJoining.fields?.professionalMemberId).toBe(
      'MOREAU Hugo n’était pas délégué de ce protocole le 31 décembre 2024 : seul un délégué de l’équipe peut l’appliquer.',
    );
    const delegantApplying = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2025-03-01',
      professionalMemberId: doctor,
    });
    expect(delegantApplying.fields?.professionalMemberId).toBe(
      'DURAND Thomas n’était pas délégué de ce protocole le 1er mars 2025 : seul un délégué de l’équipe peut l’appliquer.',
    );
    const notDelegant = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2025-03-01',
      professionalMemberId: pharmacist,
      delegantMemberId: doctor2,
    });
    expect(notDelegant.fields?.delegantMemberId).toBe(
      'MARTIN Claire n’était pas délégant de ce protocole le 1er mars 2025 : choisissez un délégant de l’équipe.',
    );
    // After the délégué left the team, the day of departure is no longer covered.
    const [row] = (await b.ok('protocolTeam.list', { protocolId: cystite })).filter(
      (member) => member.memberId === pharmacist,
    );
    await b.ok('protocolTeam.leave', { id: row!.id, leftOn: '2026-01-01' });
    expect(
      (
        await b.call('protocolUses.log', {
          ...base,
          protocolId: cystite,
          usedOn: '2025-12-31',
          professionalMemberId: pharmacist,
        })
      ).ok,
    ).toBe(true);
    const afterLeaving = await refused(b, {
      ...base,
      protocolId: cystite,
      usedOn: '2026-01-01',
      professionalMemberId: pharmacist,
    });
    expect(afterLeaving.fields?.professionalMemberId).toMatch(/^PETIT Lucie n’était pas délégué/);

    const delegantOutsideCooperation = await refused(b, {
      ...base,
      protocolId: chute,
      usedOn: '2025-03-01',
      professionalMemberId: pharmacist,
      delegantMemberId: doctor,
    });
    expect(delegantOutsideCooperation.fields?.delegantMemberId).toBe(
      'Un délégant n’intervient que dans un protocole de coopération.',
    );
    const unknown = await refused(b, { ...base, protocolId: chute, usedOn: '2025-03-01', professionalMemberId: 9999 });
    expect(unknown.fields?.professionalMemberId).toBe('Cet adhérent n’existe plus.');
  });
});

describe('statistiques annuelles', () => {
  /** A hand-built year 2025 (and a use on each side of it). */
  async function year2025() {
    const s = await seeded();
    const { b, doctor, pharmacist, pharmacist2, nurse, cystite, chute } = s;
    const uses: UseInput[] = [
      { ...base, protocolId: cystite, usedOn: '2024-12-31', professionalMemberId: pharmacist },
      {
        ...base,
        protocolId: cystite,
        usedOn: '2025-01-10',
        professionalMemberId: pharmacist,
        delegantMemberId: doctor,
      },
      {
        ...base,
        protocolId: cystite,
        usedOn: '2025-02-11',
        professionalMemberId: pharmacist,
        delegantMemberId: doctor,
        ageBand: '16_25',
        hasMt: false,
        outcome: 'reoriente_delegant',
      },
      {
        ...base,
        protocolId: cystite,
        usedOn: '2025-05-05',
        professionalMemberId: pharmacist2,
        ageBand: '46_65',
        adverseEvent: true,
        adverseEventText: 'Nausées',
      },
      {
        ...base,
        protocolId: cystite,
        usedOn: '2025-07-14',
        professionalMemberId: pharmacist2,
        delegantMemberId: doctor,
        ageBand: '66_75',
        sex: 'M',
        outcome: 'oriente_urgences',
      },
      { ...base, protocolId: cystite, usedOn: '2025-12-31', professionalMemberId: pharmacist, sex: 'X' },
      { ...base, protocolId: cystite, usedOn: '2026-01-01', professionalMemberId: pharmacist },
      { ...base, protocolId: chute, usedOn: '2025-03-03', professionalMemberId: nurse, ageBand: 'plus_75' },
      {
        ...base,
        protocolId: chute,
        usedOn: '2025-04-04',
        professionalMemberId: pharmacist,
        ageBand: 'moins_16',
        sex: 'M',
        hasMt: false,
      },
    ];
    for (const use of uses) await b.ok('protocolUses.log', use);
    // In force during 2025 without any use: listed with zeros. Ended in 2024, or never in force: not listed.
    const etp = await insertProtocol(
      b,
      'Éducation thérapeutique',
      'pluripro',
      [{ status: 'en_vigueur', inForceOn: '2025-06-01' }],
      'PP-ETP',
    );
    await insertProtocol(b, 'Ancien protocole', 'coop_locale', [
      { status: 'remplace', inForceOn: '2023-01-01', endedOn: '2024-01-01' },
    ]);
    await insertProtocol(b, 'Brouillon', 'pluripro', [{ status: 'brouillon' }]);
    return { ...s, etp: etp.id };
  }

  const zeroBands = { moins_16: 0, '16_25': 0, '26_45': 0, '46_65': 0, '66_75': 0, plus_75: 0 };

  it('compte par protocole et au total, un professionnel actif une seule fois', async () => {
    const { b, cystite, chute, etp } = await year2025();
    const stats = await b.ok('protocolUses.stats', { year: 2025 });
    expect(stats.year).toBe(2025);
    expect(stats.protocols.map((row) => row.protocolId)).toEqual([cystite, chute, etp]);
    expect(stats.protocols[0]).toEqual({
      protocolId: cystite,
      code: 'PNC-CYS',
      title: 'Cystite simple',
      family: 'coop_nationale',
      reportSentOn: null,
      uses: 5,
      prisEnCharge: 3,
      reorientations: 1,
      urgences: 1,
      adverseEvents: 1,
      activeProfessionals: 2,
      byAgeBand: { ...zeroBands, '26_45': 2, '16_25': 1, '46_65': 1, '66_75': 1 },
      bySex: { F: 3, M: 1, X: 1 },
      withMt: 4,
    });
    expect(stats.protocols[1]).toMatchObject({
      uses: 2,
      prisEnCharge: 2,
      reorientations: 0,
      urgences: 0,
      adverseEvents: 0,
      activeProfessionals: 2,
      byAgeBand: { ...zeroBands, plus_75: 1, moins_16: 1 },
      bySex: { F: 1, M: 1, X: 0 },
      withMt: 1,
    });
    expect(stats.protocols[2]).toMatchObject({ code: 'PP-ETP', uses: 0, activeProfessionals: 0, withMt: 0 });
    expect(stats.totals).toEqual({
      uses: 7,
      prisEnCharge: 5,
      reorientations: 1,
      urgences: 1,
      adverseEvents: 1,
      // The pharmacist applied both protocols: three professionals, not four.
      activeProfessionals: 3,
      byAgeBand: { moins_16: 1, '16_25': 1, '26_45': 2, '46_65': 1, '66_75': 1, plus_75: 1 },
      bySex: { F: 4, M: 2, X: 1 },
      withMt: 5,
    });

    const one = await b.ok('protocolUses.stats', { year: 2025, protocolId: cystite });
    expect(one.protocols).toHaveLength(1);
    expect(one.totals).toEqual({
      ...stats.protocols[0],
      protocolId: undefined,
      code: undefined,
      title: undefined,
      family: undefined,
      reportSentOn: undefined,
    });
    expect((await b.ok('protocolUses.stats', { year: 2024, protocolId: cystite })).totals.uses).toBe(1);
    expect((await b.ok('protocolUses.stats', { year: 2026 })).totals.uses).toBe(1);
  });

  it('note l’envoi du suivi annuel à l’ARS d’un protocole de coopération', async () => {
    const { b, cystite, chute } = await year2025();
    const sent = await b.ok('protocolUses.markReportSent', { protocolId: cystite, year: 2025, sentOn: '2026-02-15' });
    expect(sent).toEqual({ protocolId: cystite, year: 2025, sentOn: '2026-02-15', note: null });
    await b.ok('protocolUses.markReportSent', {
      protocolId: cystite,
      year: 2025,
      sentOn: '2026-03-01',
      note: 'Renvoyé',
    });
    const stats = await b.ok('protocolUses.stats', { year: 2025 });
    expect(stats.protocols.map((row) => row.reportSentOn)).toEqual(['2026-03-01', null, null]);
    expect(await b.database.db.selectFrom('protocol_yearly_report').selectAll().execute()).toHaveLength(1);

    const before = await protocolSnapshot(b);
    const pluripro = await b.call('protocolUses.markReportSent', {
      protocolId: chute,
      year: 2025,
      sentOn: '2026-02-15',
    });
    const future = await b.call('protocolUses.markReportSent', {
      protocolId: cystite,
      year: 2026,
      sentOn: '2026-12-15',
    });
    const early = await b.call('protocolUses.markReportSent', {
      protocolId: cystite,
      year: 2026,
      sentOn: '2025-12-15',
    });
    expect(await protocolSnapshot(b)).toEqual(before);
    expect(pluripro.ok ? null : pluripro.error.fields?.protocolId).toBe(
      'Seul un protocole de coopération transmet un suivi annuel à l’ARS.',
    );
    expect(future.ok ? null : future.error.fields?.sentOn).toBe(
      'Le suivi se note une fois envoyé : le 15 décembre 2026 est à venir.',
    );
    expect(early.ok ? null : early.error.fields?.sentOn).toBe(
      'Le suivi de l’année 2026 ne peut pas avoir été envoyé avant cette année-là.',
    );
  });
});

describe('mesures automatiques des indicateurs', () => {
  it('compte les protocoles en vigueur, les utilisations et les professionnels qui les ont appliqués', async () => {
    const { b, pharmacist, pharmacist2, nurse, cystite, chute } = await seeded();
    const db = b.database.db;
    await insertProtocol(b, 'Ancien protocole', 'coop_locale', [
      { status: 'remplace', inForceOn: '2023-01-01', endedOn: '2024-06-01' },
    ]);
    await insertProtocol(b, 'Suspendu', 'pluripro', [
      { status: 'suspendu', inForceOn: '2024-02-01', endedOn: '2025-01-01' },
    ]);
    await insertProtocol(b, 'Brouillon', 'pluripro', [{ status: 'brouillon' }]);
    const archived = await insertProtocol(b, 'Archivé', 'pluripro', [
      { status: 'en_vigueur', inForceOn: '2024-01-01' },
    ]);
    await db.updateTable('protocol').set({ archived_on: '2025-06-30' }).where('id', '=', archived.id).execute();
    for (const [protocolId, usedOn, professionalMemberId] of [
      [cystite, '2025-01-10', pharmacist],
      [cystite, '2025-04-14', pharmacist2],
      [cystite, '2025-04-15', pharmacist],
      [chute, '2025-05-01', pharmacist],
      [chute, '2026-04-14', nurse],
      [chute, '2026-04-15', nurse],
    ] as const)
      await b.ok('protocolUses.log', { ...base, protocolId, usedOn, professionalMemberId });

    const measure = (code: string, from: string, to: string) => computeAutoMeasure(db, code, null, from, to);
    // End of 2023: only the old one (the falls protocol starts on 1 January 2024).
    expect(await measure('protocoles_en_vigueur', '2023-01-01', '2023-12-31')).toBe(1);
    // 1 May 2024: old (until 1 June), suspended one (until 1 January 2025), falls, cystitis, archived → 5.
    expect(await measure('protocoles_en_vigueur', '2024-01-01', '2024-05-01')).toBe(5);
    // 1 June 2024: the old one has ended that day.
    expect(await measure('protocoles_en_vigueur', '2024-01-01', '2024-06-01')).toBe(4);
    // 30 June 2025: the archived one no longer counts; nor the suspended one.
    expect(await measure('protocoles_en_vigueur', '2025-01-01', '2025-06-30')).toBe(2);
    expect(await measure('protocoles_en_vigueur', '2025-01-01', '2025-06-29')).toBe(3);

    // A contract year from 15 April to 14 April.
    expect(await measure('utilisations_protocoles', '2025-04-15', '2026-04-14')).toBe(3);
    expect(await measure('professionnels_protocoles', '2025-04-15', '2026-04-14')).toBe(2);
    expect(await measure('utilisations_protocoles', '2024-04-15', '2025-04-14')).toBe(2);
    expect(await measure('professionnels_protocoles', '2024-04-15', '2025-04-14')).toBe(2);
    expect(await measure('professionnels_protocoles', '2025-04-15', '2025-12-31')).toBe(1);

    const catalogue = await b.ok('indicators.autoMeasures');
    expect(
      catalogue
        .filter((entry) => entry.code.includes('protocol'))
        .map((entry) => [entry.code, entry.label, entry.needs]),
    ).toEqual([
      ['protocoles_en_vigueur', 'Protocoles en vigueur', null],
      ['utilisations_protocoles', 'Utilisations des protocoles', null],
      ['professionnels_protocoles', 'Professionnels ayant appliqué un protocole', null],
    ]);
  });
});
