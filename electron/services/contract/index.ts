/**
 * The ACI contract: `contract` (create, update, the new-contract draft; years and missions generated from the ACI
 * version), `records` (the contract as screens read it), `missions`, `years` (taille, fonctionnement, envelopes),
 * `payments` and `payment-lines` (expected against received), `dialogues`, `documents`, `overview` (contract page
 * and dashboard), `guards` (existence and dates within the contract).
 */
export { contractDraft, createContract, updateContract } from './contract';
export { getContract, listContracts } from './records';
export { removeMission, saveMission } from './missions';
export { saveContractYear } from './years';
export { deletePayment, savePayment } from './payments';
export { deleteDialogue, saveDialogue } from './dialogues';
export { addContractDocument, chooseAndAddContractDocument, deleteContractDocument } from './documents';
export { contractOverview } from './overview';
