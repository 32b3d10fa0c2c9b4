/**
 * The member part of the fake `window.api`: members, collèges, cotisation amounts, imports and member reports,
 * kept in memory and validated with the contract's own zod schemas, like the real handlers.
 */
import { vi } from 'vitest';
import {
  contract,
  type Api,
  type ApiError,
  type ApiResult,
  type Channel,
  type ChannelParsedInput,
  type CollegeRow,
  type CotisationRateRow,
  type ExportResult,
  type ImportOpened,
  type ImportPreview,
  type ImportResult,
  type ImportRowPreview,
  type MemberDetail,
  type MemberStats,
} from '@shared/contract';
import { memberSearchKey, memberTypeOf, type MemberListRow } from '@shared/domain/members';
import { PROFESSION_BY_CODE, STRUCTURE_TYPES } from '@shared/domain/professions';
import { MANDATE_ROLES, type MemberData, type MemberType } from '@shared/schemas/members';
import { EMPTY_MEMBER } from './seed-members';

export interface FakeCotisation {
  year: number;
  amountCents: number;
  paidOn: string | null;
  mode: string | null;
}

export interface FakeMandate {
  id: number;
  role: string;
  label: string | null;
  startOn: string;
  endOn: string | null;
}

export interface FakeMember {
  id: number;
  data: MemberData;
  leftOn: string | null;
  leftReason: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  cotisations: FakeCotisation[];
  mandates: FakeMandate[];
}

export interface FakeCollege {
  id: number;
  name: string;
  votingRight: 'deliberative' | 'consultative';
  seats: number | null;
  voteWeight: number;
  description: string | null;
  position: number;
}

export interface MemberState {
  members: FakeMember[];
  colleges: FakeCollege[];
  rates: CotisationRateRow[];
  /** What members.importOpen answers (null: the user cancels the file dialog). */
  importFile: ImportOpened | null;
  nextId: number;
}

export interface MemberOptions {
  members?: FakeMember[];
  colleges?: FakeCollege[];
  rates?: CotisationRateRow[];
  importFile?: ImportOpened | null;
}

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
const fail = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });

/** Parses an input with the channel's own schema, as the main process does. */
function parse<C extends Channel>(
  channel: C,
  input: unknown,
): { ok: true; data: ChannelParsedInput<C> } | { ok: false; result: ApiResult<never> } {
  const parsed = contract[channel].input.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data as ChannelParsedInput<C> };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  const first = parsed.error.issues[0]?.message ?? 'Certaines informations ne sont pas valides.';
  return {
    ok: false,
    result: fail({
      code: 'invalid_input',
      message: Object.keys(fields).length ? 'Certaines informations ne sont pas valides.' : first,
      fields,
    }),
  };
}

/** A member record for the fake, from the few fields a test cares about. */
export function fakeMember(
  id: number,
  data: Partial<MemberData>,
  extra: Partial<Omit<FakeMember, 'id' | 'data'>> = {},
): FakeMember {
  return {
    id,
    data: { ...EMPTY_MEMBER, ...data },
    leftOn: null,
    leftReason: null,
    erasedAt: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    cotisations: [],
    mandates: [],
    ...extra,
  };
}

// ---------- Import fixture ----------

export const IMPORT_FILE: ImportOpened = {
  token: 'import-1',
  fileName: 'adherents-2026.csv',
  encoding: 'Windows-1252',
  separator: ';',
  sheetName: null,
  headers: ['NOM', 'Prénom', 'Métier', 'Ville', 'N° RPPS', 'Mail', 'Remarque'],
  headerLine: 1,
  notes: [],
  rowCount: 142,
  sample: [
    ['DURAND', 'Alice', 'IDE', 'Eybens', '10003000006', 'alice.durand@exemple.fr', ''],
    ['PETIT', 'Bruno', 'kiné', 'Gières', '', 'bruno.petit@exemple.fr', 'nouveau'],
    ['MOREAU', 'Chloé', 'Médecin généraliste', 'Meylan', '', '', ''],
  ],
  mapping: ['lastName', 'firstName', 'professionCode', 'communeCode', 'rpps', 'email', null],
  fields: [
    { code: 'lastName', label: 'Nom' },
    { code: 'firstName', label: 'Prénom' },
    { code: 'professionCode', label: 'Profession' },
    { code: 'specialty', label: 'Spécialité' },
    { code: 'rpps', label: 'N° RPPS' },
    { code: 'adeli', label: 'N° ADELI' },
    { code: 'communeCode', label: 'Commune d’exercice' },
    { code: 'email', label: 'Courriel' },
    { code: 'phone', label: 'Téléphone' },
    { code: 'notes', label: 'Notes' },
    { code: 'cotisation:2026', label: 'Cotisation 2026 (montant)' },
  ],
};

