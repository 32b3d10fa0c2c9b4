import { describe, it, expect, afterEach } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { personalData } from '../../electron/services/members';
import { testBackend } from '../helpers/handlers';
import { type Backend, insertProtocol, protocolSnapshot, rppsOf, seedTeamMembers } from '../helpers/protocol-team';

const backends: Backend[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

/** A national cooperation protocol in force since 20 March 2024, a pluriprofessional one, and the members. */
async function seeded() {
  const b = await testBackend();
  backends.push(b);
  const members = await seedTeamMembers(b);
  const cystite = await insertProtocol(b, 'Pollakiurie et brûlures mictionnelles', 'coop_nationale');
  const chute = await insertProtocol(b, 'Prévention des chutes', 'pluripro');
  const rhinite = await insertProtocol(b, 'Rhinite allergique saisonnière', 'coop_locale');
  return { b, ...members, cystite: cystite.id, chute: chute.id, rhinite: rhinite.id };
}

/** Calls a channel that must refuse: returns the error, and checks nothing was written. */
async function refused<C extends Parameters<Backend['call']>[0]>(b: Backend, channel: C, input: ChannelInput<C>) {
  const before = await protocolSnapshot(b);
  const result = await b.call(channel, input);
  expect(result.ok).toBe(false);
  expect(await protocolSnapshot(b)).toEqual(before);
  if (result.ok) throw new Error('refus attendu');
  return result.error;
}

describe('équipe d’un protocole', () => {
  it('ajoute rédacteur, délégant et délégué, et les liste avec leur profession, leur RPPS et leur état', async () => {
    const { b, doctor, pharmacist, nurse, cystite } = await seeded();
    const delegant = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: doctor,
      role: 'delegant',
      joinedOn: '2024-03-01',
      adhesionSignedOn: '2024-03-01',
    });
    expect(delegant).toMatchObject({
      memberName: 'DURAND Thomas',
      professionLabel: 'Médecin',
      rpps: rppsOf(1),
      role: 'delegant',
      roleLabel: 'Délégant',
      active: true,
      warnings: [],
    });
    const delegue = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-01',
    });
    expect(delegue.warnings).toEqual(['Adhésion au protocole non signée.']);
    await b.ok('protocolTeam.add', { protocolId: cystite, memberId: nurse, role: 'redacteur', joinedOn: '2023-10-01' });
    await b.ok('protocolTeam.leave', { id: delegue.id, leftOn: '2025-01-15' });

    const team = await b.ok('protocolTeam.list', { protocolId: cystite });
    expect(team.map((row) => [row.memberName, row.role, row.active])).toEqual([
      ['DURAND Thomas', 'delegant', true],
      ['BERNARD Éloïse', 'redacteur', true],
      ['PETIT Lucie', 'delegue', false],
    ]);
    expect(team[2]!.leftOn).toBe('2025-01-15');
  });

  it('refuse un délégué sans numéro RPPS valide, sans rien écrire', async () => {
    const { b, nurse, cystite, rhinite } = await seeded();
    const error = await refused(b, 'protocolTeam.add', {
      protocolId: cystite,
      memberId: nurse,
      role: 'delegue',
      joinedOn: '2024-03-01',
    });
    expect(error.message).toContain('Un délégué doit avoir un numéro RPPS valide : complétez la fiche de l’adhérent.');
    expect(error.fields).toEqual({
      memberId: 'Un délégué doit avoir un numéro RPPS valide : complétez la fiche de l’adhérent.',
    });
    // A number damaged in the record since (the form refuses it; an old import may hold one) is refused as well.
    await b.database.db.updateTable('member').set({ rpps: '10003198513' }).where('id', '=', nurse).execute();
    const damaged = await refused(b, 'protocolTeam.add', {
      protocolId: rhinite,
      memberId: nurse,
      role: 'delegant',
      joinedOn: '2024-03-01',
    });
    expect(damaged.fields?.memberId).toBe(
      'Un délégant doit avoir un numéro RPPS valide : complétez la fiche de l’adhérent.',
    );
  });

  it('un protocole national a des médecins pour délégants ; un protocole local peut en avoir d’autres', async () => {
    const { b, pharmacist, pharmacist2, cystite, rhinite } = await seeded();
    const error = await refused(b, 'protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegant',
      joinedOn: '2024-03-01',
    });
    expect(error.fields?.memberId).toBe(
      'Le délégant d’un protocole de coopération national est un médecin : PETIT Lucie est pharmacien.',
    );
    const local = await b.ok('protocolTeam.add', {
      protocolId: rhinite,
      memberId: pharmacist2,
      role: 'delegant',
      joinedOn: '2025-03-01',
    });
    expect(local.role).toBe('delegant');
  });

  it('refuse délégant et délégué dans un protocole qui n’est pas de coopération', async () => {
    const { b, doctor, chute } = await seeded();
    const error = await refused(b, 'protocolTeam.add', {
      protocolId: chute,
      memberId: doctor,
      role: 'delegant',
      joinedOn: '2024-03-01',
    });
    expect(error.fields?.role).toBe(
      'Les rôles de délégant et de délégué n’existent que dans un protocole de coopération : choisissez rédacteur, utilisateur ou référent.',
    );
    expect(
      (
        await b.ok('protocolTeam.add', {
          protocolId: chute,
          memberId: doctor,
          role: 'referent',
          joinedOn: '2024-03-01',
        })
      ).role,
    ).toBe('referent');
  });

  it('refuse un adhérent inconnu, ou sorti de la CPTS le jour de son entrée dans l’équipe', async () => {
    const { b, formerDoctor, chute } = await seeded();
    const unknown = await refused(b, 'protocolTeam.add', {
      protocolId: chute,
      memberId: 9999,
      role: 'utilisateur',
      joinedOn: '2024-03-01',
    });
    expect(unknown.code).toBe('not_found');
    expect(unknown.fields?.memberId).toBe('Adhérent introuvable.');
    const left = await refused(b, 'protocolTeam.add', {
      protocolId: chute,
      memberId: formerDoctor,
      role: 'utilisateur',
      joinedOn: '2025-06-01',
    });
    expect(left.fields?.joinedOn).toBe(
      'ROUX Paul a quitté la CPTS le 1er juin 2025 : il ne peut pas rejoindre l’équipe le 1er juin 2025.',
    );
    // Before leaving the CPTS, he could; the row then warns that he has left it.
    const before = await b.ok('protocolTeam.add', {
      protocolId: chute,
      memberId: formerDoctor,
      role: 'utilisateur',
      joinedOn: '2024-01-10',
    });
    expect(before.warnings).toEqual(['A quitté la CPTS le 1er juin 2025 : indiquez sa sortie de l’équipe.']);
    const missingProtocol = await refused(b, 'protocolTeam.add', {
      protocolId: 9999,
      memberId: formerDoctor,
      role: 'utilisateur',
      joinedOn: '2024-01-10',
    });
    expect(missingProtocol.message).toBe('Ce protocole n’existe plus.');
  });

  it('refuse une sortie avant l’entrée, et le même adhérent deux fois dans le même rôle', async () => {
    const { b, pharmacist, cystite } = await seeded();
    const row = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-01',
    });
    const early = await refused(b, 'protocolTeam.leave', { id: row.id, leftOn: '2024-02-28' });
    expect(early.fields?.leftOn).toBe('La sortie de l’équipe ne peut pas précéder l’entrée (le 1er mars 2024).');
    const updated = await refused(b, 'protocolTeam.update', {
      id: row.id,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-01',
      leftOn: '2023-12-31',
    });
    expect(updated.fields?.leftOn).toBe('La sortie de l’équipe ne peut pas précéder l’entrée (le 1er mars 2024).');

    const twice = await refused(b, 'protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2025-05-01',
    });
    expect(twice.code).toBe('conflict');
    expect(twice.fields?.role).toBe('PETIT Lucie est déjà délégué de ce protocole depuis le 1er mars 2024.');

    // Once she has left, she may come back; another role was always possible.
    await b.ok('protocolTeam.leave', { id: row.id, leftOn: '2025-01-01' });
    await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2025-05-01',
    });
    await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'redacteur',
      joinedOn: '2024-01-01',
    });
    // A return dated inside her first period overlaps it.
    const overlap = await refused(b, 'protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-06-01',
    });
    expect(overlap.fields?.role).toBe('PETIT Lucie est déjà délégué de ce protocole depuis le 1er mars 2024.');
    const again = await refused(b, 'protocolTeam.leave', { id: row.id, leftOn: '2025-02-01' });
    expect(again.fields?.leftOn).toBe('Ce membre a déjà quitté l’équipe le 1er janvier 2025.');
  });

  it('corrige une entrée, et ne retire pas un membre sous lequel des utilisations sont notées', async () => {
    const { b, doctor, pharmacist, cystite } = await seeded();
    await b.ok('protocolTeam.add', { protocolId: cystite, memberId: doctor, role: 'delegant', joinedOn: '2024-03-01' });
    const delegue = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-04-01',
    });
    const corrected = await b.ok('protocolTeam.update', {
      id: delegue.id,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-15',
      adhesionSignedOn: '2024-03-15',
    });
    expect(corrected).toMatchObject({ joinedOn: '2024-03-15', adhesionSignedOn: '2024-03-15', warnings: [] });

    await b.ok('protocolUses.log', {
      protocolId: cystite,
      usedOn: '2025-02-10',
      professionalMemberId: pharmacist,
      delegantMemberId: doctor,
      ageBand: '26_45',
      sex: 'F',
      hasMt: true,
      outcome: 'pris_en_charge',
      adverseEvent: false,
    });
    const removal = await refused(b, 'protocolTeam.remove', { id: delegue.id });
    expect(removal.message).toBe(
      'Des utilisations du protocole sont enregistrées à son nom : indiquez sa date de sortie de l’équipe plutôt que de le retirer. Rien n’a été enregistré.',
    );
    const leaveBefore = await refused(b, 'protocolTeam.leave', { id: delegue.id, leftOn: '2025-01-01' });
    expect(leaveBefore.fields?.leftOn).toBe(
      '1 utilisation du protocole est enregistrée à son nom jusqu’au 10 février 2025 : la sortie de l’équipe ne peut pas les précéder.',
    );
    await b.ok('protocolTeam.leave', { id: delegue.id, leftOn: '2025-02-11' });

    const writer = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'redacteur',
      joinedOn: '2023-09-01',
    });
    expect(await b.ok('protocolTeam.remove', { id: writer.id })).toEqual({ deleted: true });
    expect((await b.ok('protocolTeam.list', { protocolId: cystite })).map((row) => row.role)).toEqual([
      'delegant',
      'delegue',
    ]);
  });
});

