/**
 * An in-memory `window.api` typed from the contract, for component tests in jsdom. It validates inputs with the
 * same zod schemas as the main process and keeps a tiny state (identity, lifecycle, territory) so that screens
 * can be exercised end to end without Electron. Every method is a `vi.fn`, so tests can assert calls or replace
 * one answer with `mockResolvedValueOnce`.
 */
import { vi } from 'vitest';
import { indicatorsChannels } from '@shared/contract';
import type {
  Api,
  Channel,
  ApiError,
  ApiResult,
  AppInfo,
  CommuneHit,
  CptsProfile,
  ExportResult,
  FormalityRow,
  TerritoryCommune,
  TerritorySummary,
} from '@shared/contract';
import { sizeClassFor, CURRENT_SIZE_CLASS_TABLE } from '@shared/domain/aci';
import { createMemberStore, type MemberOptions, type MemberState } from './fake-members';
import { createMeetingStore, type MeetingOptions, type MeetingState } from './fake-meetings';
import { lifecycleStatus } from '@shared/domain/lifecycle';
import { cptsIdentitySchema, cptsLifecycleSchema, type CptsIdentity, type CptsLifecycle } from '@shared/schemas/cpts';

export const TODAY = '2026-05-15';

export interface RefCommune extends TerritoryCommune {
  codesPostaux: string[];
}

const METRO = { code: '200040715', nom: 'Grenoble-Alpes-Métropole', total: 49 };
const GRESIVAUDAN = { code: '200018166', nom: 'CC Le Grésivaudan', total: 43 };

function commune(
  code: string,
  nom: string,
  population: number,
  codesPostaux: string[],
  epci: { code: string; nom: string } | null,
  departement: [string, string] = ['38', 'Isère'],
): RefCommune {
  return {
    code,
    nom,
    departementCode: departement[0],
    departementNom: departement[1],
    regionCode: '84',
    population,
    epciCode: epci?.code ?? null,
    epciNom: epci?.nom ?? null,
    codesPostaux,
  };
}

/** Test reference data (shapes are real, figures are only plausible). */
export const REFERENCE_COMMUNES: RefCommune[] = [
  commune('38421', "Saint-Martin-d'Hères", 37_695, ['38400'], METRO),
  commune('38185', 'Grenoble', 156_389, ['38000', '38100'], METRO),
  commune('38151', 'Échirolles', 37_016, ['38130'], METRO),
  commune('38169', 'Gières', 7_049, ['38610'], METRO),
  commune('38382', 'Saint-Ismier', 6_972, ['38330'], GRESIVAUDAN),
  commune('38229', 'Meylan', 17_847, ['38240'], METRO),
  commune('73065', 'Chambéry', 60_022, ['73000'], null, ['73', 'Savoie']),
  commune('38158', 'Eybens', 10_109, ['38320'], METRO),
];

const EPCI_TOTALS = new Map([METRO, GRESIVAUDAN].map((e) => [e.code, e]));

export const ARS_REGIONS = [
  { code: '84', nom: 'Auvergne-Rhône-Alpes', arsName: 'ARS Auvergne-Rhône-Alpes' },
  { code: '93', nom: "Provence-Alpes-Côte d'Azur", arsName: "ARS Provence-Alpes-Côte d'Azur" },
  { code: '11', nom: 'Île-de-France', arsName: 'ARS Île-de-France' },
];

const CPAM: Record<string, string> = { '38': "CPAM de l'Isère", '73': 'CPAM de la Savoie' };

export const EMPTY_IDENTITY: CptsIdentity = {
  name: '',
  legalForm: 'Association loi 1901',
  rna: null,
  siren: null,
  siret: null,
  addressLine: null,
  postalCode: null,
  city: null,
  presidentName: null,
  coordinatorName: null,
  email: null,
  phone: null,
  website: null,
  arsRegionCode: null,
  cpam: null,
};

export const EMPTY_LIFECYCLE: CptsLifecycle = {
  letterOfIntentSubmittedOn: null,
  letterOfIntentValidatedOn: null,
  healthProjectSubmittedOn: null,
  healthProjectValidatedOn: null,
  aciSignedOn: null,
  aciContractNumber: null,
  aciAnniversaryOn: null,
};

export interface FakeState {
  identity: CptsIdentity;
  lifecycle: CptsLifecycle;
  territory: string[];
  updatedAt: string | null;
  /** What territory.get reports as warnings. */
  warnings: string[];
  /** Members, collèges, cotisation amounts and the file the import dialog « opens ». */
  members: MemberState;
  /** Meetings, RCP cases and motifs. */
  meetings: MeetingState;
  /** Formalities after an assembly (what formalities.list answers). */
  formalities: FormalityRow[];
}

export interface FakeOptions extends MemberOptions, MeetingOptions {
  identity?: Partial<CptsIdentity>;
  lifecycle?: Partial<CptsLifecycle>;
  territory?: string[];
  formalities?: FormalityRow[];
}

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
const fail = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });

