/**
 * Fiches actions of the projet de santé, the partnerships they come under and the crisis plan.
 */
export {
  addFicheDocument,
  createFiche,
  deleteFiche,
  deleteFicheDocument,
  updateFiche,
} from './fiche';
export { getFiche, listFiches, missionLabelOf } from './fiche-queries';
export {
  attachCrisisPlanDocument,
  crisisPlanStatus,
  deleteCrisisPlanEvent,
  detachCrisisPlanDocument,
  getCrisisPlan,
  saveCrisisPlanEvent,
} from './crisis-plan';
export {
  addPartnershipDocument,
  createPartnership,
  deletePartnership,
  deletePartnershipDocument,
  getPartnership,
  listPartnerships,
  partnershipLabel,
  updatePartnership,
} from './partnerships';