describe('déclaration de l’équipe à l’ARS', () => {
  async function declaredTeam() {
    const s = await seeded();
    const { b, doctor, pharmacist, cystite } = s;
    await b.ok('protocolTeam.add', { protocolId: cystite, memberId: doctor, role: 'delegant', joinedOn: '2024-03-01' });
    const delegue = await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-01',
    });
    return { ...s, delegueRow: delegue.id };
  }

  it('une équipe jamais déclarée doit l’être : déclaration initiale, puis plus rien de dû', async () => {
    const { b, doctor, pharmacist, cystite } = await declaredTeam();
    const status = await b.ok('protocolTeam.declarationStatus', { protocolId: cystite });
    expect(status).toMatchObject({
      cooperation: true,
      owed: true,
      kind: 'initiale',
      kindLabel: 'Déclaration initiale',
      departures: [],
      lastDeclaredOn: null,
    });
    expect(status.arrivals.map((member) => [member.memberName, member.role])).toEqual([
      ['DURAND Thomas', 'delegant'],
      ['PETIT Lucie', 'delegue'],
    ]);
    expect(
      (await b.ok('protocolTeam.declarationsOwed')).map((owed) => [owed.protocolId, owed.kind, owed.arrivals]),
    ).toEqual([[cystite, 'initiale', 2]]);

    const declaration = await b.ok('protocolTeam.declare', {
      protocolId: cystite,
      declaredOn: '2024-03-18',
      channel: 'Démarches simplifiées',
      reference: 'DS-12345',
      referentMemberId: doctor,
      projectAttestedOn: '2024-03-15',
    });
    expect(declaration).toMatchObject({
      kind: 'initiale',
      declaredOn: '2024-03-18',
      referentName: 'DURAND Thomas',
      channel: 'Démarches simplifiées',
    });
    expect(declaration.team.map((member) => [member.memberId, member.role, member.rpps])).toEqual([
      [doctor, 'delegant', rppsOf(1)],
      [pharmacist, 'delegue', rppsOf(3)],
    ]);
    const stored = await b.database.db
      .selectFrom('protocol_declaration')
      .select('team_snapshot')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.team_snapshot)).toEqual([
      { memberId: doctor, role: 'delegant' },
      { memberId: pharmacist, role: 'delegue' },
    ]);
    expect(await b.ok('protocolTeam.declarationStatus', { protocolId: cystite })).toMatchObject({
      owed: false,
      kind: null,
      arrivals: [],
      departures: [],
      lastDeclaredOn: '2024-03-18',
    });
    expect(await b.ok('protocolTeam.declarationsOwed')).toEqual([]);
    const nothing = await refused(b, 'protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-06-01' });
    expect(nothing.fields?.declaredOn).toBe(
      'L’équipe n’a pas changé depuis la déclaration du 18 mars 2024 : il n’y a rien à déclarer.',
    );
  });

  it('une arrivée rend une modification due, avec le nom de l’arrivant ; la déclarer l’éteint', async () => {
    const { b, pharmacist2, cystite } = await declaredTeam();
    await b.ok('protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-03-18' });
    await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist2,
      role: 'delegue',
      joinedOn: '2025-09-01',
    });
    const status = await b.ok('protocolTeam.declarationStatus', { protocolId: cystite });
    expect(status).toMatchObject({ owed: true, kind: 'modification_equipe', kindLabel: 'Modification de l’équipe' });
    expect(status.arrivals.map((member) => member.memberName)).toEqual(['MOREAU Hugo']);
    expect(status.departures).toEqual([]);
    const [owed] = await b.ok('protocolTeam.declarationsOwed');
    expect(owed).toMatchObject({ protocolId: cystite, kind: 'modification_equipe', arrivals: 1, departures: 0 });

    const before = await refused(b, 'protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-03-01' });
    expect(before.fields?.declaredOn).toBe(
      'La dernière déclaration date du 18 mars 2024 : une nouvelle déclaration ne peut pas la précéder.',
    );
    const second = await b.ok('protocolTeam.declare', { protocolId: cystite, declaredOn: '2025-09-05' });
    expect(second.kind).toBe('modification_equipe');
    expect(second.team.map((member) => member.memberName)).toEqual(['DURAND Thomas', 'MOREAU Hugo', 'PETIT Lucie']);
    expect((await b.ok('protocolTeam.declarationStatus', { protocolId: cystite })).owed).toBe(false);
    expect((await b.ok('protocolTeam.declarations', { protocolId: cystite })).map((row) => row.kind)).toEqual([
      'modification_equipe',
      'initiale',
    ]);
  });

  it('un départ rend une modification due, avec le nom du partant', async () => {
    const { b, doctor2, cystite, delegueRow } = await declaredTeam();
    await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: doctor2,
      role: 'delegant',
      joinedOn: '2024-03-01',
    });
    await b.ok('protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-03-18' });
    await b.ok('protocolTeam.leave', { id: delegueRow, leftOn: '2026-10-01' });
    const status = await b.ok('protocolTeam.declarationStatus', { protocolId: cystite });
    expect(status.kind).toBe('modification_equipe');
    expect(status.arrivals).toEqual([]);
    expect(status.departures.map((member) => [member.memberName, member.role])).toEqual([['PETIT Lucie', 'delegue']]);
    // Without any délégué left, the team cannot be declared.
    const empty = await refused(b, 'protocolTeam.declare', { protocolId: cystite, declaredOn: '2026-10-02' });
    expect(empty.fields?.declaredOn).toBe(
      'Le 2 octobre 2026, l’équipe n’a aucun délégué : ajoutez-les à l’équipe avant de la déclarer.',
    );
  });

  it('refuse de déclarer une équipe sans médecin délégant, ou un protocole qui n’est pas de coopération', async () => {
    const { b, pharmacist, pharmacist2, rhinite, chute } = await seeded();
    await b.ok('protocolTeam.add', {
      protocolId: rhinite,
      memberId: pharmacist,
      role: 'delegant',
      joinedOn: '2025-03-01',
    });
    await b.ok('protocolTeam.add', {
      protocolId: rhinite,
      memberId: pharmacist2,
      role: 'delegue',
      joinedOn: '2025-03-01',
    });
    const noDoctor = await refused(b, 'protocolTeam.declare', { protocolId: rhinite, declaredOn: '2025-03-10' });
    expect(noDoctor.fields?.declaredOn).toBe(
      'Le 10 mars 2025, l’équipe n’a aucun médecin délégant : ajoutez-le à l’équipe avant de la déclarer.',
    );
    const pluripro = await refused(b, 'protocolTeam.declare', { protocolId: chute, declaredOn: '2025-03-10' });
    expect(pluripro.fields?.protocolId).toBe('Seul un protocole de coopération se déclare à l’ARS.');
    expect(await b.ok('protocolTeam.declarationStatus', { protocolId: chute })).toMatchObject({
      cooperation: false,
      owed: false,
    });
    const future = await refused(b, 'protocolTeam.declare', { protocolId: rhinite, declaredOn: '2026-12-01' });
    expect(future.fields?.declaredOn).toBe(
      'Une déclaration se note une fois faite : le 1er décembre 2026 est à venir.',
    );
  });

  it('un membre déclaré ne se retire pas : il quitte l’équipe ; une déclaration supprimée redevient due', async () => {
    const { b, cystite, delegueRow } = await declaredTeam();
    const declaration = await b.ok('protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-03-18' });
    const removal = await refused(b, 'protocolTeam.remove', { id: delegueRow });
    expect(removal.message).toBe(
      'Ce membre a été déclaré à l’ARS : indiquez sa date de sortie de l’équipe plutôt que de le retirer. Rien n’a été enregistré.',
    );
    await b.ok('protocolTeam.deleteDeclaration', { id: declaration.id });
    expect((await b.ok('protocolTeam.declarationStatus', { protocolId: cystite })).kind).toBe('initiale');
  });
});

