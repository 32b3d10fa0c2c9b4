import type { Kysely } from 'kysely';
import { AGE_BANDS, ATTENDANCE, DECISION_STATUSES } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { MeetingDetail } from '@shared/contract';
import type { MeetingMinutesData, RcpYearData } from '@shared/reports/meetings';
import type { DB } from '../db/schema';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { getMeeting, listMeetings, rcpMinProfessions, rcpMotifs } from './meetings';

const STATUS_LABELS = { prevue: 'Prévue', tenue: 'Tenue', annulee: 'Annulée' } as const;
const FOLLOW_UP_LABELS = { a_faire: 'À faire', fait: 'Fait', sans_objet: 'Sans objet' } as const;
const label = <T extends { code: string; label: string }>(list: readonly T[], code: string | null) =>
  code ? (list.find((item) => item.code === code)?.label ?? code) : null;

/** « Compte rendu » of a meeting (pseudonymised for an RCP: nothing identifying is stored in the first place). */
export async function meetingMinutesData(
  db: Kysely<DB>,
  meetingId: number,
  now: Date,
  today: string,
): Promise<MeetingMinutesData> {
  const detail = await getMeeting(db, meetingId, today);
  const profile = await getCptsProfile(db, today);
  const organiser = detail.data.organiserMemberId
    ? (detail.participants.find((participant) => participant.memberId === detail.data.organiserMemberId)?.name ??
      detail.data.organiserLabel)
    : detail.data.organiserLabel;
  const rcp = detail.data.type === 'rcp';
  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    meeting: {
      type: detail.data.type,
      typeLabel: detail.typeLabel,
      title: detail.data.title,
      date: detail.data.date!,
      startTime: detail.data.startTime,
      endTime: detail.data.endTime,
      place: detail.data.place,
      visioUrl: detail.data.visioUrl,
      organiser: organiser ?? null,
      statusLabel: STATUS_LABELS[detail.data.status],
    },
    participants: detail.participants.map((participant) => ({
      name: participant.name,
      quality: participant.guestQuality ?? participant.professionLabel,
      attendanceLabel: label(ATTENDANCE, participant.attendance),
      minutesSpent: participant.minutesSpent,
    })),
    agenda: detail.agenda.map((item) => ({ title: item.title, minutes: item.minutes })),
    summary: detail.data.summary,
    decisions: detail.decisions.map((decision) => ({
      text: decision.text,
      owner: decision.owner,
      dueOn: decision.dueOn,
      statusLabel: label(DECISION_STATUSES, decision.status)!,
    })),
    // A file cannot be checked for a patient's identity: an RCP's compte rendu never lists attachments.
    documents: rcp ? [] : detail.documents.map((document) => document.fileName),
    rcp: rcp
      ? {
          kindLabel: detail.data.rcpKind === 'thematique' ? 'RCP thématique' : 'RCP clinique',
          theme: detail.data.theme,
          professionCount: detail.professionCount,
          minProfessions: await rcpMinProfessions(db),
          cases: detail.cases.map((rcpCase) => ({
            code: rcpCase.code,
            ageBandLabel: label(AGE_BANDS, rcpCase.ageBand)!,
            sexLabel: rcpCase.sex === 'F' ? 'Femme' : rcpCase.sex === 'M' ? 'Homme' : null,
            over75: rcpCase.over75,
            ald: rcpCase.ald,
            motif: [rcpCase.motifLabel, rcpCase.motifText].filter(Boolean).join(' — '),
            summary: rcpCase.summary,
            patientInformed: rcpCase.patientInformed,
            followUpOn: rcpCase.followUpOn,
            followUpStatusLabel: FOLLOW_UP_LABELS[rcpCase.followUpStatus],
            decisions: rcpCase.decisions.map((decision) => ({
              action: decision.action,
              owner: decision.owner,
              dueOn: decision.dueOn,
            })),
          })),
        }
      : null,
  };
}

