/**
 * The renderer's only door to the main process: `window.api` (exposed by the preload, typed by shared/contract).
 * `call()` unwraps an ApiResult into data or a thrown ApiCallError; the hooks below put TanStack Query on top.
 */
import {
  hashKey,
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

// ---------- Cache policies ----------

/** One query entry a write answered with: stored at once in the cache, and not read again. */
export interface FreshEntry {
  key: readonly unknown[];
  data: unknown;
}

/**
 * What a successful write through channel `C` does to the cache:
 * - `stale`: the channels whose cached answers it may have changed (every query of those channels is invalidated,
 *   except the entries `fresh` just stored);
 * - `fresh`: the answers it brings back, to put in the cache at once (e.g. the member's fresh detail).
 */
export interface WritePolicy<C extends Channel = Channel> {
  stale?: readonly Channel[];
  fresh?: (data: ChannelOutput<C>, input: ChannelInput<C>) => readonly FreshEntry[];
}

/** The cache policy of one feature: its writes, each with its {@link WritePolicy}. */
export type CachePolicy = { readonly [C in Channel]?: WritePolicy<C> };

/**
 * Declares a feature's cache policy (in `features/<x>/queries.ts`); returns it unchanged, typed so that each
 * entry's `fresh` receives that channel's answer.
 */
export function defineCachePolicy<P extends CachePolicy>(policy: P): P {
  return policy;
}

/**
 * Merges several policies into one (e.g. members + collèges + cotisations). A channel declared twice keeps the
 * last declaration.
 */
export function mergeCachePolicies<P extends CachePolicy[]>(...policies: P): MergedPolicies<P> {
  return Object.assign({}, ...policies) as MergedPolicies<P>;
}

type MergedPolicies<P extends readonly unknown[]> = P extends [infer Head, ...infer Tail]
  ? Head & MergedPolicies<Tail>
  : unknown;

/** Stores what a write answered with, then invalidates what it made stale (sparing what was just stored). */
async function applyWritePolicy<C extends Channel>(
  queryClient: QueryClient,
  policy: WritePolicy<C>,
  data: ChannelOutput<C>,
  input: ChannelInput<C>,
): Promise<void> {
  const fresh = policy.fresh?.(data, input) ?? [];
  for (const entry of fresh) queryClient.setQueryData(entry.key, entry.data);
  const stored = fresh.map((entry) => hashKey(entry.key));
  await Promise.all(
    (policy.stale ?? []).map((c) =>
      queryClient.invalidateQueries({
        queryKey: [c],
        predicate: stored.length > 0 ? (query) => !stored.includes(hashKey(query.queryKey)) : undefined,
      }),
    ),
  );
}

// ---------- Writes ----------

export type MutationOptions<C extends Channel> = Omit<
  UseMutationOptions<ChannelOutput<C>, ApiCallError, ChannelInput<C>>,
  'mutationFn'
> & {
  /**
   * What the write does to the cache once it succeeded: the feature's policy for this channel (see
   * {@link defineCachePolicy}); `{}` touches nothing (an export, a write whose caller stores the answer itself).
   */
  policy: WritePolicy<C>;
};

/**
 * Writes through one channel, then applies its cache policy: stores the fresh answers it brings back and
 * invalidates the queries it made stale. The caller's `onSuccess` runs after.
 */
export function useApiMutation<C extends Channel>(channel: C, options: MutationOptions<C>) {
  const queryClient = useQueryClient();
  const { policy, onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) =>
      (call as (c: C, ...a: unknown[]) => Promise<ChannelOutput<C>>)(channel, ...(input === undefined ? [] : [input])),
    ...rest,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await applyWritePolicy(queryClient, policy, data, variables);
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}

/**
 * The write hook of a feature, bound to its cache policy: `export const useMembersWrite = createWriteHook(policy)`,
 * then `useMembersWrite('members.update', { onSuccess })`. Only the channels the policy declares are accepted.
 */
export function createWriteHook<P extends CachePolicy>(policy: P) {
  return function useWrite<C extends keyof P & Channel>(channel: C, options: Omit<MutationOptions<C>, 'policy'> = {}) {
    return useApiMutation(channel, { ...options, policy: policy[channel] as WritePolicy<C> });
  };
}
