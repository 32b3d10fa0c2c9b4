import {
  addFicheDocument,
  addPartnershipDocument,
  attachCrisisPlanDocument,
  createFiche,
  createPartnership,
  deleteCrisisPlanEvent,
  deleteFiche,
  deleteFicheDocument,
  deletePartnership,
  deletePartnershipDocument,
  detachCrisisPlanDocument,
  getCrisisPlan,
  getFiche,
  listFiches,
  listPartnerships,
  saveCrisisPlanEvent,
  updateFiche,
  updatePartnership,
} from '../../services/fiches';
import type { fichesChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Fiches actions, partnerships and the crisis plan. */
export function fichesHandlers(ctx: HandlerContext): HandlersFor<keyof typeof fichesChannels> {
  const today = todayIn(ctx);
  const chooseDocument = () => ctx.chooseOpenPath('document');
  return {
    'partnerships.list': async () => listPartnerships(ctx.db, today()),
    'partnerships.create': async (data) => createPartnership(ctx.db, data, today()),
    'partnerships.update': async ({ id, data }) => updatePartnership(ctx.db, id, data, today()),
    'partnerships.delete': async ({ id }) => deletePartnership(ctx.db, id, ctx.documentsDir),
    'partnerships.addDocument': async ({ partnershipId }) =>
      addPartnershipDocument(ctx.db, partnershipId, ctx.documentsDir, today(), chooseDocument),
    'partnerships.deleteDocument': async ({ partnershipId, documentId }) =>
      deletePartnershipDocument(ctx.db, partnershipId, documentId, ctx.documentsDir, today()),

    'fiches.list': async (filters) => listFiches(ctx.db, filters, today()),
    'fiches.get': async ({ id }) => getFiche(ctx.db, id, today()),
    'fiches.create': async (data) => createFiche(ctx.db, data, today()),
    'fiches.update': async ({ id, data }) => updateFiche(ctx.db, id, data, today()),
    'fiches.delete': async ({ id }) => deleteFiche(ctx.db, id, ctx.documentsDir),
    'fiches.addDocument': async ({ ficheId }) =>
      addFicheDocument(ctx.db, ficheId, ctx.documentsDir, today(), chooseDocument),
    'fiches.deleteDocument': async ({ ficheId, documentId }) =>
      deleteFicheDocument(ctx.db, ficheId, documentId, ctx.documentsDir, today()),

    'crisisPlan.get': async () => getCrisisPlan(ctx.db, today()),
    'crisisPlan.saveEvent': async (data) => saveCrisisPlanEvent(ctx.db, data, today()),
    'crisisPlan.deleteEvent': async ({ id }) => deleteCrisisPlanEvent(ctx.db, id, ctx.documentsDir, today()),
    'crisisPlan.attachDocument': async ({ eventId }) =>
      attachCrisisPlanDocument(ctx.db, eventId, ctx.documentsDir, today(), chooseDocument),
    'crisisPlan.detachDocument': async ({ eventId }) =>
      detachCrisisPlanDocument(ctx.db, eventId, ctx.documentsDir, today()),
  };
}
