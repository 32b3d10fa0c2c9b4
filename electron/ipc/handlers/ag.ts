import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  clearVote,
  createSecondConvocation,
  deleteProxy,
  deleteResolution,
  deleteRulesVersion,
  formalityRows,
  getAgState,
  markConvocationSent,
  recordVote,
  reopenPv,
  rulesOverview,
  saveFormality,
  saveProxy,
  saveResolution,
  saveRulesVersion,
  setOfficers,
  setPresence,
} from '../../services/ag';
import { approvePv } from '../../services/ag-approval';
import { agFileName, convocationData, convocationMails, safeFileName } from '../../services/ag-reports';
import { meetingsToIcs } from '../../services/calendar';
import { getCptsProfile } from '../../services/cpts';
import { writeFileAtomic } from '../../services/files';
import { listMeetings } from '../../services/meetings';
import type { agChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Statutory rules, general assemblies and their formalities. */
export function agHandlers(ctx: HandlerContext): HandlersFor<keyof typeof agChannels> {
  const today = todayIn(ctx);
  return {
    'rules.list': async () => rulesOverview(ctx.db),
    'rules.save': async (input) => saveRulesVersion(ctx.db, input),
    'rules.delete': async ({ id }) => deleteRulesVersion(ctx.db, id),
    'ag.get': async ({ meetingId }) => getAgState(ctx.db, meetingId, today()),
    'ag.markConvocationSent': async (input) => markConvocationSent(ctx.db, input, today()),
    'ag.setPresence': async (input) => setPresence(ctx.db, input, ctx.now(), today()),
    'ag.saveProxy': async (input) => saveProxy(ctx.db, input, today()),
    'ag.deleteProxy': async ({ meetingId, proxyId }) => deleteProxy(ctx.db, meetingId, proxyId, today()),
    'ag.saveResolution': async (input) => saveResolution(ctx.db, input, today()),
    'ag.deleteResolution': async ({ meetingId, id }) => deleteResolution(ctx.db, meetingId, id, today()),
    'ag.recordVote': async (input) => recordVote(ctx.db, input, ctx.now(), today()),
    'ag.clearVote': async ({ meetingId, resolutionId }) => clearVote(ctx.db, meetingId, resolutionId, today()),
    'ag.setOfficers': async (input) => setOfficers(ctx.db, input, today()),
    'ag.createSecondConvocation': async (input) => createSecondConvocation(ctx.db, input, today()),
    'ag.approvePv': async (input) => approvePv(ctx.db, input, today()),
    'ag.reopenPv': async ({ meetingId }) => reopenPv(ctx.db, meetingId, today()),
    'ag.exportConvocationMails': async ({ meetingId }) => {
      const state = await getAgState(ctx.db, meetingId, today());
      const folder = await ctx.chooseOpenPath('mail-folder');
      if (!folder) return { saved: false };
      // The letters go out today: the attached convocation is dated today unless a sending date is recorded.
      const data = await convocationData(ctx.db, meetingId, ctx.now(), today());
      if (!data.sentOn) data.sentOn = today();
      const pdf = await ctx.renderPdf({ kind: 'convocation', data });
      const cptsName = (await getCptsProfile(ctx.db, today())).identity.name || 'CPTS';
      const row = (await listMeetings(ctx.db, state.date, state.date, today())).filter(
        (meeting) => meeting.id === meetingId,
      );
      const ics = meetingsToIcs(
        row.map((meeting) => ({ ...meeting, visioUrl: data.meeting.visioUrl })),
        cptsName,
      );
      // A new folder each time: an earlier export never mixes with this one.
      const base = join(folder, `Convocations - ${safeFileName(state.title)} - ${state.date}`);
      let target = base;
      for (let n = 2; existsSync(target); n += 1) target = `${base} (${n})`;
      await mkdir(target, { recursive: true });
      const { count, bytes, withoutEmail, sender } = await convocationMails(
        ctx.db,
        meetingId,
        pdf,
        ics,
        ctx.now(),
        today(),
        (name, content) => writeFileAtomic(join(target, name), content),
      );
      if (withoutEmail.length) {
        const list = `Membres sans adresse électronique : leur remettre la convocation imprimée ou l’envoyer par courrier.\n\n${withoutEmail.join('\n')}\n`;
        await writeFileAtomic(join(target, 'À envoyer par courrier.txt'), new TextEncoder().encode(list));
      }
      await writeFileAtomic(join(target, agFileName('Convocation', state)), pdf);
      return { saved: true, folder: target, count, withoutEmail, bytes, sender };
    },
    'formalities.list': async ({ status }) => formalityRows(ctx.db, today(), { openOnly: status === 'ouvertes' }),
    'formalities.save': async (input) => saveFormality(ctx.db, input, today()),
  };
}
