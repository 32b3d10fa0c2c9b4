import type { Kysely } from 'kysely';
import type { Channel, ChannelOutput, ChannelParsedInput } from '@shared/contract';
import { toIsoDate } from '@shared/format';
import type { DB } from '../../db/schema';
import type { LiveDatabase } from '../../db/restore';
import type { ReportJob } from '../../pdf/render';
import type { RenderOptions } from '../../pdf/supervisor';

/** Everything the handlers need from the outside world; the app and the test harness each provide one. */
export interface HandlerContext {
  db: Kysely<DB>;
  appVersion: string;
  databasePath: string;
  backupsDir: string;
  /** Where documents attached to meetings are copied (beside the database file). */
  documentsDir: string;
  now: () => Date;
  /** Renders a report off the UI path (utilityProcess in the app, in-process in tests). */
  renderPdf: (job: ReportJob, options?: RenderOptions) => Promise<Uint8Array>;
  /** Opens a file with the computer's usual application for its type (a French error when it cannot). */
  openFile: (path: string) => Promise<void>;
  /** Asks where to save a file (save dialog in the app); null when the user cancels. */
  chooseSavePath: (suggestedName: string, kind?: SaveKind) => Promise<string | null>;
  /** Asks which file to open (open dialog in the app); null when the user cancels. */
  chooseOpenPath: (purpose: OpenPurpose) => Promise<string | null>;
  /** The open database, which a restore replaces (then `db` above is updated); without it, backups are refused. */
  live?: LiveDatabase;
}

/**
 * What is being opened: a file to import (members, the ACI indicator annex) or attach (to a meeting, or any other
 * document: contract, convention, evidence…), an image (the CPTS logo, a photo of the rapport d’activité: PNG or
 * JPEG), or the folder where the convocation e-mails are written.
 */
export type OpenPurpose =
  | 'import-members'
  | 'annex-import'
  | 'protocol-import'
  | 'meeting-document'
  | 'document'
  | 'image'
  | 'mail-folder'
  | 'restore';

/** What is being saved, so the dialog offers the right file type. */
export type SaveKind = 'pdf' | 'csv' | 'xlsx' | 'json' | 'ics' | 'sqlite' | 'maillage';

/** The handler of one channel: its validated input in, its output out. */
export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;

/** One handler for each of the given channels, and none other (a feature's slice of the table). */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

/** The whole table: one handler per channel of the contract. */
export type Handlers = HandlersFor<Channel>;

/** Today's date (ISO) by the context's clock. */
export function todayIn(ctx: HandlerContext): () => string {
  return () => toIsoDate(ctx.now());
}
