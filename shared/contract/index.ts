/**
 * The one IPC contract between the renderer and the main process: channel → zod input schema → output type.
 * Each feature declares its channels and row types in its own slice (`./members`, `./meetings`…); this index
 * assembles them. The preload exposes exactly these channels as `window.api` (from the plain list in
 * `./channels`); main registers exactly these handlers.
 */
import type { z } from '../zod-fr';
import { agChannels } from './ag';
import { annexChannels } from './annex';
import { appChannels } from './app';
import { backupsChannels } from './backups';
import type { ChannelName } from './channels';
import { contractChannels } from './contract';
import { cptsChannels } from './cpts';
import { documentsChannels } from './documents';
import { fichesChannels } from './fiches';
import { indicatorsChannels } from './indicators';
import { meetingsChannels } from './meetings';
import { protocolTeamChannels } from './protocol-team';
import { membersChannels } from './members';
import { membersImportChannels } from './members-import';
import { protocolsChannels } from './protocols';
import { rcpChannels } from './rcp';
import { reportDraftsChannels } from './report-drafts';
import { renewalChannels } from './renewal';
import { reportsChannels } from './reports';
import { settingsChannels } from './settings';
import { staffChannels } from './staff';
import { territoryChannels } from './territory';

export * from './ag';
export * from './annex';
export * from './app';
export * from './backups';
export { IPC_PREFIX } from './channels';
export type { ExportResult } from './common';
export * from './contract';
export * from './cpts';
export * from './documents';
export * from './fiches';
export * from './indicators';
export * from './meetings';
export * from './protocol-team';
export * from './members';
export * from './members-import';
export * from './protocols';
export * from './rcp';
export * from './renewal';
export * from './report-drafts';
export * from './reports';
export * from './settings';
export * from './staff';
export * from './territory';

export const contract = {
  ...appChannels,
  ...documentsChannels,
  ...cptsChannels,
  ...territoryChannels,
  ...membersChannels,
  ...membersImportChannels,
  ...meetingsChannels,
  ...rcpChannels,
  ...agChannels,
  ...annexChannels,
  ...fichesChannels,
  ...reportsChannels,
  ...reportDraftsChannels,
  ...contractChannels,
  ...indicatorsChannels,
  ...protocolsChannels,
  ...protocolTeamChannels,
  ...renewalChannels,
  ...settingsChannels,
  ...staffChannels,
  ...backupsChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

/** The plain list of `./channels` names exactly the channels of the contract: a missing or extra name fails here. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const namesMatchContract: SameNames<ChannelName, Channel> = true;
void namesMatchContract;

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
