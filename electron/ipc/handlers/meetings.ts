import {
  chooseAndAddDocument,
  createMeeting,
  deleteDecision,
  deleteDocument,
  deleteMeeting,
  getMeeting,
  listDecisions,
  listMeetings,
  saveAgenda,
  saveDecision,
  saveParticipants,
  updateMeeting,
} from '../../services/meetings';
import { exportMeetingsIcs } from '../../services/meeting-calendar';
import type { meetingsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Meetings and their decisions. */
export function meetingsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof meetingsChannels> {
  const today = todayIn(ctx);
  return {
    'meetings.list': async ({ from, to }) => listMeetings(ctx.db, from ?? null, to ?? null, today()),
    'meetings.get': async ({ id }) => getMeeting(ctx.db, id, today()),
    'meetings.create': async (data) => createMeeting(ctx.db, data, today()),
    'meetings.update': async ({ id, data }) => updateMeeting(ctx.db, id, data, today()),
    'meetings.delete': async ({ id }) => deleteMeeting(ctx.db, id, ctx.documentsDir),
    'meetings.saveAgenda': async ({ meetingId, items }) => saveAgenda(ctx.db, meetingId, items, today()),
    'meetings.saveParticipants': async ({ meetingId, participants }) =>
      saveParticipants(ctx.db, meetingId, participants, today()),
    'meetings.addDocument': async ({ meetingId }) =>
      chooseAndAddDocument(ctx.db, meetingId, ctx.documentsDir, today(), () => ctx.chooseOpenPath('meeting-document')),
    'meetings.deleteDocument': async ({ meetingId, documentId }) =>
      deleteDocument(ctx.db, meetingId, documentId, ctx.documentsDir, today()),
    'meetings.exportIcs': async (selection) =>
      exportMeetingsIcs(ctx.db, selection, today(), (name) => ctx.chooseSavePath(name, 'ics')),
    'decisions.save': async (decision) => saveDecision(ctx.db, decision, today()),
    'decisions.delete': async ({ id }) => deleteDecision(ctx.db, id, today()),
    'decisions.list': async ({ status }) => listDecisions(ctx.db, status, today()),
  };
}
