import { createEvents, type EventAttributes } from 'ics';
import type { MeetingListRow } from '@shared/contract';
import { UserError } from './errors';

/** Meetings as an iCalendar file (.ics) that any calendar imports; times are local, converted to UTC by the library. */
export function meetingsToIcs(
  meetings: (MeetingListRow & { visioUrl?: string | null; summary?: string | null })[],
  cptsName: string,
): string {
  const events: EventAttributes[] = meetings
    .filter((meeting) => meeting.status !== 'annulee')
    .map((meeting) => {
      const [year, month, day] = meeting.date.split('-').map(Number) as [number, number, number];
      const time = (value: string | null) => (value ? (value.split(':').map(Number) as [number, number]) : null);
      const start = time(meeting.startTime);
      const end = time(meeting.endTime);
      const base = {
        title: `${meeting.title} (${meeting.typeLabel})`,
        location: meeting.place ?? undefined,
        description: [cptsName, meeting.visioUrl ? `Visioconférence : ${meeting.visioUrl}` : null]
          .filter(Boolean)
          .join('\n'),
        uid: `reunion-${meeting.id}@maillage.local`,
        productId: 'Maillage',
        calName: cptsName,
      };
      if (!start) {
        return { ...base, start: [year, month, day], duration: { days: 1 } } as EventAttributes;
      }
      return {
        ...base,
        start: [year, month, day, start[0], start[1]],
        startInputType: 'local',
        startOutputType: 'utc',
        ...(end
          ? { end: [year, month, day, end[0], end[1]], endInputType: 'local', endOutputType: 'utc' }
          : { duration: { hours: 2 } }),
      } as EventAttributes;
    });
  if (events.length === 0)
    throw new UserError('conflict', 'Aucune réunion (non annulée) à exporter sur cette période.');
  const { error, value } = createEvents(events);
  if (error || !value) throw new UserError('internal', 'Le calendrier n’a pas pu être produit.');
  return value;
}
