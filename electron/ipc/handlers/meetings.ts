import { meetingsToIcs } from '../../services/calendar';
import { getCptsProfile } from '../../services/cpts';
import { UserError } from '../../services/errors';
import { writeFileAtomic } from '../../services/files';
import {
  addDocument,
  assertDocumentsAllowed,
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
    'meetings.addDocument': async ({ meetingId }) => {
      await assertDocumentsAllowed(ctx.db, meetingId);
      const path = await ctx.chooseOpenPath('meeting-document');
      if (!path) return { cancelled: true as const };
      return addDocument(ctx.db, meetingId, path, ctx.documentsDir, today());
    },
    'meetings.deleteDocument': async ({ meetingId, documentId }) =>
      deleteDocument(ctx.db, meetingId, documentId, ctx.documentsDir, today()),
    'meetings.exportIcs': async (input) => {
      const cptsName = (await getCptsProfile(ctx.db, today())).identity.name || 'CPTS';
      let rows;
      let name;
      if ('meetingId' in input) {
        const detail = await getMeeting(ctx.db, input.meetingId, today());
        rows = (await listMeetings(ctx.db, detail.data.date, detail.data.date, today()))
          .filter((row) => row.id === input.meetingId)
          .map((row) => ({ ...row, visioUrl: detail.data.visioUrl }));
        name = `Réunion - ${detail.data.title.replace(/[\\/:*?"<>|]/g, '-')} - ${detail.data.date}.ics`;
      } else {
        if (input.to < input.from) throw new UserError('invalid_input', 'La fin de la période précède son début.');
        rows = await listMeetings(ctx.db, input.from, input.to, today());
        name = `Réunions du ${input.from} au ${input.to}.ics`;
      }
      const text = meetingsToIcs(rows, cptsName);
      const path = await ctx.chooseSavePath(name, 'ics');
      if (!path) return { saved: false };
      const bytes = new TextEncoder().encode(text);
      await writeFileAtomic(path, bytes);
      return { saved: true, path, pages: 0, bytes: bytes.byteLength };
    },
    'decisions.save': async (decision) => saveDecision(ctx.db, decision, today()),
    'decisions.delete': async ({ id }) => deleteDecision(ctx.db, id, today()),
    'decisions.list': async ({ status }) => listDecisions(ctx.db, status, today()),
  };
}
