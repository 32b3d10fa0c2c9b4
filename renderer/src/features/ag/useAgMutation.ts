/**
 * Writes of the general-assembly screens. Every AG channel answers with the whole fresh {@link AgState}: it goes
 * straight into the query cache of `ag.get` for that meeting, so the quorum, the lists and the votes update at once
 * (no second read). Answers that arrive out of order never overwrite a newer state.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { AgState, Channel, ChannelOutput } from '@shared/contract';
import { queryKey, useApiMutation } from '../../api';

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
    invalidate: false,
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
