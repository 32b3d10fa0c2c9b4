/**
 * General assemblies (and CA / bureau deliberations) from convocation to approved PV: the statutory rules in force,
 * the voting roll, live presence, pouvoirs, resolutions and their votes, second convocation and formalities.
 * Every figure comes from shared/domain/ag: this folder loads, stores and assembles.
 * The documents' data live in ./reports and the approval of the PV in ./approval.
 */
export { assertAgMeeting, isAgMeetingType, loadAssembly } from './assembly';
export { createSecondConvocation, markConvocationSent } from './convocation';
export { formalityRows, saveFormality } from './formalities';
export { assertDraft } from './guards';
export { deleteProxy, saveProxy } from './proxies';
export { deleteRulesVersion, frozenRules, rulesAt, rulesOverview, saveRulesVersion, type RulesInForce } from './rules';
export { setOfficers, setPresence } from './session';
export { getAgState } from './state';
export { clearVote, deleteResolution, recordVote, saveResolution, type StoredQuorum } from './votes';
export { reopenPv } from './approval';
