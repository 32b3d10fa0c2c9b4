import {
  addActivityPhoto,
  deleteActivityHighlight,
  deleteActivityPhoto,
  getActivityDraft,
  moveActivityHighlight,
  saveActivityDraft,
  saveActivityHighlight,
  saveActivitySection,
  updateActivityPhoto,
} from '../../services/report-drafts/activity';
import type { reportDraftsChannels } from '@shared/contract';
import type { HandlerContext, HandlersFor } from './context';

/** The draft of the rapport d’activité: texts, sections printed, highlights, photos, annexes. */
export function reportDraftsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof reportDraftsChannels> {
  return {
    'reportDrafts.getActivity': async ({ year }) => getActivityDraft(ctx.db, year),
    'reportDrafts.saveActivity': async (data) => saveActivityDraft(ctx.db, data),
    'reportDrafts.saveSection': async (data) => saveActivitySection(ctx.db, data),
    'reportDrafts.saveHighlight': async (data) => saveActivityHighlight(ctx.db, data),
    'reportDrafts.deleteHighlight': async ({ id }) => deleteActivityHighlight(ctx.db, id),
    'reportDrafts.moveHighlight': async ({ id, direction }) => moveActivityHighlight(ctx.db, id, direction),
    'reportDrafts.addPhoto': async ({ year, sectionKey }) => {
      const path = await ctx.chooseOpenPath('image');
      return path ? addActivityPhoto(ctx.db, ctx.documentsDir, year, sectionKey, path) : { cancelled: true };
    },
    'reportDrafts.updatePhoto': async (data) => updateActivityPhoto(ctx.db, data),
    'reportDrafts.deletePhoto': async ({ id }) => deleteActivityPhoto(ctx.db, ctx.documentsDir, id),
  };
}