function invalid<T>(issues: { path: PropertyKey[]; message: string }[]): ApiResult<T> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  return fail({ code: 'invalid_input', message: 'Certaines informations ne sont pas valides.', fields });
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function createFakeApi(options: FakeOptions = {}) {
  const memberStore = createMemberStore(options, {
    today: () => TODAY,
    communeName: (code) => REFERENCE_COMMUNES.find((c) => c.code === code)?.nom ?? null,
    territory: () => state.territory,
  });
  const meetingStore = createMeetingStore(options, {
    today: () => TODAY,
    member: (id) => {
      const m = memberStore.state.members.find((x) => x.id === id);
      if (!m) return null;
      const name =
        m.data.kind === 'structure'
          ? (m.data.structureName ?? 'Structure sans nom')
          : [m.data.lastName?.toLocaleUpperCase('fr-FR'), m.data.firstName].filter(Boolean).join(' ') || 'Sans nom';
      return { name, professionCode: m.data.professionCode };
    },
  });
  const state: FakeState = {
    identity: { ...EMPTY_IDENTITY, ...options.identity },
    lifecycle: { ...EMPTY_LIFECYCLE, ...options.lifecycle },
    territory: [...(options.territory ?? [])],
    updatedAt: options.identity ? '2026-05-01T10:00:00.000Z' : null,
    warnings: [],
    members: memberStore.state,
    meetings: meetingStore.state,
    formalities: (options.formalities ?? []).map((row) => ({ ...row })),
  };

  const profile = (): CptsProfile => ({
    identity: { ...state.identity },
    lifecycle: { ...state.lifecycle },
    status: lifecycleStatus(state.lifecycle, TODAY),
    arsName: ARS_REGIONS.find((r) => r.code === state.identity.arsRegionCode)?.arsName ?? null,
    updatedAt: state.updatedAt,
  });

  const summary = (): TerritorySummary => {
    const communes = REFERENCE_COMMUNES.filter((c) => state.territory.includes(c.code))
      .map(({ codesPostaux: _codes, ...c }) => c)
      .sort((a, b) => a.departementCode.localeCompare(b.departementCode) || a.nom.localeCompare(b.nom, 'fr'));
    const totalPopulation = communes.reduce((sum, c) => sum + c.population, 0);
    const band = sizeClassFor(totalPopulation);
    const departements = [...new Set(communes.map((c) => c.departementCode))].map((code) => {
      const list = communes.filter((c) => c.departementCode === code);
      return {
        code,
        nom: list[0]!.departementNom,
        communeCount: list.length,
        population: list.reduce((sum, c) => sum + c.population, 0),
        cpamSuggestion: CPAM[code] ?? `CPAM ${code}`,
      };
    });
    const epcis = [...new Set(communes.map((c) => c.epciCode).filter((c): c is string => c !== null))].map((code) => ({
      code,
      nom: EPCI_TOTALS.get(code)!.nom,
      communesInTerritory: communes.filter((c) => c.epciCode === code).length,
      communesTotal: EPCI_TOTALS.get(code)!.total,
    }));
    return {
      referenceLabel: 'Code officiel géographique 2025, populations légales 2022 (données de test)',
      communes,
      communeCount: communes.length,
      totalPopulation,
      sizeClass: band
        ? { taille: band.taille, label: band.label, tableVersion: CURRENT_SIZE_CLASS_TABLE.version }
        : null,
      departements,
      regions:
        communes.length > 0 ? [{ code: '84', nom: 'Auvergne-Rhône-Alpes', arsName: 'ARS Auvergne-Rhône-Alpes' }] : [],
      epcis,
      warnings: [...state.warnings],
    };
  };

  const api = {
    'app.info': vi.fn<Api['app.info']>(async () =>
      ok<AppInfo>({
        version: '0.1.0',
        databasePath: '/home/coordination/.config/Maillage/maillage.sqlite',
        backupsDir: '/home/coordination/.config/Maillage/sauvegardes',
        referenceData: 'COG 2025 — populations légales 2022',
      }),
    ),
    'cpts.get': vi.fn<Api['cpts.get']>(async () => ok(profile())),
    'cpts.saveIdentity': vi.fn<Api['cpts.saveIdentity']>(async (input) => {
      const parsed = cptsIdentitySchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues);
      state.identity = parsed.data;
      state.updatedAt = new Date().toISOString();
      return ok(profile());
    }),
    'cpts.saveLifecycle': vi.fn<Api['cpts.saveLifecycle']>(async (input) => {
      const parsed = cptsLifecycleSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues);
      state.lifecycle = parsed.data;
      return ok(profile());
    }),
    'reference.arsRegions': vi.fn<Api['reference.arsRegions']>(async () => ok(ARS_REGIONS)),
    'communes.search': vi.fn<Api['communes.search']>(async (input) => {
      const query = normalise(input.query.trim());
      if (!query) return ok<CommuneHit[]>([]);
      const hits = REFERENCE_COMMUNES.filter(
        (c) =>
          normalise(c.nom).includes(query) ||
          c.code.startsWith(query) ||
          c.codesPostaux.some((p) => p.startsWith(query)),
      )
        .slice(0, input.limit ?? 20)
        .map<CommuneHit>((c) => ({
          code: c.code,
          nom: c.nom,
          departementCode: c.departementCode,
          departementNom: c.departementNom,
          codesPostaux: c.codesPostaux,
          population: c.population,
          kind: 'commune',
          inTerritory: state.territory.includes(c.code),
        }));
      return ok(hits);
    }),
    'territory.get': vi.fn<Api['territory.get']>(async () => ok(summary())),
    'territory.addCommunes': vi.fn<Api['territory.addCommunes']>(async (input) => {
      for (const code of input.codes) {
        if (!REFERENCE_COMMUNES.some((c) => c.code === code)) {
          return fail({
            code: 'not_found',
            message: `La commune ${code} est introuvable dans les données de référence.`,
          });
        }
        if (!state.territory.includes(code)) state.territory.push(code);
      }
      return ok(summary());
    }),
    'territory.removeCommune': vi.fn<Api['territory.removeCommune']>(async (input) => {
      state.territory = state.territory.filter((code) => code !== input.code);
      return ok(summary());
    }),
    'reports.exportIdentitySheet': vi.fn<Api['reports.exportIdentitySheet']>(async () =>
      ok<ExportResult>({
        saved: true,
        path: '/home/coordination/Documents/fiche-identite.pdf',
        pages: 2,
        bytes: 48_213,
      }),
    ),
    'reports.pdfStatus': vi.fn<Api['reports.pdfStatus']>(async () => ok({ running: false as const })),
    'reports.cancelPdf': vi.fn<Api['reports.cancelPdf']>(async () => ok({ cancelled: false })),
    ...memberStore.api,
    ...meetingStore.api,
    ...notSimulated(AG_CHANNELS),
    ...notSimulated(Object.keys(indicatorsChannels) as (keyof typeof indicatorsChannels)[]),
    'formalities.list': vi.fn<Api['formalities.list']>(async (input) =>
      ok(
        state.formalities
          .filter((row) => (input?.status ?? 'ouvertes') === 'toutes' || !row.doneOn)
          .map((row) => ({ ...row, overdue: !row.doneOn && row.dueOn !== null && row.dueOn < TODAY })),
      ),
    ),
  } satisfies Api;

  return { api, state };
}

