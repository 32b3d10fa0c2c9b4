import { exportPersonalDataFile } from '../../services/personal-data-export';
import {
  addMandate,
  cotisationRates,
  createMember,
  deleteCollege,
  deleteCotisation,
  deleteMandate,
  departMember,
  eraseMember,
  getMember,
  listColleges,
  listMembers,
  memberStats,
  reinstateMember,
  saveCollege,
  setCotisation,
  setCotisationRate,
  updateMember,
} from '../../services/members';
import { exportMemberList } from '../../services/members-export';
import type { membersChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Members, collèges and cotisation amounts. */
export function membersHandlers(ctx: HandlerContext): HandlersFor<keyof typeof membersChannels> {
  const today = todayIn(ctx);
  return {
    'colleges.list': async () => listColleges(ctx.db, today()),
    'colleges.save': async (college) => saveCollege(ctx.db, college, today()),
    'colleges.delete': async ({ id }) => deleteCollege(ctx.db, id, today()),
    'cotisationRates.list': async () => cotisationRates(ctx.db),
    'cotisationRates.save': async (rate) => setCotisationRate(ctx.db, rate),
    'members.list': async () => listMembers(ctx.db, today()),
    'members.get': async ({ id }) => getMember(ctx.db, id, today()),
    'members.create': async (data) => createMember(ctx.db, data, today()),
    'members.update': async ({ id, data }) => updateMember(ctx.db, id, data, today()),
    'members.depart': async ({ id, leftOn, leftReason }) => departMember(ctx.db, id, leftOn!, leftReason, today()),
    'members.reinstate': async ({ id }) => reinstateMember(ctx.db, id, today()),
    'members.erase': async ({ id }) => eraseMember(ctx.db, id, today()),
    'members.exportPersonalData': async ({ id }) =>
      exportPersonalDataFile(ctx.db, id, today(), (name) => ctx.chooseSavePath(name, 'json')),
    'members.setCotisation': async (cotisation) => setCotisation(ctx.db, cotisation, today()),
    'members.deleteCotisation': async ({ memberId, year }) => deleteCotisation(ctx.db, memberId, year, today()),
    'members.addMandate': async (mandate) => addMandate(ctx.db, mandate, today()),
    'members.deleteMandate': async ({ memberId, mandateId }) => deleteMandate(ctx.db, memberId, mandateId, today()),
    'members.stats': async ({ year }) => memberStats(ctx.db, year, today()),
    'members.exportList': async (input) =>
      exportMemberList(ctx.db, input, today(), (name) => ctx.chooseSavePath(name, input.format)),
  };
}
