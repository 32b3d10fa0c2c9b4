import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
  addMandate,
  createMember,
  deleteCollege,
  departMember,
  eraseMember,
  getMember,
  isErasedIdentity,
  listColleges,
  listMembers,
  memberStats,
  personalData,
  reinstateMember,
  saveCollege,
  setCotisation,
  setCotisationRate,
  updateMember,
} from '../../electron/services/members';
import { addCommunes } from '../../electron/services/territory';
import { filterMembers, sortMembers } from '@shared/domain/members';
import { memberFiltersSchema, memberSchema, type MemberInput } from '@shared/schemas/members';
import { tempDatabase, SEG_CODES } from '../helpers/db';

const TODAY = '2026-11-23';
type TempDb = Awaited<ReturnType<typeof tempDatabase>>;
let database: TempDb;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const person = (input: Partial<MemberInput> = {}) =>
  memberSchema.parse({
    kind: 'person',
    lastName: 'Bernard',
    firstName: 'Éloïse',
    professionCode: '60',
    practiceMode: 'liberal',
    communeCode: '38421',
    ...input,
  });

describe('member schema', () => {
  it('requires a name and a profession for a person, a name and a type for a structure, in French', () => {
    const personIssues = memberSchema.safeParse({ kind: 'person' }).error!.issues;
    expect(personIssues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['lastName', 'Le nom est obligatoire.'],
      ['professionCode', 'Choisissez la profession ou la qualité du membre.'],
    ]);
    const structureIssues = memberSchema.safeParse({ kind: 'structure' }).error!.issues;
    expect(structureIssues.map((issue) => issue.path.join('.'))).toEqual(['structureName', 'structureType']);
  });

  it('refuses invalid identifiers and a specialty for a non-médecin', () => {
    const result = memberSchema.safeParse({
      kind: 'person',
      lastName: 'X',
      professionCode: '60',
      rpps: '12345678901',
      specialty: 'Cardiologie',
      email: 'pas-un-mail',
    });
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(fields.rpps).toMatch(/RPPS/);
    expect(fields.specialty).toBe('La spécialité ne concerne que les médecins.');
    expect(fields.email).toMatch(/n'est pas valide/);
    expect(
      memberSchema.safeParse({
        kind: 'structure',
        structureName: 'EHPAD Les Tilleuls',
        structureType: 'EHPAD',
        finessEt: '2A0000016',
      }).success,
    ).toBe(true);
  });
});

