// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ToastProvider, useToast, type ToastInput } from '../../renderer/src/components/Toasts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Trigger({ toasts }: { toasts: ToastInput[] }) {
  const { notify } = useToast();
  return (
    <button type="button" onClick={() => toasts.forEach(notify)}>
      notifier
    </button>
  );
}

function setup(toasts: ToastInput[]) {
  vi.useFakeTimers();
  render(
    <ToastProvider>
      <Trigger toasts={toasts} />
    </ToastProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'notifier' }));
}

describe('notifications', () => {
  it('announces successes politely and errors at once, then lets them go', () => {
    setup([
      { kind: 'success', message: 'Identité enregistrée' },
      { kind: 'error', message: "L'identité n'a pas été enregistrée." },
    ]);
    const success = screen.getByText('Identité enregistrée');
    const error = screen.getByText("L'identité n'a pas été enregistrée.");
    expect(success.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    expect(error.closest('[aria-live]')?.getAttribute('aria-live')).toBe('assertive');
    act(() => vi.advanceTimersByTime(4_100));
    expect(screen.queryByText('Identité enregistrée')).toBeNull();
    expect(screen.getByText("L'identité n'a pas été enregistrée.")).toBeTruthy();
    act(() => vi.advanceTimersByTime(6_000));
    expect(screen.queryByText("L'identité n'a pas été enregistrée.")).toBeNull();
  });

  it('runs the action once and closes, and can be closed by hand', () => {
    const undo = vi.fn();
    setup([
      { kind: 'info', message: 'Grenoble retirée du territoire.', action: { label: 'Annuler', onClick: undo } },
      { kind: 'success', message: 'Autre message' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Grenoble retirée du territoire.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Fermer la notification' }));
    expect(screen.queryByText('Autre message')).toBeNull();
  });

  it('keeps one toast per key and three at most', () => {
    setup([
      { message: 'Gières ajoutée au territoire.', key: 'ajout' },
      { message: 'Eybens ajoutée au territoire.', key: 'ajout' },
      { message: 'Un' },
      { message: 'Deux' },
      { message: 'Trois' },
    ]);
    expect(screen.queryByText('Gières ajoutée au territoire.')).toBeNull();
    expect(screen.queryByText('Eybens ajoutée au territoire.')).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Fermer la notification' })).toHaveLength(3);
  });
});
