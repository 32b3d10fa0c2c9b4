/** Query hooks of the dashboard (it writes nothing: the other features' policies keep its reads fresh). */
import { useApiQuery } from '../../api';

export { useMemberStats } from '../members/queries';

/** Meetings from `from` (ISO date) on. */
export const useMeetingsFrom = (from: string) => useApiQuery('meetings.list', [{ from }]);
export const useOverdueDecisions = () => useApiQuery('decisions.list', [{ status: 'en_retard' }]);

/** Formalities still open; closed from the assembly screens, so read again each time the dashboard opens. */
export const useOpenFormalities = () => useApiQuery('formalities.list', [{ status: 'ouvertes' }], { staleTime: 0 });