/** Channels whose screens are tested on the real handlers (tests/components/real-api.ts), not on this fake. */
const AG_CHANNELS = [
  'settings.get',
  'settings.save',
  'rules.list',
  'rules.save',
  'rules.delete',
  'ag.get',
  'ag.markConvocationSent',
  'ag.setPresence',
  'ag.saveProxy',
  'ag.deleteProxy',
  'ag.saveResolution',
  'ag.deleteResolution',
  'ag.recordVote',
  'ag.clearVote',
  'ag.setOfficers',
  'ag.createSecondConvocation',
  'ag.approvePv',
  'ag.reopenPv',
  'ag.exportConvocationMails',
  'formalities.save',
  'reports.exportConvocation',
  'reports.exportAttendanceSheet',
  'reports.exportPv',
  'backups.list',
  'backups.saveNow',
  'backups.setKeep',
  'backups.inspect',
  'backups.restore',
  'backups.discard',
  'backups.transfer',
] as const;

function notSimulated<const C extends readonly Channel[]>(names: C) {
  const entries = names.map((name) => [
    name,
    vi.fn(async () =>
      fail({
        code: 'internal',
        message: `Le canal ${name} n’est pas simulé ici : testez cet écran avec installRealApi.`,
      }),
    ),
  ]);
  return Object.fromEntries(entries) as { [K in C[number]]: Api[K] };
}

export type FakeApi = ReturnType<typeof createFakeApi>['api'];

/** Installs the fake as `window.api` (the only door the renderer uses). */
export function installFakeApi(options: FakeOptions = {}) {
  const fake = createFakeApi(options);
  const api: Api = fake.api;
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true });
  return fake;
}

/** A CPTS with an identity, a signed contract and a small territory. */
export const SAMPLE: FakeOptions = {
  identity: {
    name: 'CPTS Grenoble Sud',
    legalForm: 'Association loi 1901',
    rna: 'W381012345',
    siren: '732829320',
    siret: '73282932000074',
    addressLine: '12 avenue du 8 Mai 1945',
    postalCode: '38400',
    city: "Saint-Martin-d'Hères",
    presidentName: 'Dr Claire Martin',
    coordinatorName: 'Julien Favre',
    email: 'contact@cpts-grenoble-sud.fr',
    phone: '04 76 00 00 00',
    website: 'cpts-grenoble-sud.fr',
    arsRegionCode: '84',
    cpam: "CPAM de l'Isère",
  },
  lifecycle: {
    letterOfIntentSubmittedOn: '2021-01-12',
    letterOfIntentValidatedOn: '2021-03-02',
    healthProjectSubmittedOn: '2021-10-05',
    healthProjectValidatedOn: '2021-12-06',
    aciSignedOn: '2022-03-15',
    aciContractNumber: 'ACI-38-2022-014',
    aciAnniversaryOn: null,
  },
  territory: ['38421', '38169', '38229'],
};
