// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createQueryClient, queryKey } from '../../renderer/src/api';
import { useMeetingsWrite } from '../../renderer/src/features/meetings/queries';
import { installRealApi } from './real-api';

type Backend = Awaited<ReturnType<typeof installRealApi>>;
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

/** A query client holding the answers the screens would have read, through the real handlers. */
async function primedClient(meetingId: number) {
  const client = createQueryClient();
  const reads = [
    queryKey('meetings.get', { id: meetingId }),
    queryKey('meetings.list', {}),
    queryKey('decisions.list', { status: 'ouvertes' }),
    queryKey('rcp.motifs'),
  ];
  for (const key of reads) {
    await client.fetchQuery({
      queryKey: key,
      queryFn: () => (call as (c: unknown, ...a: unknown[]) => Promise<unknown>)(key[0], ...key.slice(1)),
    });
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

describe('Réunions — politique du cache (vrais gestionnaires)', () => {
  it('stores the fresh meeting a decision write answers with, and marks the calendar and the decisions stale', async () => {
    backend = await installRealApi();
    const meeting = await backend.ok('meetings.create', { type: 'ca', title: 'CA de mai', date: '2026-05-20' });
    const { client, wrapper } = await primedClient(meeting.id);
    const { result } = renderHook(() => useMeetingsWrite('decisions.save'), { wrapper });

    await act(() => result.current.mutateAsync({ meetingId: meeting.id, text: 'Relancer la mairie' }));

    const detailKey = queryKey('meetings.get', { id: meeting.id });
    const stored = client.getQueryData(detailKey) as { decisions: { text: string }[] };
    expect(stored.decisions.map((d) => d.text)).toEqual(['Relancer la mairie']);
    expect(client.getQueryState(detailKey)?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKey('meetings.list', {}))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKey('decisions.list', { status: 'ouvertes' }))?.isInvalidated).toBe(true);
  });

  it('stores the motif list an added motif answers with; an export touches nothing', async () => {
    backend = await installRealApi();
    const meeting = await backend.ok('meetings.create', {
      type: 'rcp',
      title: 'RCP chutes',
      date: '2026-05-22',
      rcpKind: 'clinique',
    });
    const { client, wrapper } = await primedClient(meeting.id);
    const addMotif = renderHook(() => useMeetingsWrite('rcp.addMotif'), { wrapper });

    await act(() => addMotif.result.current.mutateAsync({ label: 'Isolement social' }));

    const motifs = client.getQueryData(queryKey('rcp.motifs')) as { label: string }[];
    expect(motifs.map((m) => m.label)).toContain('Isolement social');
    expect(client.getQueryState(queryKey('rcp.motifs'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKey('meetings.get', { id: meeting.id }))?.isInvalidated).toBe(true);

    await client.refetchQueries();
    const exportIcs = renderHook(() => useMeetingsWrite('meetings.exportIcs'), { wrapper });
    await act(() => exportIcs.result.current.mutateAsync({ meetingId: meeting.id }));
    expect(client.getQueryState(queryKey('meetings.list', {}))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKey('meetings.get', { id: meeting.id }))?.isInvalidated).toBe(false);
  });
});