/** « Bilan annuel des RCP »: sessions held in the year, cases, share ≥ 75 ans / ALD, professions, motifs, follow-ups. */
export async function rcpYearData(db: Kysely<DB>, year: number, now: Date, today: string): Promise<RcpYearData> {
  const profile = await getCptsProfile(db, today);
  const sessions = (await listMeetings(db, `${year}-01-01`, `${year}-12-31`, today)).filter(
    (meeting) => meeting.type === 'rcp' && meeting.status !== 'annulee',
  );
  const minProfessions = await rcpMinProfessions(db);
  const motifs = await rcpMotifs(db);
  const details: MeetingDetail[] = [];
  for (const session of sessions) details.push(await getMeeting(db, session.id, today));
  const cases = details.flatMap((detail) => detail.cases);
  const motifCounts = new Map<string, number>();
  for (const rcpCase of cases) {
    const key = rcpCase.motifCode
      ? (motifs.find((motif) => motif.code === rcpCase.motifCode)?.label ?? rcpCase.motifCode)
      : 'Non précisé';
    motifCounts.set(key, (motifCounts.get(key) ?? 0) + 1);
  }
  const professionsOf = (detail: MeetingDetail): string[] => {
    const counted = detail.participants.some((participant) => participant.attendance)
      ? detail.participants.filter((participant) => participant.attendance === 'present')
      : detail.participants;
    return [
      ...new Set(
        counted
          .map((participant) => participant.professionCode)
          .filter((code): code is string => Boolean(code) && !code!.startsWith('X-')),
      ),
    ]
      .map((code) => PROFESSION_BY_CODE.get(code)?.inclusive ?? code)
      .sort((a, b) => a.localeCompare(b, 'fr'));
  };
  const professionCounts = details.map((detail) => professionsOf(detail).length);
  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    year,
    totals: {
      sessions: details.length,
      clinical: details.filter((detail) => detail.data.rcpKind !== 'thematique').length,
      thematic: details.filter((detail) => detail.data.rcpKind === 'thematique').length,
      cases: cases.length,
      over75: cases.filter((rcpCase) => rcpCase.over75).length,
      ald: cases.filter((rcpCase) => rcpCase.ald).length,
      over75OrAld: cases.filter((rcpCase) => rcpCase.over75 || rcpCase.ald).length,
      patientInformed: cases.filter((rcpCase) => rcpCase.patientInformed).length,
      followUpsPlanned: cases.filter(
        (rcpCase) =>
          rcpCase.followUpStatus !== 'sans_objet' && (rcpCase.followUpOn || rcpCase.followUpStatus === 'fait'),
      ).length,
      followUpsDone: cases.filter((rcpCase) => rcpCase.followUpStatus === 'fait').length,
      averageProfessions: professionCounts.length
        ? Math.round((professionCounts.reduce((a, b) => a + b, 0) / professionCounts.length) * 10) / 10
        : 0,
      sessionsBelowMinimum: professionCounts.filter((count) => count < minProfessions).length,
      minProfessions,
    },
    sessions: details.map((detail) => ({
      date: detail.data.date!,
      title: detail.data.title,
      kindLabel: detail.data.rcpKind === 'thematique' ? 'Thématique' : 'Clinique',
      theme: detail.data.theme,
      professions: professionsOf(detail),
      caseCount: detail.cases.length,
    })),
    byMotif: [...motifCounts.entries()]
      .map(([motif, count]) => ({ label: motif, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr')),
    byAgeBand: AGE_BANDS.map((band) => ({
      label: band.label,
      count: cases.filter((rcpCase) => rcpCase.ageBand === band.code).length,
    })),
    themes: [...new Set(details.map((detail) => detail.data.theme).filter((theme): theme is string => Boolean(theme)))],
  };
}

export function assertYearStarted(year: number, today: string): void {
  if (year > Number(today.slice(0, 4)))
    throw new UserError('invalid_input', `L’année ${year} n’est pas encore commencée.`);
}
