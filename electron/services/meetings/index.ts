/**
 * Meetings of the CPTS (réunions, RCP, assemblies as meetings): the meeting itself, its ordre du jour, participants,
 * decisions and documents, and the pseudonymised cases of an RCP.
 */
export { saveAgenda } from './agenda';
export { deleteDecision, saveDecision } from './decisions';
export {
  addDocument,
  assertDocumentsAllowed,
  chooseAndAddDocument,
  deleteDocument,
  RCP_DOCUMENT_REFUSED,
} from './documents';
export { createMeeting, deleteMeeting, updateMeeting } from './meeting';
export { addRcpMotif, rcpMinProfessions, rcpMotifs } from './motifs';
export { saveParticipants } from './participants';
export { getMeeting, listDecisions, listMeetings } from './queries';
export { deleteRcpCase, saveRcpCase } from './rcp-cases';
