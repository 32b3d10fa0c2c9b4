/**
 * Members of the CPTS (persons and structures): the record, cotisations and their rates, collèges, mandates,
 * departure, RGPD erasure and access, the roll of a meeting and the dashboard figures.
 */
export { deleteCollege, listColleges, saveCollege } from './colleges';
export { deleteCotisation, setCotisation } from './cotisations';
export { departMember, reinstateMember } from './departure';
export { eraseMember, isErasedIdentity, type IdentityProbe } from './erasure';
export { listMembers } from './list';
export { addMandate, deleteMandate } from './mandates';
export { createMember, getMember, updateMember } from './member';
export { personalData } from './personal-data';
export { cotisationRates, isUpToDate, setCotisationRate } from './rates';
export {
  displayNameOf,
  ERASED_NAME,
  isActive,
  memberDataOf,
  memberValues,
  professionLabelOf,
  structureTypeLabelOf,
} from './record';
export { rollMembers, type RollMemberRow } from './roll';
export { memberStats } from './stats';
