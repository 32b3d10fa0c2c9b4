/** The labels of the rules editor and the French sentences it shows under each meeting type. */
import {
  DEFAULT_RULES,
  MEETING_TYPE_LABELS,
  majorityDescription,
  meetingRulesSchema,
  rulesReminders,
  secondConvocation,
  type MajorityRuleKind,
  type MeetingType,
  type StatutoryRules,
} from '@shared/domain/ag';
import { majorityCodeIssues, meetingToInput, type MeetingValues } from './rulesForm';

export const SHORT_LABELS: Record<MeetingType, string> = {
  ago: 'AG ordinaire',
  age: 'AG extraordinaire',
  constitutive: 'AG constitutive',
  ca: MEETING_TYPE_LABELS.ca,
  bureau: 'Bureau',
};

export const RULE_LABELS: Record<MajorityRuleKind, string> = {
  simple: 'Majorité simple (plus de pour que de contre)',
  absolue: 'Majorité absolue (plus de la moitié)',
  deux_tiers: 'Deux tiers',
  trois_quarts: 'Trois quarts',
  fraction: 'Autre fraction…',
};

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** The French sentences of one meeting type, or null while a value is missing or wrong. */
export function meetingSentences(type: MeetingType, values: MeetingValues, year: number): string[] | null {
  const parsed = meetingRulesSchema.safeParse(meetingToInput(values));
  if (!parsed.success || majorityCodeIssues(type, values.majorities).length > 0) return null;
  const meeting = parsed.data;
  const rules: StatutoryRules = { source: null, meetings: { ...DEFAULT_RULES.meetings, [type]: meeting } };
  const days = meeting.convocationDelayDays;
  const francs = meeting.convocationDayCount === 'francs';
  const dayWord = `${days > 1 ? 'jours' : 'jour'}${francs ? (days > 1 ? ' francs' : ' franc') : ''}`;
  const lines = [
    `Convocation : au moins ${days} ${dayWord} avant la réunion${francs ? ' (ni le jour de l’envoi ni celui de la réunion ne comptent)' : ''}.`,
    ...rulesReminders(rules, type, 1, year),
    secondConvocation(rules, type).message,
  ];
  for (const [code, majority] of Object.entries(meeting.majorities)) {
    lines.push(`${majority.label ?? code} : ${lowerFirst(majorityDescription(majority))}.`);
  }
  return lines;
}
