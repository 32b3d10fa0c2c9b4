import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AG_DATE, seedAssembly } from '../fixtures/ag-seed';
import { testBackend } from '../helpers/handlers';
import { personalData } from '../../electron/services/members';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const opened: Backend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.database.dispose();
});

/** The evening of the AG, saving files into the temporary folder. */
async function backend() {
  const saved: string[] = [];
  const b = await testBackend({
    now: () => new Date(`${AG_DATE}T18:40:00`),
    chooseSavePath: async (name) => (saved.push(join(b.database.dir, name)), saved.at(-1)!),
  });
  opened.push(b);
  return Object.assign(b, { saved });
}

describe('RGPD art. 15: the personal-data export of a member', () => {
  it('holds meetings attended, AG presence, pouvoirs given and held, officer roles, decisions owned and the journal about them', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const { Martin: martin, Bernard: bernard, Durand: durand, Petit: petit } = seed.members as Record<string, number>;

    // The AG: Martin presides, Bernard is secretary; Martin is present and holds Durand's pouvoir; Martin gives none.
    await b.ok('ag.setOfficers', {
      meetingId: seed.meetingId,
      presidentMemberId: martin!,
      secretaireMemberId: bernard!,
    });
    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: martin!, present: true });
    await b.ok('ag.saveProxy', { meetingId: seed.meetingId, mandantId: durand!, mandataireId: martin! });
    // A bureau Martin organised and attended, with a decision he owns and one owned by someone else.
    const bureau = await b.ok('meetings.create', {
      type: 'bureau',
      title: 'Bureau de mai',
      date: '2026-05-05',
      organiserMemberId: martin!,
    });
    await b.ok('meetings.saveParticipants', {
      meetingId: bureau.id,
      participants: [
        { memberId: martin!, attendance: 'present', minutesSpent: 90 },
        { memberId: petit!, attendance: 'excuse' },
      ],
    });
    await b.ok('decisions.save', {
      meetingId: bureau.id,
      text: 'Relancer la mairie pour les locaux',
      ownerMemberId: martin!,
      dueOn: '2026-06-01',
    });
    await b.ok('decisions.save', { meetingId: bureau.id, text: 'Préparer le budget', ownerMemberId: petit! });
    // An RCP where Martin is given an action on a case.
    const rcp = await b.ok('meetings.create', {
      type: 'rcp',
      title: 'RCP chutes',
      date: '2026-05-12',
      rcpKind: 'clinique',
    });
    const withParticipants = await b.ok('meetings.saveParticipants', {
      meetingId: rcp.id,
      participants: [
        { memberId: martin!, attendance: 'present' },
        { memberId: bernard!, attendance: 'present' },
      ],
    });
    const martinInRcp = withParticipants.participants.find((participant) => participant.memberId === martin)!;
    const withCase = await b.ok('rcp.saveCase', {
      meetingId: rcp.id,
      ageBand: '85+',
      over75: true,
      motifCode: 'chutes',
      summary: 'Chutes répétées à domicile.',
      decisions: [
        { action: 'Réévaluer le traitement antihypertenseur', ownerParticipantId: martinInRcp.id, dueOn: '2026-06-15' },
      ],
    });
    const caseCode = withCase.cases[0]!.code;

    const martinData = await personalData(b.database.db, martin!, '2026-06-18');
    expect(martinData.reunions).toEqual([
      { reunion: 'Bureau de mai', type: 'Bureau', date: '2026-05-05', presence: 'Présent·e', tempsMinutes: 90 },
      {
        reunion: 'RCP chutes',
        type: expect.stringContaining('RCP'),
        date: '2026-05-12',
        presence: 'Présent·e',
        tempsMinutes: null,
      },
    ]);
    expect(martinData.presencesAssemblees).toEqual([
      {
        reunion: 'Assemblée générale 2026',
        type: expect.any(String),
        date: AG_DATE,
        present: true,
        arrivee: expect.stringMatching(/^2026-06-18T/),
        depart: null,
      },
    ]);
    expect(martinData.pouvoirs).toEqual({
      donnes: [],
      detenus: [
        expect.objectContaining({ reunion: 'Assemblée générale 2026', mandant: 'DURAND Thomas', recuLe: null }),
      ],
    });
    expect(martinData.roles.map((role) => [role.reunion, role.role])).toEqual([
      ['Bureau de mai', 'organisateur'],
      ['Assemblée générale 2026', 'président de séance'],
    ]);
    expect(martinData.decisions).toEqual([
      {
        reunion: 'Bureau de mai',
        type: 'Bureau',
        date: '2026-05-05',
        decision: 'Relancer la mairie pour les locaux',
        echeance: '2026-06-01',
        statut: 'À faire',
        faiteLe: null,
      },
    ]);
    expect(martinData.decisionsRcp.actions).toEqual([
      {
        reunion: 'RCP chutes',
        type: expect.any(String),
        date: '2026-05-12',
        cas: caseCode,
        echeance: '2026-06-15',
        statut: 'À faire',
      },
    ]);
    // The action of an RCP case is about a patient: not in the member's export.
    expect(JSON.stringify(martinData)).not.toContain('antihypertenseur');
    // The pouvoir he holds is about him too.
    expect(martinData.historique.map((entry) => entry.libelle)).toEqual([
      'création de la fiche',
      'cotisation enregistrée',
      'pouvoir enregistré',
    ]);

    const durandData = await personalData(b.database.db, durand!, '2026-06-18');
    expect(durandData.pouvoirs).toEqual({
      donnes: [expect.objectContaining({ reunion: 'Assemblée générale 2026', mandataire: 'MARTIN Paul' })],
      detenus: [],
    });
    expect(durandData.historique.map((entry) => entry.libelle)).toEqual([
      'création de la fiche',
      'cotisation enregistrée',
      'pouvoir enregistré',
    ]);
    expect(durandData.presencesAssemblees).toEqual([]);
    expect(durandData.reunions).toEqual([]);

    const bernardData = await personalData(b.database.db, bernard!, '2026-06-18');
    expect(bernardData.roles.map((role) => role.role)).toEqual(['secrétaire de séance']);
    expect(bernardData.decisions).toEqual([]);
  });

  it('is saved through the channel as a JSON file holding the same sections', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok, { resolutions: false });
    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Petit!, present: true });
    const result = await b.ok('members.exportPersonalData', { id: seed.members.Petit! });
    expect(result.saved).toBe(true);
    const file = JSON.parse(readFileSync(b.saved.at(-1)!, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(
      expect.arrayContaining([
        'member',
        'cotisations',
        'mandats',
        'reunions',
        'presencesAssemblees',
        'pouvoirs',
        'roles',
        'decisions',
        'decisionsRcp',
        'historique',
      ]),
    );
    expect(file['presencesAssemblees']).toEqual([
      expect.objectContaining({ reunion: 'Assemblée générale 2026', present: true }),
    ]);
  });
  it('holds the fiches actions a member pilots or is référent of, and the crisis plan steps they led', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const { Martin: martin, Bernard: bernard } = seed.members as Record<string, number>;
    await b.ok('fiches.create', {
      code: 'FA-03',
      title: 'Accès à un médecin traitant',
      pilotMemberId: martin,
      referents: [{ memberId: bernard!, role: 'référente infirmière' }],
    });
    await b.ok('fiches.create', { code: 'FA-07', title: 'Prévention des chutes', referents: [{ memberId: martin! }] });
    await b.ok('crisisPlan.saveEvent', { kind: 'redaction', occurredOn: '2026-01-15', referentMemberId: martin });

    const martinData = await personalData(b.database.db, martin!, AG_DATE);
    expect(martinData.projetDeSante.fichesActions).toEqual([
      { code: 'FA-03', fiche: 'Accès à un médecin traitant', role: 'pilote' },
      { code: 'FA-07', fiche: 'Prévention des chutes', role: 'référent' },
    ]);
    expect(martinData.projetDeSante.planDeCrise).toEqual([
      { etape: expect.stringMatching(/rédaction/i), date: '2026-01-15', role: 'référent' },
    ]);
    const bernardData = await personalData(b.database.db, bernard!, AG_DATE);
    expect(bernardData.projetDeSante.fichesActions).toEqual([
      { code: 'FA-03', fiche: 'Accès à un médecin traitant', role: 'référente infirmière' },
    ]);
    expect(bernardData.projetDeSante.planDeCrise).toEqual([]);
  });
});
