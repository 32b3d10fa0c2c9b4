/**
 * Shared bits of the general-assembly page and its Convocation and Procès-verbal tabs: tab names, French labels,
 * dates, resolution numbering, export toasts.
 */
import { useQueryClient } from '@tanstack/react-query';
import { addDays, format, parseISO } from 'date-fns';
import type { AgResolutionRow, AgState, ExportResult } from '../../../../shared/contract';
import { CONVOCATION_MODES } from '../../../../shared/schemas/ag';
import { errorMessage } from '../../api';
import type { ToastInput } from '../../components/Toasts';

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
  return resolution.adopted === null ? 'badge badge-muted' : resolution.adopted ? 'badge badge-ok' : 'badge ag-badge-rejected';
}

/**
 * Numbers the resolutions in the order of the ordre du jour, then those attached to no item (as the PDFs do).
 * Returns the number of each resolution by id.
 */
export function resolutionNumbers(resolutions: AgResolutionRow[], agenda: { id: number }[]): Map<number, number> {
  const order = new Map(agenda.map((item, index) => [item.id, index]));
  const sorted = [...resolutions].sort(
    (a, b) => (order.get(a.agendaItemId ?? -1) ?? 1e9) - (order.get(b.agendaItemId ?? -1) ?? 1e9) || a.position - b.position || a.id - b.id,
  );
  return new Map(sorted.map((resolution, index) => [resolution.id, index + 1]));
}

/** Resolutions attached to no item of this ordre du jour. */
export function looseResolutions(resolutions: AgResolutionRow[], agenda: { id: number }[]): AgResolutionRow[] {
  return resolutions.filter((resolution) => resolution.agendaItemId === null || !agenda.some((item) => item.id === resolution.agendaItemId));
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

/** Toasts of an export: the path on success, « Export annulé » when the dialog was cancelled, the French error. */
export function exportToasts(notify: (toast: ToastInput) => number, words: { saved: string; failed: string }) {
  return {
    onSuccess: (result: ExportResult) => {
      if (result.saved) notify({ kind: 'success', message: `${words.saved} : ${result.path}` });
      else notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
    },
    onError: (error: unknown) => notify({ kind: 'error', message: `${words.failed} : ${errorMessage(error)}` }),
  };
}
