/** Query hooks of the application itself (not of one feature). */
import { useApiQuery } from './api';

/** Version and build of the application: never changes while it runs. */
export const useAppInfo = () => useApiQuery('app.info', [], { staleTime: Infinity });
