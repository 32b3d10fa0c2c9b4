/** General assemblies: statutory rules, presence, pouvoirs, resolutions and votes, PV, formalities. */
import { z } from '../zod-fr';
import type { MeetingType as AgMeetingType, QuorumResult, StatutoryRules } from '../domain/ag';
import {
  approvePvSchema,
  convocationSentSchema,
  formalitySchema,
  officersSchema,
  presenceSchema,
  proxySchema,
  resolutionSchema,
  rulesVersionSchema,
  secondConvocationSchema,
  voteSchema,
} from '../schemas/ag';
import { channel, meetingId, noInput } from './common';

export interface RulesVersionRow {
  id: number;
  effectiveFrom: string;
  source: string | null;
  rules: StatutoryRules;
  createdAt: string;
}

export interface RulesOverview {
  versions: RulesVersionRow[];
  /** Usual values (domain defaults) proposed for a first version. */
  defaults: StatutoryRules;
}

/** A pouvoir and whether it counts now (its mandataire present, within the cap…). */
export interface AgProxyRow {
  id: number;
  mandantId: number;
  mandantName: string;
  mandataireId: number;
  mandataireName: string;
  receivedOn: string | null;
  counted: boolean;
  /** Why it does not count now, in French (« mandataire absent »…). */
  reason: string | null;
}

export interface AgVoterRow {
  id: number;
  name: string;
  quality: string | null;
  collegeId: number | null;
  collegeName: string | null;
  weight: number;
  present: boolean;
  arrivedAt: string | null;
  leftAt: string | null;
  /** Proxy ids held (see proxies). */
  proxiesHeld: number[];
  /** Proxy id given by this member, if any. */
  proxyGiven: number | null;
}

export interface AgNonVoterRow {
  id: number;
  name: string;
  quality: string | null;
  collegeName: string | null;
  reason: string;
  present: boolean;
}

export interface AgResolutionRow {
  id: number;
  agendaItemId: number | null;
  position: number;
  title: string;
  text: string;
  kind: string;
  kindLabel: string;
  majorityLabel: string;
  votes: { pour: number; contre: number; abstention: number; blanc: number } | null;
  /** Head counts per collège of a weighted vote (members, before the weights), for a correction. */
  collegeVotes: { collegeId: number | null; pour: number; contre: number; abstention: number; blanc: number }[] | null;
  adopted: boolean | null;
  /** The arithmetic of the recorded vote, ending with « Résolution adoptée. » or « … rejetée. » */
  arithmetic: string | null;
  /** The quorum when the vote was recorded (kept when the vote is cleared for a correction). */
  quorumAtVote: { sentence: string; met: boolean } | null;
}

export interface FormalityRow {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  kind: string;
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  notes: string | null;
  overdue: boolean;
}

/** Everything the AG screens need at once: recomputed after every change (arrival, pouvoir, vote…). */
export interface AgState {
  meetingId: number;
  meetingType: AgMeetingType;
  typeLabel: string;
  title: string;
  date: string;
  round: 1 | 2;
  firstRoundMeetingId: number | null;
  secondRoundMeetingId: number | null;
  /** Year whose cotisation decides who votes (the meeting's year). */
  year: number;
  rules: {
    versionId: number | null;
    effectiveFrom: string | null;
    source: string | null;
    isDefault: boolean;
    reminders: string[];
  };
  weighted: boolean;
  convocation: {
    sentOn: string | null;
    mode: string | null;
    modeLabel: string | null;
    requiredDays: number;
    /** French warning when the statutory delay is not met (or cannot be met any more). */
    delayProblem: string | null;
    recipients: number;
    withoutEmail: number;
  };
  voters: AgVoterRow[];
  nonVoters: AgNonVoterRow[];
  proxies: AgProxyRow[];
  proxiesAllowed: boolean;
  quorum: QuorumResult;
  resolutions: AgResolutionRow[];
  resolutionKinds: { code: string; label: string; majorityLabel: string }[];
  /** Proposed when the quorum is not met on a first convocation and the statuts provide a second one. */
  secondConvocation: { proposed: boolean; possible: boolean; message: string };
  officers: {
    presidentMemberId: number | null;
    secretaireMemberId: number | null;
    presidentName: string | null;
    secretaireName: string | null;
  };
  pv: { status: 'brouillon' | 'approuve'; approvedOn: string | null };
  formalities: FormalityRow[];
}

export type MailsExportResult =
  | {
      saved: true;
      folder: string;
      count: number;
      withoutEmail: string[];
      bytes: number;
      /** The CPTS's address written as sender (Ma CPTS), or null: the mail client then asks for it. */
      sender: string | null;
    }
  | { saved: false };

/** Channels of the statutory rules, the general assemblies and their formalities. */
export const agChannels = {
  'rules.list': channel<RulesOverview>()(noInput),
  'rules.save': channel<RulesOverview>()(rulesVersionSchema),
  'rules.delete': channel<RulesOverview>()(z.object({ id: meetingId })),
  'ag.get': channel<AgState>()(z.object({ meetingId })),
  'ag.markConvocationSent': channel<AgState>()(convocationSentSchema),
  'ag.setPresence': channel<AgState>()(presenceSchema),
  'ag.saveProxy': channel<AgState>()(proxySchema),
  'ag.deleteProxy': channel<AgState>()(z.object({ meetingId, proxyId: meetingId })),
  'ag.saveResolution': channel<AgState>()(resolutionSchema),
  'ag.deleteResolution': channel<AgState>()(z.object({ meetingId, id: meetingId })),
  'ag.recordVote': channel<AgState>()(voteSchema),
  'ag.clearVote': channel<AgState>()(z.object({ meetingId, resolutionId: meetingId })),
  'ag.setOfficers': channel<AgState>()(officersSchema),
  'ag.createSecondConvocation': channel<{ meetingId: number }>()(secondConvocationSchema),
  'ag.approvePv': channel<AgState>()(approvePvSchema),
  'ag.reopenPv': channel<AgState>()(z.object({ meetingId })),
  'ag.exportConvocationMails': channel<MailsExportResult>()(z.object({ meetingId })),
  'formalities.list': channel<FormalityRow[]>()(
    z.object({ status: z.enum(['ouvertes', 'toutes']).default('ouvertes') }),
  ),
  'formalities.save': channel<FormalityRow[]>()(formalitySchema),
} as const;
