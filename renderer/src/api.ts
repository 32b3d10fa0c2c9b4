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
import type { ApiErrorCode, ApiResult, Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

/** An error answered by the main process (or raised when it cannot be reached), with a French message. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  /** Per-field French messages keyed by dotted path, when the main process refused a form. */
  readonly fields: Record<string, string>;
  readonly channel: Channel | null;

  constructor(code: ApiErrorCode, message: string, fields: Record<string, string> = {}, channel: Channel | null = null) {
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

/** Channels whose cached answers a write may change. */
const DATA_CHANNELS: Channel[] = ['cpts.get', 'territory.get', 'communes.search'];

type MutationOptions<C extends Channel> = Omit<
  UseMutationOptions<ChannelOutput<C>, ApiCallError, ChannelInput<C>>,
  'mutationFn'
> & {
  /** Invalidate the data channels after success (default true). */
  invalidate?: boolean;
};

/** Writes through one channel, then refreshes `cpts.get`, `territory.get` and the commune searches. */
export function useApiMutation<C extends Channel>(channel: C, options: MutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  const { invalidate = true, onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) => (call as (c: C, ...a: unknown[]) => Promise<ChannelOutput<C>>)(channel, ...(input === undefined ? [] : [input])),
    ...rest,
    onSuccess: async (data, variables, onMutateResult, context) => {
      if (invalidate) {
        // The writes of the contract answer with the fresh profile or territory: use it at once.
        if (channel === 'cpts.saveIdentity' || channel === 'cpts.saveLifecycle') {
          queryClient.setQueryData(queryKey('cpts.get'), data);
        }
        if (channel === 'territory.addCommunes' || channel === 'territory.removeCommune') {
          queryClient.setQueryData(queryKey('territory.get'), data);
        }
        await Promise.all(DATA_CHANNELS.map((c) => queryClient.invalidateQueries({ queryKey: [c] })));
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
