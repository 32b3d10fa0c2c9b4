/**
 * Shared bits of the general-assembly page and its Convocation and Procès-verbal tabs: tab names, French labels,
 * dates, resolution numbering.
 */
import { useQueryClient } from '@tanstack/react-query';
import { addDays, format, parseISO } from 'date-fns';
import type { AgResolutionRow, AgState } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { CONVOCATION_MODES } from '@shared/schemas/ag';

export const AG_TABS = [
  { code: 'convocation', label: 'Convocation' },
  { code: 'pouvoirs', label: 'Pouvoirs' },
  { code: 'emargement', label: 'Émargement en direct' },
  { code: 'votes', label: 'Votes' },
  { code: 'pv', label: 'Procès-verbal' },
] as const;
export type AgTab = (typeof AG_TABS)[number]['code'];

export function isAgTab(value: string | null): value is AgTab {
  return AG_TABS.some((tab) => tab.code === value);
}

export { CONVOCATION_MODES };

export function convocationModeLabel(code: string | null): string {
  return CONVOCATION_MODES.find((mode) => mode.code === code)?.label ?? '';
}

/** « Assemblée » for the general assemblies, « Séance » for the CA and the bureau. */
export function sessionWord(meetingType: string): 'Assemblée' | 'Séance' {
  return meetingType === 'ca' || meetingType === 'bureau' ? 'Séance' : 'Assemblée';
}

/** Today in local time, as yyyy-mm-dd. */
export function todayIso(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** The session is on a later day: an arrival or a vote recorded now is probably a mistake, so the screens ask first. */
export function beforeSessionDay(state: Pick<AgState, 'date'>): boolean {
  return state.date > todayIso();
}

/** « La séance est prévue le 12 mars 2027 : enregistrer quand même une arrivée aujourd’hui ? » */
export function beforeDateQuestion(state: Pick<AgState, 'date'>, what: 'une arrivée' | 'un vote'): string {
  return `La séance est prévue le ${formatDateLong(state.date)} : enregistrer quand même ${what} aujourd’hui ?`;
}

/**
 * Default date of approval of the procès-verbal: today (the computer's date) once the meeting day has come, the
 * meeting's date otherwise (the main process refuses to approve the PV of an assembly not held yet, or on a future
 * date).
 */
export function defaultApprovalDate(meetingDate: string, today: string = todayIso()): string {
  return meetingDate < today ? today : meetingDate;
}

export function addDaysIso(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

/** The delay of the second convocation, read from the French message of the rules (« … au moins 15 jours avant »). */
export function secondConvocationDelay(state: AgState): number {
  const match = /au moins (\d+) jours?/.exec(state.secondConvocation.message);
  return match ? Number(match[1]) : state.convocation.requiredDays;
}

export function resultLabel(resolution: Pick<AgResolutionRow, 'adopted'>): string {
  return resolution.adopted === null ? 'Non votée' : resolution.adopted ? 'Adoptée' : 'Rejetée';
}

export function resultBadgeClass(resolution: Pick<AgResolutionRow, 'adopted'>): string {
  return resolution.adopted === null
    ? 'badge badge-muted'
    : resolution.adopted
      ? 'badge badge-ok'
      : 'badge ag-badge-rejected';
}

/**
 * The resolutions in the order of the ordre du jour, then those attached to no item (as the PDFs do), each with
 * its number: the one the convocation, the votes, the procès-verbal and the PDFs all use.
 */
export function numberedResolutions(
  resolutions: AgResolutionRow[],
  agenda: { id: number }[],
): { resolution: AgResolutionRow; number: number }[] {
  const order = new Map(agenda.map((item, index) => [item.id, index]));
  const rank = (resolution: AgResolutionRow) => order.get(resolution.agendaItemId ?? -1) ?? 1e9;
  const sorted = [...resolutions].sort((a, b) => rank(a) - rank(b) || a.position - b.position || a.id - b.id);
  return sorted.map((resolution, index) => ({ resolution, number: index + 1 }));
}

/** The number of each resolution by id (see {@link numberedResolutions}). */
export function resolutionNumbers(resolutions: AgResolutionRow[], agenda: { id: number }[]): Map<number, number> {
  return new Map(numberedResolutions(resolutions, agenda).map(({ resolution, number }) => [resolution.id, number]));
}

/** Resolutions attached to no item of this ordre du jour. */
export function looseResolutions(resolutions: AgResolutionRow[], agenda: { id: number }[]): AgResolutionRow[] {
  return resolutions.filter(
    (resolution) => resolution.agendaItemId === null || !agenda.some((item) => item.id === resolution.agendaItemId),
  );
}

/**
 * After the PV is approved or reopened: the meeting's status (« tenue ») and the formalities listed on the
 * dashboard may have changed. (The AgState itself goes into the cache through useAgMutation.)
 */
export function useRefreshAfterPv() {
  const client = useQueryClient();
  return (meetingId: number) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['meetings.get', { id: meetingId }] }),
      client.invalidateQueries({ queryKey: ['meetings.list'] }),
      client.invalidateQueries({ queryKey: ['formalities.list'] }),
    ]);
}
