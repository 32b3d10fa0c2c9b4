/**
 * The renderer's only door to the main process: `window.api` (exposed by the preload, typed by shared/contract).
 * `call()` unwraps an ApiResult into data or a thrown ApiCallError; the hooks below put TanStack Query on top.
 */
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { ApiErrorCode, ApiResult, Channel, ChannelInput, ChannelOutput } from '@shared/contract';

/** An error answered by the main process (or raised when it cannot be reached), with a French message. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  /** Per-field French messages keyed by dotted path, when the main process refused a form. */
  readonly fields: Record<string, string>;
  readonly channel: Channel | null;

  constructor(
    code: ApiErrorCode,
    message: string,
    fields: Record<string, string> = {},
    channel: Channel | null = null,
  ) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.fields = fields;
    this.channel = channel;
  }
}

/** Arguments of `call()`: no input for the channels that take none. */
export type CallArgs<C extends Channel> = ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>];

const UNREACHABLE = "Maillage n'arrive pas à joindre sa base de données. Fermez puis rouvrez l'application.";

/** Calls one channel of the contract and returns its data, or throws an {@link ApiCallError}. */
export async function call<C extends Channel>(channel: C, ...args: CallArgs<C>): Promise<ChannelOutput<C>> {
  const api = typeof window !== 'undefined' ? window.api : undefined;
  const fn = api?.[channel] as unknown as ((input?: unknown) => Promise<ApiResult<ChannelOutput<C>>>) | undefined;
  if (typeof fn !== 'function') throw new ApiCallError('internal', UNREACHABLE, {}, channel);

  let result: ApiResult<ChannelOutput<C>>;
  try {
    result = args.length > 0 ? await fn(args[0]) : await fn();
  } catch {
    throw new ApiCallError('internal', UNREACHABLE, {}, channel);
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiCallError('internal', 'Réponse inattendue de l’application. Réessayez.', {}, channel);
  }
  if (result.ok) return result.data;
  const { code, message, fields } = result.error;
  throw new ApiCallError(code, message || 'Une erreur est survenue.', fields ?? {}, channel);
}

/** The French message to show for any error (an ApiCallError's own message, or a generic one). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Une erreur inattendue est survenue. Réessayez ; si le problème persiste, redémarrez Maillage.';
}

// ---------- Query keys ----------

/** Query key of a channel: `[channel]` or `[channel, input]`. */
export function queryKey<C extends Channel>(channel: C, ...args: CallArgs<C>): readonly unknown[] {
  return args.length > 0 ? [channel, args[0]] : [channel];
}

// ---------- Query client ----------

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Local IPC: the data only changes through our own mutations, which invalidate what they touch.
        staleTime: 60_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // Retry once only for unexpected failures, never for a refusal with a French message.
        retry: (failureCount, error) =>
          failureCount < 1 && (!(error instanceof ApiCallError) || error.code === 'internal'),
      },
      mutations: { retry: false },
    },
  });
}

// ---------- Hooks ----------

type QueryOptions<C extends Channel> = Omit<
  UseQueryOptions<ChannelOutput<C>, ApiCallError, ChannelOutput<C>, readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** Reads one channel through the query cache. */
export function useApiQuery<C extends Channel>(channel: C, args: CallArgs<C>, options: QueryOptions<C> = {}) {
  return useQuery<ChannelOutput<C>, ApiCallError, ChannelOutput<C>, readonly unknown[]>({
    queryKey: queryKey(channel, ...args),
    queryFn: () => call(channel, ...args),
    ...options,
  });
}

/** Channels whose cached answers a write of the CPTS or of its territory may change. */
const DATA_CHANNELS: Channel[] = ['cpts.get', 'territory.get', 'communes.search', 'members.stats'];

/** Channels whose cached answers a write of the members, collèges or cotisation amounts may change. */
const MEMBER_CHANNELS: Channel[] = [
  'members.list',
  'members.get',
  'members.stats',
  'colleges.list',
  'cotisationRates.list',
  'ag.get',
];

/** Channels whose cached answers a write of a meeting, its decisions or its RCP cases may change. */
const MEETING_CHANNELS: Channel[] = ['meetings.list', 'meetings.get', 'decisions.list', 'rcp.motifs', 'ag.get'];

/** Channels whose cached answers a write of an assembly, its formalities or the statutory rules may change. */
const ASSEMBLY_CHANNELS: Channel[] = [
  'ag.get',
  'formalities.list',
  'meetings.list',
  'meetings.get',
  'rules.list',
  'settings.get',
];

/** Writes that answer with the fresh detail of one meeting (addDocument may answer « cancelled »). */
const MEETING_DETAIL_WRITES = new Set<Channel>([
  'meetings.create',
  'meetings.update',
  'meetings.saveAgenda',
  'meetings.saveParticipants',
  'meetings.addDocument',
  'meetings.deleteDocument',
  'decisions.save',
  'decisions.delete',
  'rcp.saveCase',
  'rcp.deleteCase',
]);

