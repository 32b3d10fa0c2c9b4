/** The renewal dossier of an ACI contract: its draft, its proposed indicator annex and the data it prints. */
export {
  deleteRenewalProposal,
  getRenewalDraft,
  moveRenewalProposal,
  saveRenewalDraft,
  saveRenewalProposal,
  saveRenewalSection,
  seedRenewalProposals,
} from './draft';
export { renewalDossierData, renewalDossierExport } from './data';
