import type { renewalChannels } from '@shared/contract';
import {
  deleteRenewalProposal,
  getRenewalDraft,
  moveRenewalProposal,
  saveRenewalDraft,
  saveRenewalProposal,
  saveRenewalSection,
  seedRenewalProposals,
} from '../../services/renewal';
import type { HandlerContext, HandlersFor } from './context';

/** The draft of the renewal dossier: texts, sections, deliberation and the proposed indicator annex. */
export function renewalHandlers(ctx: HandlerContext): HandlersFor<keyof typeof renewalChannels> {
  return {
    'renewal.getDraft': async ({ contractId }) => getRenewalDraft(ctx.db, contractId),
    'renewal.saveDraft': async (input) => saveRenewalDraft(ctx.db, input),
    'renewal.saveSection': async (input) => saveRenewalSection(ctx.db, input),
    'renewal.seedProposals': async ({ contractId }) => seedRenewalProposals(ctx.db, contractId),
    'renewal.saveProposal': async (input) => saveRenewalProposal(ctx.db, input),
    'renewal.deleteProposal': async ({ id }) => deleteRenewalProposal(ctx.db, id),
    'renewal.moveProposal': async ({ id, direction }) => moveRenewalProposal(ctx.db, id, direction),
  };
}