/** What a successful write through `channel` makes stale. */
export function staleAfter(channel: Channel): Channel[] {
  if (channel.startsWith('meetings.') || channel.startsWith('decisions.') || channel.startsWith('rcp.')) {
    return MEETING_CHANNELS;
  }
  if (channel.startsWith('members.') || channel.startsWith('colleges.') || channel.startsWith('cotisationRates.')) {
    return MEMBER_CHANNELS;
  }
  if (
    channel.startsWith('ag.') ||
    channel.startsWith('formalities.') ||
    channel.startsWith('rules.') ||
    channel.startsWith('settings.')
  ) {
    return ASSEMBLY_CHANNELS;
  }
  return DATA_CHANNELS;
}

/** Writes that answer with the fresh detail of one member. */
const MEMBER_DETAIL_WRITES = new Set<Channel>([
  'members.create',
  'members.update',
  'members.depart',
  'members.reinstate',
  'members.setCotisation',
  'members.deleteCotisation',
  'members.addMandate',
  'members.deleteMandate',
]);

type MutationOptions<C extends Channel> = Omit<
  UseMutationOptions<ChannelOutput<C>, ApiCallError, ChannelInput<C>>,
  'mutationFn'
> & {
  /** Invalidate the data channels after success (default true). */
  invalidate?: boolean;
};

/**
 * Writes through one channel, then refreshes what it may have changed: `cpts.get`, `territory.get` and the
 * commune searches for the CPTS and territory writes; the member list, details, statistics, collèges and
 * cotisation amounts for the member writes.
 */
export function useApiMutation<C extends Channel>(channel: C, options: MutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  const { invalidate = true, onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) =>
      (call as (c: C, ...a: unknown[]) => Promise<ChannelOutput<C>>)(channel, ...(input === undefined ? [] : [input])),
    ...rest,
    onSuccess: async (data, variables, onMutateResult, context) => {
      if (invalidate) {
        // The writes of the contract answer with the fresh profile, territory or member: use it at once.
        if (channel === 'cpts.saveIdentity' || channel === 'cpts.saveLifecycle') {
          queryClient.setQueryData(queryKey('cpts.get'), data);
        }
        if (channel === 'territory.addCommunes' || channel === 'territory.removeCommune') {
          queryClient.setQueryData(queryKey('territory.get'), data);
        }
        if (channel === 'colleges.save' || channel === 'colleges.delete') {
          queryClient.setQueryData(queryKey('colleges.list'), data);
        }
        if (channel === 'cotisationRates.save') {
          queryClient.setQueryData(queryKey('cotisationRates.list'), data);
        }
        if (MEMBER_DETAIL_WRITES.has(channel)) {
          const detail = data as ChannelOutput<'members.get'>;
          queryClient.setQueryData(queryKey('members.get', { id: detail.id }), detail);
        }
        if (channel === 'rcp.addMotif') {
          queryClient.setQueryData(queryKey('rcp.motifs'), data);
        }
        const meetingDetail =
          MEETING_DETAIL_WRITES.has(channel) && data && typeof data === 'object' && 'id' in data
            ? (data as ChannelOutput<'meetings.get'>)
            : null;
        if (meetingDetail) queryClient.setQueryData(queryKey('meetings.get', { id: meetingDetail.id }), meetingDetail);
        const stale = staleAfter(channel);
        await Promise.all(
          stale.map((c) =>
            queryClient.invalidateQueries({
              queryKey: [c],
              // The detail we just stored is fresh: do not read it again.
              predicate: MEMBER_DETAIL_WRITES.has(channel)
                ? (query) =>
                    !(
                      c === 'members.get' &&
                      (query.queryKey[1] as { id?: number } | undefined)?.id === (data as { id: number }).id
                    )
                : meetingDetail
                  ? (query) =>
                      !(
                        c === 'meetings.get' &&
                        (query.queryKey[1] as { id?: number } | undefined)?.id === meetingDetail.id
                      )
                  : channel === 'rcp.addMotif'
                    ? () => c !== 'rcp.motifs'
                    : undefined,
            }),
          ),
        );
      }
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}

// Convenience hooks for the channels the screens read.
export const useCptsProfile = () => useApiQuery('cpts.get', []);
export const useTerritory = () => useApiQuery('territory.get', []);
export const useArsRegions = () => useApiQuery('reference.arsRegions', [], { staleTime: Infinity });
export const useAppInfo = () => useApiQuery('app.info', [], { staleTime: Infinity });
export const useMembers = () => useApiQuery('members.list', []);
export const useColleges = () => useApiQuery('colleges.list', []);
export const useCotisationRates = () => useApiQuery('cotisationRates.list', []);
