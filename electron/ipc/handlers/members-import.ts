import { applyImport, importProgress, chooseAndOpenImport, previewImport } from '../../services/members-import';
import type { membersImportChannels } from '@shared/contract';
import type { HandlerContext, HandlersFor } from './context';

/** The import of members from a spreadsheet. */
export function membersImportHandlers(ctx: HandlerContext): HandlersFor<keyof typeof membersImportChannels> {
  return {
    'members.importOpen': async () => chooseAndOpenImport(() => ctx.chooseOpenPath('import-members')),
    'members.importPreview': async ({ token, mapping, options }) =>
      previewImport(ctx.db, token, mapping, { ...options, now: ctx.now() }),
    'members.importApply': async ({ token, mapping, options }) =>
      applyImport(ctx.db, token, mapping, { ...options, now: ctx.now() }),
    'members.importProgress': async () => importProgress(),
  };
}
