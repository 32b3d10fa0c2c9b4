import {
  chooseAndAddContractDocument,
  contractDraft,
  contractOverview,
  createContract,
  deleteContractDocument,
  deleteDialogue,
  deletePayment,
  getContract,
  listContracts,
  removeMission,
  saveContractYear,
  saveDialogue,
  saveMission,
  savePayment,
  updateContract,
} from '../../services/contract';
import type { contractChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The ACI contract: years, missions, envelopes, payments, dialogues de gestion and documents. */
export function contractHandlers(ctx: HandlerContext): HandlersFor<keyof typeof contractChannels> {
  const today = todayIn(ctx);
  return {
    'contract.list': async () => listContracts(ctx.db),
    'contract.get': async ({ id }) => getContract(ctx.db, id, today()),
    'contract.prefill': async () => contractDraft(ctx.db, today()),
    'contract.create': async (input) => createContract(ctx.db, input, today()),
    'contract.update': async ({ id, data }) => updateContract(ctx.db, id, data, today()),
    'contract.saveMission': async (input) => saveMission(ctx.db, input, today()),
    'contract.removeMission': async ({ contractId, missionCode }) =>
      removeMission(ctx.db, contractId, missionCode, today()),
    'contract.saveYear': async (input) => saveContractYear(ctx.db, input, today()),
    'contract.savePayment': async (input) => savePayment(ctx.db, input, today()),
    'contract.deletePayment': async ({ id }) => deletePayment(ctx.db, id, today()),
    'contract.saveDialogue': async (input) => saveDialogue(ctx.db, input, today()),
    'contract.deleteDialogue': async ({ id }) => deleteDialogue(ctx.db, id, ctx.documentsDir, today()),
    'contract.addDocument': async (input) =>
      chooseAndAddContractDocument(ctx.db, input, ctx.documentsDir, today(), () => ctx.chooseOpenPath('document')),
    'contract.deleteDocument': async ({ contractId, documentId }) =>
      deleteContractDocument(ctx.db, contractId, documentId, ctx.documentsDir, today()),
    'contract.overview': async () => contractOverview(ctx.db, today()),
  };
}