describe('members', () => {
  it('creates a person with the date of joining defaulting to today, then finds it by accent-free search', async () => {
    const created = await createMember(database.db, person({ rpps: '10003198511' }), TODAY);
    expect(created).toMatchObject({
      displayName: 'BERNARD Éloïse',
      professionLabel: 'Infirmier',
      communeName: "Saint-Martin-d'Hères",
      active: true,
      memberType: 'professionnel',
    });
    expect(created.data.joinedOn).toBe(TODAY);
    const rows = await listMembers(database.db, TODAY);
    const filters = memberFiltersSchema.parse({ search: 'eloise bern' });
    expect(filterMembers(rows, filters).map((row) => row.id)).toEqual([created.id]);
    expect(filterMembers(rows, memberFiltersSchema.parse({ search: '10003198511' }))).toHaveLength(1);
    expect(filterMembers(rows, memberFiltersSchema.parse({ search: 'saint martin' }))).toHaveLength(1);
    expect(filterMembers(rows, memberFiltersSchema.parse({ search: 'loise' }))).toHaveLength(0);
    const withEmail = await updateMember(
      database.db,
      created.id,
      person({ rpps: '10003198511', email: 'e.bernard@cabinet-alpes.fr' }),
      TODAY,
    );
    const again = await listMembers(database.db, TODAY);
    expect(filterMembers(again, memberFiltersSchema.parse({ search: 'cabinet alpes' })).map((row) => row.id)).toEqual([
      withEmail.id,
    ]);
  });

  it('refuses a second member with the same RPPS, naming the first', async () => {
    await createMember(database.db, person({ rpps: '10003198511' }), TODAY);
    await expect(
      createMember(database.db, person({ lastName: 'Autre', rpps: '100 031 985 11' }), TODAY),
    ).rejects.toMatchObject({
      code: 'conflict',
      fields: { rpps: expect.stringContaining('BERNARD Éloïse') },
    });
  });

  it('clears the fields of the other kind and refuses unknown communes and collèges', async () => {
    const structure = await createMember(
      database.db,
      memberSchema.parse({
        kind: 'structure',
        structureName: 'MSP des Eaux Claires',
        structureType: 'MSP',
        lastName: 'ignoré',
        communeCode: '38158',
      }),
      TODAY,
    );
    expect(structure.data).toMatchObject({ lastName: null, structureName: 'MSP des Eaux Claires', kind: 'structure' });
    await expect(createMember(database.db, person({ communeCode: '38999' }), TODAY)).rejects.toMatchObject({
      fields: { communeCode: expect.any(String) },
    });
    await expect(createMember(database.db, person({ collegeId: 999 }), TODAY)).rejects.toMatchObject({
      fields: { collegeId: expect.any(String) },
    });
    const member = await createMember(database.db, person({ structureMemberId: structure.id }), TODAY);
    expect(member.structureMemberName).toBe('MSP des Eaux Claires');
  });

  it('updates, records a departure and reinstates', async () => {
    const created = await createMember(database.db, person({ joinedOn: '2024-01-15' }), TODAY);
    const updated = await updateMember(
      database.db,
      created.id,
      person({ joinedOn: '2024-01-15', phone: '0611223344' }),
      TODAY,
    );
    expect(updated.data.phone).toBe('06 11 22 33 44');
    await expect(departMember(database.db, created.id, '2023-12-31', null, TODAY)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const left = await departMember(database.db, created.id, '2026-06-30', 'Départ en retraite', TODAY);
    expect(left).toMatchObject({ active: false, leftOn: '2026-06-30', leftReason: 'Départ en retraite' });
    const rows = await listMembers(database.db, TODAY);
    expect(filterMembers(rows, memberFiltersSchema.parse({}))).toHaveLength(0);
    expect(filterMembers(rows, memberFiltersSchema.parse({ status: 'former' }))).toHaveLength(1);
    expect((await reinstateMember(database.db, created.id, TODAY)).active).toBe(true);
  });

  it('derives « à jour de cotisation » from the payment and the amount set for the member type', async () => {
    const member = await createMember(database.db, person(), TODAY);
    await setCotisationRate(database.db, { year: 2026, memberType: 'professionnel', amountCents: 5000 });
    let detail = await setCotisation(
      database.db,
      { memberId: member.id, year: 2026, amountCents: 3000, paidOn: '2026-02-01', mode: 'cheque' },
      TODAY,
    );
    expect(detail.cotisations[0]).toMatchObject({ year: 2026, upToDate: false, expectedCents: 5000 });
    detail = await setCotisation(
      database.db,
      { memberId: member.id, year: 2026, amountCents: 5000, paidOn: null, mode: null },
      TODAY,
    );
    expect(detail.cotisations[0]!.upToDate).toBe(false); // promised, not paid
    detail = await setCotisation(
      database.db,
      { memberId: member.id, year: 2026, amountCents: 5000, paidOn: '2026-03-01', mode: 'virement' },
      TODAY,
    );
    expect(detail.upToDateYears).toEqual([2026]);
    detail = await setCotisation(
      database.db,
      { memberId: member.id, year: 2025, amountCents: 0, paidOn: null, mode: 'exoneration' },
      TODAY,
    );
    expect(detail.upToDateYears).toEqual([2025, 2026]);
    const rows = await listMembers(database.db, TODAY);
    expect(
      filterMembers(rows, memberFiltersSchema.parse({ cotisationYear: 2024, cotisationStatus: 'non_a_jour' })),
    ).toHaveLength(1);
    expect(
      filterMembers(rows, memberFiltersSchema.parse({ cotisationYear: 2026, cotisationStatus: 'a_jour' })),
    ).toHaveLength(1);
  });

  it('keeps mandates with their role labels and tells which are current', async () => {
    const member = await createMember(database.db, person(), TODAY);
    await addMandate(
      database.db,
      { memberId: member.id, role: 'president', label: null, startOn: '2024-06-01', endOn: null },
      TODAY,
    );
    const detail = await addMandate(
      database.db,
      { memberId: member.id, role: 'tresorier', label: null, startOn: '2021-06-01', endOn: '2024-05-31' },
      TODAY,
    );
    expect(detail.mandates.map((mandate) => [mandate.roleLabel, mandate.current])).toEqual([
      ['Président·e', true],
      ['Trésorier·ère', false],
    ]);
  });
});

describe('collèges', () => {
  it('creates, renames and refuses to delete a collège that has members', async () => {
    let colleges = await saveCollege(
      database.db,
      {
        id: null,
        name: 'Professionnels de santé libéraux',
        votingRight: 'deliberative',
        seats: 12,
        voteWeight: 1,
        description: null,
      },
      TODAY,
    );
    colleges = await saveCollege(
      database.db,
      { id: null, name: 'Usagers', votingRight: 'consultative', seats: null, voteWeight: 1, description: null },
      TODAY,
    );
    expect(colleges.map((college) => college.name)).toEqual(['Professionnels de santé libéraux', 'Usagers']);
    await expect(
      saveCollege(
        database.db,
        { id: null, name: 'Usagers', votingRight: 'deliberative', seats: null, voteWeight: 1, description: null },
        TODAY,
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const liberaux = colleges[0]!;
    await createMember(database.db, person({ collegeId: liberaux.id }), TODAY);
    expect((await listColleges(database.db, TODAY))[0]!.memberCount).toBe(1);
    await expect(deleteCollege(database.db, liberaux.id, TODAY)).rejects.toThrow(/compte encore 1 membre/);
    expect(await deleteCollege(database.db, colleges[1]!.id, TODAY)).toHaveLength(1);
  });
});

describe('RGPD', () => {
  it('exports everything held on a member', async () => {
    const member = await createMember(database.db, person({ email: 'eloise@exemple.fr' }), TODAY);
    await setCotisation(
      database.db,
      { memberId: member.id, year: 2026, amountCents: 5000, paidOn: '2026-03-01', mode: 'virement' },
      TODAY,
    );
    const data = await personalData(database.db, member.id, TODAY);
    expect(data.member).toMatchObject({ lastName: 'Bernard', email: 'eloise@exemple.fr', profession: 'Infirmier' });
    expect(data.cotisations).toEqual([{ annee: 2026, montantEuros: 50, payeeLe: '2026-03-01', mode: 'virement' }]);
    expect(data.historique.map((entry) => entry.action)).toEqual(['create', 'cotisation']);
  });

  it('anonymises a member but keeps what past reports count', async () => {
    const colleges = await saveCollege(
      database.db,
      { id: null, name: 'Libéraux', votingRight: 'deliberative', seats: null, voteWeight: 1, description: null },
      TODAY,
    );
    const member = await createMember(
      database.db,
      person({
        rpps: '10003198511',
        email: 'eloise@exemple.fr',
        phone: '0611223344',
        collegeId: colleges[0]!.id,
        joinedOn: '2022-03-01',
      }),
      TODAY,
    );
    await setCotisation(
      database.db,
      { memberId: member.id, year: 2025, amountCents: 5000, paidOn: '2025-03-01', mode: 'virement' },
      TODAY,
    );
    await eraseMember(database.db, member.id, TODAY);

    const row = await database.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      last_name: null,
      first_name: null,
      rpps: null,
      email: null,
      phone: null,
      search_key: '',
    });
    expect(row).toMatchObject({
      profession_code: '60',
      commune_code: '38421',
      college_id: colleges[0]!.id,
      joined_on: '2022-03-01',
      left_on: TODAY,
    });
    const raw = JSON.stringify(await database.db.selectFrom('audit_log').selectAll().execute());
    expect(raw).not.toMatch(/Bernard|eloise|10003198511/i);

    const detail = await getMember(database.db, member.id, TODAY);
    expect(detail).toMatchObject({ displayName: 'Membre anonymisé', active: false, upToDateYears: [2025] });
    await expect(updateMember(database.db, member.id, person(), TODAY)).rejects.toMatchObject({ code: 'conflict' });
    await expect(eraseMember(database.db, member.id, TODAY)).rejects.toMatchObject({ code: 'conflict' });
    // The identity is remembered only as keyed hashes, so that an import does not bring the person back.
    expect(
      await isErasedIdentity(database.db, {
        rpps: '10003198511',
        lastName: null,
        firstName: null,
        professionCode: null,
      }),
    ).toBe(true);
    expect(
      await isErasedIdentity(database.db, {
        rpps: null,
        lastName: 'BERNARD',
        firstName: 'Eloïse',
        professionCode: '60',
      }),
    ).toBe(true);
    expect(
      await isErasedIdentity(database.db, {
        rpps: null,
        lastName: 'Bernard',
        firstName: 'Éloïse',
        professionCode: '10',
      }),
    ).toBe(false);
    expect(
      await isErasedIdentity(database.db, {
        rpps: '10003198529',
        lastName: null,
        firstName: null,
        professionCode: null,
      }),
    ).toBe(false);
    const stored = JSON.stringify(await database.db.selectFrom('erased_identity').selectAll().execute());
    expect(stored).not.toMatch(/bernard|10003198511/i);
    // She may come back of her own will: the form lets the coordinator create her record again.
    await createMember(database.db, person({ rpps: '10003198511' }), TODAY);
  });

  it('lets a collège whose only member was anonymised be deleted', async () => {
    const colleges = await saveCollege(
      database.db,
      { id: null, name: 'Libéraux', votingRight: 'deliberative', seats: null, voteWeight: 1, description: null },
      TODAY,
    );
    const member = await createMember(database.db, person({ collegeId: colleges[0]!.id }), TODAY);
    await eraseMember(database.db, member.id, TODAY);
    expect(await deleteCollege(database.db, colleges[0]!.id, TODAY)).toEqual([]);
    expect((await getMember(database.db, member.id, TODAY)).data.collegeId).toBeNull();
  });
});

describe('dashboard figures', () => {
  it('counts by profession and collège, territory coverage and outstanding cotisations', async () => {
    await addCommunes(database.db, SEG_CODES);
    const colleges = await saveCollege(
      database.db,
      { id: null, name: 'Libéraux', votingRight: 'deliberative', seats: null, voteWeight: 1, description: null },
      TODAY,
    );
    await setCotisationRate(database.db, { year: 2026, memberType: 'professionnel', amountCents: 4000 });
    const a = await createMember(database.db, person({ collegeId: colleges[0]!.id }), TODAY);
    await createMember(
      database.db,
      person({ lastName: 'Durand', professionCode: '10', specialty: 'Médecine générale', communeCode: '38158' }),
      TODAY,
    );
    await createMember(database.db, person({ lastName: 'Hors', professionCode: '10', communeCode: '69123' }), TODAY);
    const gone = await createMember(
      database.db,
      person({ lastName: 'Parti', professionCode: '70', joinedOn: '2020-01-01' }),
      TODAY,
    );
    await departMember(database.db, gone.id, '2026-01-31', null, TODAY);
    await setCotisation(
      database.db,
      { memberId: a.id, year: 2026, amountCents: 4000, paidOn: '2026-01-10', mode: 'virement' },
      TODAY,
    );

    const stats = await memberStats(database.db, 2026, TODAY);
    expect(stats).toMatchObject({
      activeCount: 3,
      personCount: 3,
      structureCount: 0,
      communesCovered: 2,
      territoryCommunes: 3,
    });
    expect(stats.coveredShare).toBeCloseTo(2 / 3);
    expect(stats.byProfession).toEqual([
      { code: '10', label: 'Médecin', count: 2 },
      { code: '60', label: 'Infirmier', count: 1 },
    ]);
    expect(stats.byCollege).toEqual([
      { id: colleges[0]!.id, name: 'Libéraux', votingRight: 'deliberative', count: 1 },
      { id: null, name: 'Sans collège', votingRight: null, count: 2 },
    ]);
    expect(stats.cotisations).toEqual({ upToDate: 1, outstanding: 2, collectedCents: 4000, outstandingCents: 8000 });
    // Money paid by a member who left since still counts as collected.
    await setCotisation(
      database.db,
      { memberId: gone.id, year: 2026, amountCents: 4000, paidOn: '2026-01-05', mode: 'cheque' },
      TODAY,
    );
    expect((await memberStats(database.db, 2026, TODAY)).cotisations).toMatchObject({
      upToDate: 1,
      collectedCents: 8000,
    });
  });
});

describe('sorting', () => {
  it('sorts names the French way', async () => {
    for (const lastName of ['Zola', 'émile', 'Durand', 'Éluard'])
      await createMember(database.db, person({ lastName }), TODAY);
    const sorted = sortMembers(await listMembers(database.db, TODAY), 'name').map((row) => row.lastName);
    expect(sorted).toEqual(['Durand', 'Éluard', 'émile', 'Zola']);
  });
});