describe('données personnelles d’un adhérent', () => {
  it('comprennent ses rôles dans les protocoles, les déclarations qui le nomment et ses utilisations comptées', async () => {
    const { b, doctor, pharmacist, cystite, chute } = await seeded();
    await b.ok('protocolTeam.add', { protocolId: cystite, memberId: doctor, role: 'delegant', joinedOn: '2024-03-01' });
    await b.ok('protocolTeam.add', {
      protocolId: cystite,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2024-03-01',
      adhesionSignedOn: '2024-03-02',
    });
    await b.ok('protocolTeam.add', {
      protocolId: chute,
      memberId: pharmacist,
      role: 'redacteur',
      joinedOn: '2023-11-01',
    });
    await b.ok('protocolTeam.declare', { protocolId: cystite, declaredOn: '2024-03-18', referentMemberId: doctor });
    const use = {
      protocolId: cystite,
      professionalMemberId: pharmacist,
      ageBand: '26_45',
      sex: 'F',
      hasMt: true,
      outcome: 'pris_en_charge',
      adverseEvent: false,
    } as const;
    await b.ok('protocolUses.log', { ...use, usedOn: '2025-01-10', delegantMemberId: doctor });
    await b.ok('protocolUses.log', { ...use, usedOn: '2025-06-10' });
    await b.ok('protocolUses.log', { ...use, usedOn: '2026-02-10', delegantMemberId: doctor });

    const lucie = (await personalData(b.database.db, pharmacist, '2026-11-23')).protocoles;
    expect(lucie.equipes).toEqual([
      {
        code: null,
        protocole: 'Pollakiurie et brûlures mictionnelles',
        role: 'Délégué',
        entree: '2024-03-01',
        sortie: null,
        adhesionSigneeLe: '2024-03-02',
      },
      {
        code: null,
        protocole: 'Prévention des chutes',
        role: 'Rédacteur',
        entree: '2023-11-01',
        sortie: null,
        adhesionSigneeLe: null,
      },
    ]);
    expect(lucie.declarationsArs).toEqual([
      {
        code: null,
        protocole: 'Pollakiurie et brûlures mictionnelles',
        declaration: 'Déclaration initiale',
        date: '2024-03-18',
        role: 'membre de l’équipe déclarée',
      },
    ]);
    expect(lucie.utilisations.parAnnee).toEqual([
      { code: null, protocole: 'Pollakiurie et brûlures mictionnelles', annee: 2025, appliques: 2, commeDelegant: 0 },
      { code: null, protocole: 'Pollakiurie et brûlures mictionnelles', annee: 2026, appliques: 1, commeDelegant: 0 },
    ]);
    const thomas = (await personalData(b.database.db, doctor, '2026-11-23')).protocoles;
    expect(thomas.declarationsArs.map((row) => row.role)).toEqual([
      'référent de la déclaration, membre de l’équipe déclarée',
    ]);
    expect(thomas.utilisations.parAnnee.map((row) => [row.annee, row.appliques, row.commeDelegant])).toEqual([
      [2025, 0, 1],
      [2026, 0, 1],
    ]);
  });
});
