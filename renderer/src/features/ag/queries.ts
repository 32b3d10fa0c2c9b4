/**
 * Cache policy of the general assembly and of its statutory rules.
 *
 * Most AG channels answer with the whole fresh {@link AgState}: `useAgMutation` puts it straight into the query
 * cache of `ag.get` for that meeting, so the quorum, the lists and the votes update at once (no second read).
 * Answers that arrive out of order never overwrite a newer state. The other writes of the AG screens declare what
 * they make stale in `agPolicy` and go through `useAgWrite`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { AgState, Channel, ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, queryKey, useApiMutation } from '../../api';

/** The statutory rules answer with the fresh list of versions; the assemblies read the rules in force at their date. */
const rulesWrite = {
  stale: ['ag.get'],
  fresh: (data: ChannelOutput<'rules.list'>) => [{ key: queryKey('rules.list'), data }],
} as const;

export const agPolicy = defineCachePolicy({
  // A new meeting: the assemblies, the meeting pages and the list of meetings.
  'ag.createSecondConvocation': { stale: ['ag.get', 'meetings.get', 'meetings.list'] },
  'formalities.save': { stale: ['ag.get', 'formalities.list'] },
  'rules.save': rulesWrite,
  'rules.delete': rulesWrite,
  // Exports: nothing to refresh.
  'reports.exportConvocation': {},
  'reports.exportPv': {},
  'reports.exportAttendanceSheet': {},
  'ag.exportConvocationMails': {},
});

/** The writes of the AG screens that do not answer with the AgState: `useAgWrite('rules.save')`. */
export const useAgWrite = createWriteHook(agPolicy);

/** The AG channels that answer with the fresh AgState. */
export type AgStateChannel = {
  [C in Channel]: C extends `ag.${string}` ? (ChannelOutput<C> extends AgState ? C : never) : never;
}[Channel];

/** Order of the writes issued by this window, per meeting: an older answer never replaces a newer one. */
const issued = new Map<number, number>();
const applied = new Map<number, number>();

export function agQueryKey(meetingId: number) {
  return queryKey('ag.get', { meetingId });
}

export function useAgMutation<C extends AgStateChannel>(channel: C) {
  const client = useQueryClient();
  // The sequence number of each call, keyed by its input object.
  const sequence = useRef(new WeakMap<object, number>());
  return useApiMutation(channel, {
    // The answer is stored below, in order: nothing else to refresh.
    policy: {},
    onMutate: (input) => {
      const meetingId = (input as { meetingId: number }).meetingId;
      const next = (issued.get(meetingId) ?? 0) + 1;
      issued.set(meetingId, next);
      sequence.current.set(input as object, next);
      return undefined;
    },
    onSuccess: (data, input) => {
      const state = data as AgState;
      const order = sequence.current.get(input as object) ?? 0;
      if (order < (applied.get(state.meetingId) ?? 0)) return;
      applied.set(state.meetingId, order);
      client.setQueryData(agQueryKey(state.meetingId), state);
    },
  });
}
