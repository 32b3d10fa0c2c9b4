/**
 * Recording arrivals and departures during the check-in: one call at a time per member, the French sentence of
 * what happened, and the two questions asked first (a mandataire leaving with pouvoirs, an arrival before the
 * session's day).
 */
import { useState, type RefObject } from 'react';
import type { AgProxyRow, AgState, AgVoterRow } from '@shared/contract';
import { errorMessage } from '../../../api';
import { useToast } from '../../../components/Toasts';
import { beforeSessionDay } from '../agLabels';
import { formatTime, pl } from '../QuorumPanel';
import { useAgMutation } from '../queries';

/** What happened, in one French sentence, once the service answered. */
function presenceMessage(state: AgState, memberId: number, proxies: Map<number, AgProxyRow>): string {
  const voter = state.voters.find((row) => row.id === memberId);
  if (!voter) {
    const other = state.nonVoters.find((row) => row.id === memberId);
    if (!other) return '';
    return `${other.name} : ${other.present ? 'arrivée' : 'départ'} enregistré${other.present ? 'e' : ''} (sans droit de vote, ne compte pas dans le quorum).`;
  }
  const parts = [
    voter.present
      ? `${voter.name} : arrivée enregistrée à ${formatTime(voter.arrivedAt)}.`
      : `${voter.name} : départ enregistré à ${formatTime(voter.leftAt)}.`,
  ];
  if (voter.present && voter.proxyGiven !== null) {
    const given = proxies.get(voter.proxyGiven);
    if (given && !given.counted)
      parts.push(`Son pouvoir à ${given.mandataireName} ne compte pas pendant sa présence (${given.reason}).`);
  }
  const held = voter.proxiesHeld.map((id) => proxies.get(id)).filter((proxy): proxy is AgProxyRow => Boolean(proxy));
  if (!voter.present && held.length > 0) {
    parts.push(
      `${held.length === 1 ? 'Le pouvoir détenu ne compte plus' : `Les ${held.length} pouvoirs détenus ne comptent plus`} (mandataire absent).`,
    );
  } else if (voter.present && held.some((proxy) => proxy.counted)) {
    const counted = held.filter((proxy) => proxy.counted).length;
    parts.push(`${counted} ${pl(counted, 'pouvoir détenu compte', 'pouvoirs détenus comptent')} désormais.`);
  }
  return parts.join(' ');
}

export function usePresence(state: AgState, readOnly: boolean, searchRef: RefObject<HTMLInputElement | null>) {
  const mutation = useAgMutation('ag.setPresence');
  const { notify } = useToast();
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState('');
  /** A mandataire about to leave: their pouvoirs will stop counting, so we ask first. */
  const [departing, setDeparting] = useState<AgVoterRow | null>(null);
  const [departError, setDepartError] = useState<string | null>(null);
  /** Before the session's day, the first arrival asks; once confirmed, the others of this check-in follow. */
  const [earlyArrival, setEarlyArrival] = useState<number | null>(null);
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const [earlyError, setEarlyError] = useState<string | null>(null);

  /** Records an arrival or a departure; answers the French reason of a refusal, or null. */
  const setPresence = async (
    memberId: number,
    present: boolean,
    confirmed = earlyConfirmed,
  ): Promise<string | null> => {
    if (readOnly || pending.has(memberId)) return null;
    if (present && !confirmed && beforeSessionDay(state)) {
      setEarlyError(null);
      setEarlyArrival(memberId);
      return null;
    }
    setPending((current) => new Set(current).add(memberId));
    try {
      const next = await mutation.mutateAsync({
        meetingId: state.meetingId,
        memberId,
        present,
        confirmedBeforeDate: present && confirmed ? true : undefined,
      });
      setMessage(presenceMessage(next, memberId, new Map(next.proxies.map((proxy) => [proxy.id, proxy]))));
      // The row may have left the list (filter « Absents »…): the focus goes back to the search box.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) searchRef.current?.focus({ preventScroll: true });
      });
      return null;
    } catch (error) {
      return errorMessage(error);
    } finally {
      setPending((current) => {
        const next = new Set(current);
        next.delete(memberId);
        return next;
      });
    }
  };

  const toggle = async (memberId: number, present: boolean) => {
    const failure = await setPresence(memberId, present);
    if (failure) notify({ kind: 'error', message: failure });
  };

  /** The row's button: a departure of a member holding pouvoirs is confirmed first. */
  const onRowToggle = (memberId: number, present: boolean) => {
    if (readOnly) return;
    const voter = present ? undefined : state.voters.find((row) => row.id === memberId);
    if (voter && voter.proxiesHeld.length > 0) {
      setDepartError(null);
      setDeparting(voter);
      return;
    }
    void toggle(memberId, present);
  };

  const confirmDeparture = async () => {
    if (!departing) return;
    setDepartError(null);
    const failure = await setPresence(departing.id, false);
    if (failure) setDepartError(failure);
    else setDeparting(null);
  };

  const confirmEarlyArrival = async () => {
    if (earlyArrival === null) return;
    setEarlyError(null);
    const failure = await setPresence(earlyArrival, true, true);
    if (failure) {
      setEarlyError(failure);
      return;
    }
    setEarlyConfirmed(true);
    setEarlyArrival(null);
  };

  return {
    pending,
    message,
    setMessage,
    toggle,
    onRowToggle,
    departure: {
      voter: departing,
      error: departError,
      confirm: confirmDeparture,
      cancel: () => {
        setDeparting(null);
        setDepartError(null);
      },
    },
    earlyArrival: {
      memberId: earlyArrival,
      error: earlyError,
      confirm: confirmEarlyArrival,
      cancel: () => {
        setEarlyArrival(null);
        setEarlyError(null);
      },
    },
  };
}

export type Presence = ReturnType<typeof usePresence>;
