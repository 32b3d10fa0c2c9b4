/**
 * The one IPC contract between the renderer and the main process: channel → zod input schema → output type.
 * The preload exposes exactly these channels as `window.api`; main registers exactly these handlers.
 */
import { z } from './zod-fr';
import { cptsIdentitySchema, cptsLifecycleSchema, type CptsIdentity, type CptsLifecycle } from './schemas/cpts';
import type { LifecycleStatus } from './domain/lifecycle';

// ---------- Output types ----------

export interface AppInfo {
  version: string;
  databasePath: string;
  backupsDir: string;
  referenceData: string;
}

export interface CptsProfile {
  identity: CptsIdentity;
  lifecycle: CptsLifecycle;
  status: LifecycleStatus;
  arsName: string | null;
  updatedAt: string | null;
}

export interface CommuneHit {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  codesPostaux: string[];
  population: number;
  /** « commune » or « arrondissement municipal » */
  kind: 'commune' | 'arrondissement';
  inTerritory: boolean;
}

export interface TerritoryCommune {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  regionCode: string;
  population: number;
  epciCode: string | null;
  epciNom: string | null;
}

export interface TerritorySummary {
  referenceLabel: string;
  communes: TerritoryCommune[];
  communeCount: number;
  totalPopulation: number;
  sizeClass: { taille: number; label: string; tableVersion: string } | null;
  departements: { code: string; nom: string; communeCount: number; population: number; cpamSuggestion: string }[];
  regions: { code: string; nom: string; arsName: string }[];
  epcis: { code: string; nom: string; communesInTerritory: number; communesTotal: number }[];
  /** French sentences about stored communes that the reference data no longer knows, for instance. */
  warnings: string[];
}

export type ExportResult = { saved: true; path: string; pages: number; bytes: number } | { saved: false };

// ---------- Channels ----------

const noInput = z.undefined();
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export const contract = {
  'app.info': channel<AppInfo>()(noInput),
  'cpts.get': channel<CptsProfile>()(noInput),
  'cpts.saveIdentity': channel<CptsProfile>()(cptsIdentitySchema),
  'cpts.saveLifecycle': channel<CptsProfile>()(cptsLifecycleSchema),
  'reference.arsRegions': channel<{ code: string; nom: string; arsName: string }[]>()(noInput),
  'communes.search': channel<CommuneHit[]>()(
    z.object({
      query: z.string().trim().max(100, 'Recherche trop longue (100 caractères au maximum).'),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ),
  'territory.get': channel<TerritorySummary>()(noInput),
  'territory.addCommunes': channel<TerritorySummary>()(
    z.object({
      codes: z
        .array(z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide (5 caractères attendus).'))
        .min(1, 'Choisissez au moins une commune.')
        .max(500, 'Ajoutez 500 communes au plus à la fois.'),
    }),
  ),
  'territory.removeCommune': channel<TerritorySummary>()(
    z.object({ code: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide.') }),
  ),
  'reports.exportIdentitySheet': channel<ExportResult>()(noInput),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

/** Prefix of every IPC channel name on the wire. */
export const IPC_PREFIX = 'maillage:';

// ---------- Results and errors ----------

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'io' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** A French sentence for the user. */
  message: string;
  /** Per-field French messages for forms, keyed by dotted path. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.api`. */
export type Api = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<ApiResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<ApiResult<ChannelOutput<C>>>;
};
