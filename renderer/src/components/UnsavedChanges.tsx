import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useFormState, type Control, type FieldValues } from 'react-hook-form';
import { useBlocker, type BlockerFunction } from 'react-router-dom';
import { ConfirmDialog } from './Dialog';

/**
 * Which forms hold changes not yet saved, and since when (a counter, not a clock). Forms say so with
 * `useUnsavedChangesGuard(isDirty)`; the provider asks before they are lost.
 */
interface DirtyRegistry {
  set: (id: string, dirty: boolean) => void;
  any: () => boolean;
  /** The current point in the sequence: what becomes dirty after it is newer. */
  mark: () => number;
  /** Whether a form still dirty became so after `mark`. */
  changedSince: (mark: number) => boolean;
}

/** A registry whose owner re-renders only when a form turns dirty or clean (not at every keystroke). */
function useDirtyRegistry(): DirtyRegistry {
  const dirtySince = useRef(new Map<string, number>());
  const sequence = useRef(0);
  const [, setVersion] = useState(0);
  return useMemo(
    () => ({
      set: (id, isDirty) => {
        if (dirtySince.current.has(id) === isDirty) return;
        if (isDirty) dirtySince.current.set(id, ++sequence.current);
        else dirtySince.current.delete(id);
        setVersion((version) => version + 1);
      },
      any: () => dirtySince.current.size > 0,
      mark: () => sequence.current,
      changedSince: (mark) => [...dirtySince.current.values()].some((since) => since > mark),
    }),
    [],
  );
}

const UnsavedChangesContext = createContext<DirtyRegistry | null>(null);

/**
 * For a modal dialog: whether a form changed since it opened and still holds unsaved changes. A modal leaves the
 * page behind it out of reach, so a form that turned dirty meanwhile is the dialog's own (even when the state
 * lives in the component that renders the dialog).
 */
export function useChangedSinceOpening(): () => boolean {
  const registry = useContext(UnsavedChangesContext);
  const [opened] = useState(() => registry?.mark() ?? 0);
  return useCallback(() => registry?.changedSince(opened) ?? false, [registry, opened]);
}

/**
 * Declares that this form holds changes not yet saved (react-hook-form's `formState.isDirty`, or the screen's own
 * flag). While it is true, leaving the page (another screen, another tab of the page, closing the window) and
 * closing the modal dialog that holds the form ask « Quitter sans enregistrer ? » first. After a successful save,
 * the form resets itself and is no longer dirty: nothing is asked.
 */
export function useUnsavedChangesGuard(isDirty: boolean): void {
  const registry = useContext(UnsavedChangesContext);
  const id = useId();
  // Layout effects, so that a form saved then left in the same click is seen clean as early as possible.
  useLayoutEffect(() => {
    registry?.set(id, isDirty);
  }, [registry, id, isDirty]);
  useLayoutEffect(() => () => registry?.set(id, false), [registry, id]);
}

/** The same for a react-hook-form form, given its `control` (`formState.isDirty`: false again after `reset`). */
export function useUnsavedFormGuard<T extends FieldValues, C, R>(control: Control<T, C, R>): void {
  useUnsavedChangesGuard(useFormState({ control }).isDirty);
}

/**
 * The same for a form kept in plain state: dirty when `values` differ (Object.is) from what they were when `since`
 * last changed identity — pass the stored record the form edits (refreshed after a save), or `editing && record`
 * for a form that opens and closes; never dirty while `since` is false or null.
 */
export function useUnsavedValuesGuard(values: readonly unknown[], since: unknown = true): void {
  const [baseline, setBaseline] = useState<{ since: unknown; values: readonly unknown[] }>(() => ({ since, values }));
  const current = Object.is(baseline.since, since) ? baseline : { since, values };
  // Adjusting state while rendering (React's pattern for state derived from props): no extra commit.
  if (current !== baseline) setBaseline(current);
  const open = since !== false && since !== null && since !== undefined;
  useUnsavedChangesGuard(open && values.some((value, index) => !Object.is(value, current.values[index])));
}

/** « Modifications non enregistrées » — stay (the default, also Escape) or leave without saving. */
export function UnsavedChangesDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <ConfirmDialog
      title="Modifications non enregistrées"
      cancelLabel="Rester sur la page"
      confirmLabel="Quitter sans enregistrer"
      danger
      onCancel={onStay}
      onConfirm={onLeave}
    >
      <p>Vous avez modifié ce formulaire sans l’enregistrer. Quitter sans enregistrer ?</p>
    </ConfirmDialog>
  );
}

/**
 * Around the app's screens (inside the router): blocks navigation while a form is dirty and asks; asks the window
 * too before it closes or reloads (`beforeunload`; the main process turns it into a French question).
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const registry = useDirtyRegistry();
  const dirty = registry.any();
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      registry.any() &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [registry],
  );
  const blocker = useBlocker(shouldBlock);

  // A form saved and left in the same click was still dirty when the router asked: it is clean now, go on.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!registry.any()) return;
      event.preventDefault();
      // Older engines read returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [registry]);

  return (
    <UnsavedChangesContext.Provider value={registry}>
      {children}
      {blocker.state === 'blocked' && dirty && (
        <UnsavedChangesDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />
      )}
    </UnsavedChangesContext.Provider>
  );
}
