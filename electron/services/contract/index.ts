/**
 * The ACI contract: `contract` (create and update; years and missions generated from the ACI version), `draft`
 * (the new-contract form's starting values), `records` (the contract as screens read it), `missions`, `years`
 * (taille, fonctionnement, envelopes), `payments` and `payment-lines` (expected against received), `dialogues`,
 * `documents`, `overview` (contract page and dashboard), `guards` (existence, dates within the contract).
 */
export { createContract, updateContract } from './contract';
export { contractDraft } from './draft';
export { getContract, listContracts } from './records';
export { removeMission, saveMission } from './missions';
export { saveContractYear } from './years';
export { deletePayment, savePayment } from './payments';
export { deleteDialogue, saveDialogue } from './dialogues';
export { addContractDocument, chooseAndAddContractDocument, deleteContractDocument } from './documents';
export { contractOverview } from './overview';