function previewRow(line: number, extra: Partial<ImportRowPreview> = {}): ImportRowPreview {
  return {
    line,
    displayName: `IMPORT${line} Alice`,
    professionLabel: 'Infirmier',
    communeName: 'Eybens',
    matchedMemberId: null,
    matchedBy: null,
    changes: [],
    errors: [],
    duplicate: null,
    ...extra,
  };
}

/** 142 lines: 120 new, 14 updates, 3 unchanged, 5 errors; every line is an error without a « Nom » column. */
export function importPreviewFor(mapping: (string | null)[]): ImportPreview {
  const lines = Array.from({ length: 142 }, (_, i) => i + 2);
  if (!mapping.includes('lastName')) {
    return {
      token: IMPORT_FILE.token,
      total: lines.length,
      toCreate: [],
      toUpdate: [],
      unchanged: [],
      errors: lines.map((line) =>
        previewRow(line, { displayName: `Ligne ${line}`, errors: ['Le nom est obligatoire.'] }),
      ),
      duplicates: [],
      undated: { cotisations: 0, consents: 0 },
      missingColleges: [],
    };
  }
  return {
    token: IMPORT_FILE.token,
    total: lines.length,
    toCreate: lines.slice(0, 120).map((line) => previewRow(line)),
    toUpdate: lines.slice(120, 134).map((line) =>
      previewRow(line, {
        matchedMemberId: 1,
        matchedBy: 'rpps',
        changes: ['Téléphone : 04 76 00 00 00 → 06 12 34 56 78'],
      }),
    ),
    unchanged: lines
      .slice(134, 137)
      .map((line) => previewRow(line, { matchedMemberId: 2, matchedBy: 'nom_profession_commune' })),
    errors: lines.slice(137).map((line) =>
      previewRow(line, {
        errors: [
          `Le numéro RPPS n'est pas valide (clé de contrôle incorrecte). Vérifiez la saisie des 11 chiffres (1234567890${line % 10}).`,
        ],
      }),
    ),
    duplicates: [],
    undated: { cotisations: 0, consents: 0 },
    missingColleges: [],
  };
}

// ---------- The store ----------

