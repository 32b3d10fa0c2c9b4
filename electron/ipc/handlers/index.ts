/**
 * The handler table: one handler per channel of the contract, assembled from one map per feature. A feature's map
 * is typed by its slice of the contract, and the whole by the contract: a missing or extra handler does not compile.
 * Handlers only pick what they need from the context (database, paths, dialogs, PDF renderer) and call a service.
 */
import { agHandlers } from './ag';
import { annexHandlers } from './annex';
import { appHandlers } from './app';
import { backupsHandlers } from './backups';
import type { HandlerContext, Handlers } from './context';
import { contractHandlers } from './contract';
import { cptsHandlers } from './cpts';
import { documentsHandlers } from './documents';
import { fichesHandlers } from './fiches';
import { indicatorsHandlers } from './indicators';
import { meetingsHandlers } from './meetings';
import { membersHandlers } from './members';
import { membersImportHandlers } from './members-import';
import { protocolsHandlers } from './protocols';
import { protocolTeamHandlers } from './protocol-team';
import { rcpHandlers } from './rcp';
import { reportDraftsHandlers } from './report-drafts';
import { renewalHandlers } from './renewal';
import { reportsHandlers } from './reports';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { territoryHandlers } from './territory';

export type { Handler, HandlerContext, Handlers, HandlersFor, OpenPurpose, SaveKind } from './context';
export { countPdfPages } from './pdf-exports';

export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...documentsHandlers(ctx),
    ...cptsHandlers(ctx),
    ...territoryHandlers(ctx),
    ...membersHandlers(ctx),
    ...membersImportHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...rcpHandlers(ctx),
    ...agHandlers(ctx),
    ...annexHandlers(ctx),
    ...fichesHandlers(ctx),
    ...reportsHandlers(ctx),
    ...reportDraftsHandlers(ctx),
    ...contractHandlers(ctx),
    ...indicatorsHandlers(ctx),
    ...protocolsHandlers(ctx),
    ...protocolTeamHandlers(ctx),
    ...renewalHandlers(ctx),
    ...settingsHandlers(ctx),
    ...staffHandlers(ctx),
    ...backupsHandlers(ctx),
  } satisfies Handlers;
}
