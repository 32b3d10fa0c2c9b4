import { useCallback, useContext, useEffect, useId, useLayoutEffect, useState, type ReactNode } from 'react';
import { useFormState, type Control, type FieldValues } from 'react-hook-form';
import { useBlocker, type BlockerFunction } from 'react-router-dom';
import { UnsavedChangesDialog } from './Dialog';
import { UnsavedChangesContext, useDirtyRegistry } from './dirtyRegistry';

export { UnsavedChangesDialog } from './Dialog';
export { useChangedSinceOpening } from './dirtyRegistry';

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