export function createMemberStore(
  options: MemberOptions,
  context: { today: () => string; communeName: (code: string) => string | null; territory: () => string[] },
) {
  const state: MemberState = {
    members: [...(options.members ?? [])],
    colleges: [...(options.colleges ?? [])],
    rates: [...(options.rates ?? [])],
    importFile: options.importFile === undefined ? IMPORT_FILE : options.importFile,
    nextId: Math.max(0, ...(options.members ?? []).map((m) => m.id)) + 1,
  };
  let nextMandateId = 1;
  const today = context.today;

  const expected = (year: number, type: MemberType) =>
    state.rates.find((r) => r.year === year && r.memberType === type)?.amountCents;
  const typeOf = (member: FakeMember) => memberTypeOf(member.data.kind, member.data.professionCode);
  const upToDate = (c: FakeCotisation, exp: number | undefined) =>
    c.mode === 'exoneration' || (Boolean(c.paidOn) && (exp === undefined || c.amountCents >= exp));
  const isActive = (m: FakeMember) => !m.erasedAt && (!m.leftOn || m.leftOn > today());
  const displayName = (m: FakeMember) =>
    m.erasedAt
      ? 'Membre anonymisé'
      : m.data.kind === 'structure'
        ? (m.data.structureName ?? 'Structure sans nom')
        : [m.data.lastName?.toLocaleUpperCase('fr-FR'), m.data.firstName].filter(Boolean).join(' ') || 'Sans nom';
  const professionLabel = (code: string | null) => (code ? (PROFESSION_BY_CODE.get(code)?.label ?? code) : null);
  const collegeName = (id: number | null) => state.colleges.find((c) => c.id === id)?.name ?? null;
  const find = (id: number) => state.members.find((m) => m.id === id);
  const notFound = <T>() => fail<T>({ code: 'not_found', message: 'Ce membre n’existe pas ou plus.' });
  const touch = (m: FakeMember) => (m.updatedAt = new Date().toISOString());

  const listRow = (m: FakeMember): MemberListRow => {
    const d = m.data;
    const communeName = d.communeCode ? (context.communeName(d.communeCode) ?? d.communeCode) : null;
    return {
      id: m.id,
      kind: d.kind,
      displayName: displayName(m),
      civility: d.civility,
      lastName: d.lastName,
      firstName: d.firstName,
      professionCode: d.professionCode,
      professionLabel: professionLabel(d.professionCode),
      specialty: d.specialty,
      rpps: d.rpps,
      adeli: d.adeli,
      practiceMode: d.practiceMode,
      structureType: d.structureType,
      structureName: d.structureName,
      finessEt: d.finessEt,
      communeCode: d.communeCode,
      communeName,
      collegeId: d.collegeId,
      collegeName: collegeName(d.collegeId),
      email: d.email,
      phone: d.phone,
      joinedOn: d.joinedOn,
      leftOn: m.leftOn,
      active: isActive(m),
      upToDateYears: m.cotisations
        .filter((c) => upToDate(c, expected(c.year, typeOf(m))))
        .map((c) => c.year)
        .sort(),
      directoryConsent: Boolean(d.directoryConsentOn) && !m.erasedAt,
      erased: Boolean(m.erasedAt),
      searchKey: m.erasedAt
        ? ''
        : memberSearchKey([
            d.lastName,
            d.firstName,
            d.structureName,
            d.rpps,
            d.adeli,
            d.finessEt,
            communeName,
            d.email,
          ]),
    };
  };

  const detail = (m: FakeMember): MemberDetail => {
    const type = typeOf(m);
    const cotisations = [...m.cotisations]
      .sort((a, b) => b.year - a.year)
      .map((c) => {
        const exp = expected(c.year, type);
        return { ...c, expectedCents: exp ?? null, upToDate: upToDate(c, exp) };
      });
    const structure = m.data.structureMemberId ? find(m.data.structureMemberId) : undefined;
    return {
      id: m.id,
      data: { ...m.data },
      displayName: displayName(m),
      professionLabel:
        m.data.kind === 'person'
          ? professionLabel(m.data.professionCode)
          : (STRUCTURE_TYPES.find((t) => t.code === m.data.structureType)?.label ?? null),
      communeName: m.data.communeCode ? context.communeName(m.data.communeCode) : null,
      collegeName: collegeName(m.data.collegeId),
      structureMemberName: structure ? displayName(structure) : null,
      memberType: type,
      leftOn: m.leftOn,
      leftReason: m.leftReason,
      active: isActive(m),
      erasedAt: m.erasedAt,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      mandates: m.mandates.map((mandate) => ({
        ...mandate,
        roleLabel: MANDATE_ROLES.find((r) => r.code === mandate.role)?.label ?? mandate.role,
        current: mandate.startOn <= today() && (!mandate.endOn || mandate.endOn >= today()),
      })),
      cotisations,
      upToDateYears: cotisations
        .filter((c) => c.upToDate)
        .map((c) => c.year)
        .sort(),
    };
  };

  const colleges = (): CollegeRow[] =>
    [...state.colleges]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        ...c,
        memberCount: state.members.filter((m) => m.data.collegeId === c.id && isActive(m)).length,
      }));

  /** The checks the database makes: known commune, one member per RPPS, existing collège. */
  const checkData = (data: MemberData, selfId: number | null): ApiResult<never> | null => {
    if (data.communeCode && !context.communeName(data.communeCode)) {
      const message = `Aucune commune n'a le code INSEE ${data.communeCode}.`;
      return fail({ code: 'invalid_input', message, fields: { communeCode: message } });
    }
    if (data.rpps) {
      const other = state.members.find((m) => m.id !== selfId && m.data.rpps === data.rpps);
      if (other) {
        const message = `Le numéro RPPS ${data.rpps} est déjà celui de ${displayName(other)}.`;
        return fail({ code: 'conflict', message, fields: { rpps: message } });
      }
    }
    if (data.collegeId !== null && !state.colleges.some((c) => c.id === data.collegeId)) {
      return fail({
        code: 'invalid_input',
        message: 'Ce collège n’existe plus.',
        fields: { collegeId: 'Choisissez un collège de la liste.' },
      });
    }
    return null;
  };

  const stats = (year: number): MemberStats => {
    const active = state.members.filter(isActive);
    const territory = new Set(context.territory());
    const byProfession = new Map<string, number>();
    const byStructure = new Map<string, number>();
    const byCollege = new Map<number, number>();
    let noCollege = 0;
    for (const m of active) {
      if (m.data.professionCode)
        byProfession.set(m.data.professionCode, (byProfession.get(m.data.professionCode) ?? 0) + 1);
      if (m.data.structureType) byStructure.set(m.data.structureType, (byStructure.get(m.data.structureType) ?? 0) + 1);
      if (m.data.collegeId) byCollege.set(m.data.collegeId, (byCollege.get(m.data.collegeId) ?? 0) + 1);
      else noCollege++;
    }
    const covered = new Set(
      active.map((m) => m.data.communeCode).filter((c): c is string => c !== null && territory.has(c)),
    );
    let up = 0;
    let outstanding = 0;
    let collectedCents = 0;
    let outstandingCents = 0;
    for (const m of active) {
      const exp = expected(year, typeOf(m));
      const c = m.cotisations.find((x) => x.year === year);
      if (c?.paidOn) collectedCents += c.amountCents;
      if (c && upToDate(c, exp)) up++;
      else {
        outstanding++;
        if (exp !== undefined) outstandingCents += Math.max(0, exp - (c?.paidOn ? c.amountCents : 0));
      }
    }
    const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
      b.count - a.count || a.label.localeCompare(b.label, 'fr');
    const collegeRows: MemberStats['byCollege'] = colleges().map((c) => ({
      id: c.id,
      name: c.name,
      votingRight: c.votingRight,
      count: byCollege.get(c.id) ?? 0,
    }));
    if (noCollege) collegeRows.push({ id: null, name: 'Sans collège', votingRight: null, count: noCollege });
    return {
      year,
      activeCount: active.length,
      personCount: active.filter((m) => m.data.kind === 'person').length,
      structureCount: active.filter((m) => m.data.kind === 'structure').length,
      byProfession: [...byProfession]
        .map(([code, count]) => ({ code, label: professionLabel(code) ?? code, count }))
        .sort(byCount),
      byStructureType: [...byStructure]
        .map(([code, count]) => ({ code, label: STRUCTURE_TYPES.find((t) => t.code === code)?.label ?? code, count }))
        .sort(byCount),
      byCollege: collegeRows,
      communesCovered: covered.size,
      territoryCommunes: territory.size,
      coveredShare: territory.size ? covered.size / territory.size : null,
      cotisations: { upToDate: up, outstanding, collectedCents, outstandingCents },
    };
  };

  const saved = (path: string): ApiResult<ExportResult> => ok({ saved: true, path, pages: 3, bytes: 52_000 });

  const api = {
    'colleges.list': vi.fn<Api['colleges.list']>(async () => ok(colleges())),
    'colleges.save': vi.fn<Api['colleges.save']>(async (input) => {
      const p = parse('colleges.save', input);
      if (!p.ok) return p.result;
      const { id, ...rest } = p.data;
      if (state.colleges.some((c) => c.name === rest.name && c.id !== id)) {
        const message = `Un collège s’appelle déjà « ${rest.name} ».`;
        return fail({ code: 'conflict', message, fields: { name: message } });
      }
      if (id) {
        const college = state.colleges.find((c) => c.id === id);
        if (!college) return fail({ code: 'not_found', message: 'Ce collège n’existe plus.' });
        Object.assign(college, rest);
      } else {
        const nextId = Math.max(0, ...state.colleges.map((c) => c.id)) + 1;
        state.colleges.push({ id: nextId, position: nextId, ...rest });
      }
      return ok(colleges());
    }),
    'colleges.delete': vi.fn<Api['colleges.delete']>(async (input) => {
      const college = state.colleges.find((c) => c.id === input.id);
      if (!college) return fail({ code: 'not_found', message: 'Ce collège n’existe plus.' });
      const n = state.members.filter((m) => m.data.collegeId === college.id).length;
      if (n > 0) {
        return fail({
          code: 'conflict',
          message: `Le collège « ${college.name} » compte encore ${n} membre${n > 1 ? 's' : ''} (anciens compris) : rattachez-les à un autre collège avant de le supprimer.`,
        });
      }
      state.colleges = state.colleges.filter((c) => c.id !== college.id);
      return ok(colleges());
    }),
    'cotisationRates.list': vi.fn<Api['cotisationRates.list']>(async () => ok([...state.rates])),
    'cotisationRates.save': vi.fn<Api['cotisationRates.save']>(async (input) => {
      const p = parse('cotisationRates.save', input);
      if (!p.ok) return p.result;
      state.rates = [
        ...state.rates.filter((r) => !(r.year === p.data.year && r.memberType === p.data.memberType)),
        p.data,
      ];
      return ok([...state.rates].sort((a, b) => b.year - a.year));
    }),

    'members.list': vi.fn<Api['members.list']>(async () => ok(state.members.map(listRow))),
    'members.get': vi.fn<Api['members.get']>(async (input) => {
      const m = find(input.id);
      return m ? ok(detail(m)) : notFound();
    }),
    'members.create': vi.fn<Api['members.create']>(async (input) => {
      const p = parse('members.create', input);
      if (!p.ok) return p.result;
      const refused = checkData(p.data, null);
      if (refused) return refused;
      const member = fakeMember(state.nextId++, p.data, {
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      state.members.push(member);
      return ok(detail(member));
    }),
    'members.update': vi.fn<Api['members.update']>(async (input) => {
      const p = parse('members.update', input);
      if (!p.ok) return p.result;
      const m = find(p.data.id);
      if (!m) return notFound();
      if (m.erasedAt)
        return fail({ code: 'conflict', message: 'Ce membre est anonymisé : sa fiche ne peut plus être modifiée.' });
      const refused = checkData(p.data.data, m.id);
      if (refused) return refused;
      m.data = p.data.data;
      touch(m);
      return ok(detail(m));
    }),
    'members.depart': vi.fn<Api['members.depart']>(async (input) => {
      const p = parse('members.depart', input);
      if (!p.ok) return p.result;
      const m = find(p.data.id);
      if (!m) return notFound();
      m.leftOn = p.data.leftOn;
      m.leftReason = p.data.leftReason;
      touch(m);
      return ok(detail(m));
    }),
    'members.reinstate': vi.fn<Api['members.reinstate']>(async (input) => {
      const m = find(input.id);
      if (!m) return notFound();
      m.leftOn = null;
      m.leftReason = null;
      touch(m);
      return ok(detail(m));
    }),
    'members.erase': vi.fn<Api['members.erase']>(async (input) => {
      const p = parse('members.erase', input);
      if (!p.ok) return p.result;
      const m = find(p.data.id);
      if (!m) return notFound();
      if (m.erasedAt) return fail({ code: 'conflict', message: 'Ce membre est déjà anonymisé.' });
      m.data = {
        ...EMPTY_MEMBER,
        kind: m.data.kind,
        professionCode: m.data.professionCode,
        structureType: m.data.structureType,
        communeCode: m.data.communeCode,
        collegeId: m.data.collegeId,
        joinedOn: m.data.joinedOn,
      };
      m.leftOn = m.leftOn ?? today();
      m.leftReason = 'Données personnelles effacées à sa demande (RGPD)';
      m.erasedAt = new Date().toISOString();
      return ok({ erased: true as const });
    }),
    'members.exportPersonalData': vi.fn<Api['members.exportPersonalData']>(async (input) =>
      find(input.id) ? saved(`/home/coordination/Documents/donnees-adherent-${input.id}.json`) : notFound(),
    ),
    'members.setCotisation': vi.fn<Api['members.setCotisation']>(async (input) => {
      const p = parse('members.setCotisation', input);
      if (!p.ok) return p.result;
      const m = find(p.data.memberId);
      if (!m) return notFound();
      const { memberId: _id, ...cotisation } = p.data;
      m.cotisations = [...m.cotisations.filter((c) => c.year !== cotisation.year), cotisation];
      return ok(detail(m));
    }),
    'members.deleteCotisation': vi.fn<Api['members.deleteCotisation']>(async (input) => {
      const m = find(input.memberId);
      if (!m) return notFound();
      m.cotisations = m.cotisations.filter((c) => c.year !== input.year);
      return ok(detail(m));
    }),
    'members.addMandate': vi.fn<Api['members.addMandate']>(async (input) => {
      const p = parse('members.addMandate', input);
      if (!p.ok) return p.result;
      const m = find(p.data.memberId);
      if (!m) return notFound();
      m.mandates.push({
        id: nextMandateId++,
        role: p.data.role,
        label: p.data.label,
        startOn: p.data.startOn!,
        endOn: p.data.endOn,
      });
      return ok(detail(m));
    }),
    'members.deleteMandate': vi.fn<Api['members.deleteMandate']>(async (input) => {
      const m = find(input.memberId);
      if (!m) return notFound();
      m.mandates = m.mandates.filter((mandate) => mandate.id !== input.mandateId);
      return ok(detail(m));
    }),
    'members.stats': vi.fn<Api['members.stats']>(async (input) => ok(stats(input.year))),
    'members.exportList': vi.fn<Api['members.exportList']>(async (input) => {
      const p = parse('members.exportList', input);
      if (!p.ok) return p.result;
      return saved(`/home/coordination/Documents/adherents.${p.data.format}`);
    }),
    'members.importOpen': vi.fn<Api['members.importOpen']>(async () =>
      ok(state.importFile ? { ...state.importFile } : { cancelled: true as const }),
    ),
    'members.importProgress': vi.fn<Api['members.importProgress']>(async () => ok(null)),
    'members.importPreview': vi.fn<Api['members.importPreview']>(async (input) => {
      if (!state.importFile || input.token !== state.importFile.token) {
        return fail({ code: 'not_found', message: 'Le fichier n’est plus disponible : choisissez-le à nouveau.' });
      }
      if (input.mapping.length !== state.importFile.headers.length) {
        return fail({ code: 'invalid_input', message: 'La correspondance des colonnes ne correspond pas au fichier.' });
      }
      return ok(importPreviewFor(input.mapping));
    }),
    'members.importApply': vi.fn<Api['members.importApply']>(async (input) => {
      if (!state.importFile || input.token !== state.importFile.token) {
        return fail({ code: 'not_found', message: 'Le fichier n’est plus disponible : choisissez-le à nouveau.' });
      }
      const preview = importPreviewFor(input.mapping);
      for (const row of preview.toCreate) {
        state.members.push(
          fakeMember(state.nextId++, {
            lastName: `Import${row.line}`,
            firstName: 'Alice',
            professionCode: '60',
            communeCode: null,
          }),
        );
      }
      return ok<ImportResult>({
        created: preview.toCreate.length,
        updated: preview.toUpdate.length,
        unchanged: preview.unchanged.length,
        skippedErrors: preview.errors.length,
        skippedDuplicates: 0,
        cotisations: 0,
        collegesCreated: [],
      });
    }),

    'reports.exportMembersList': vi.fn<Api['reports.exportMembersList']>(async (input) => {
      const p = parse('reports.exportMembersList', input);
      if (!p.ok) return p.result;
      return saved(`/home/coordination/Documents/liste-adherents-${p.data.audience}.pdf`);
    }),
    'reports.exportComposition': vi.fn<Api['reports.exportComposition']>(async (input) => {
      const p = parse('reports.exportComposition', input);
      if (!p.ok) return p.result;
      return saved(`/home/coordination/Documents/composition-${p.data.year}.pdf`);
    }),
  };

  return { api, state };
}
