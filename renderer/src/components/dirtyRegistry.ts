/**
 * The registry of the forms holding unsaved changes, shared by the guard of the screens (UnsavedChanges.tsx) and
 * the modal dialogs (Dialog.tsx), which both read it.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

/**
 * Which forms hold changes not yet saved, and since when (a counter, not a clock). Forms say so with
 * `useUnsavedChangesGuard(isDirty)`; the provider asks before they are lost.
 */
export interface DirtyRegistry {
  set: (id: string, dirty: boolean) => void;
  any: () => boolean;
  /** The current point in the sequence: what becomes dirty after it is newer. */
  mark: () => number;
  /** Whether a form still dirty became so after `mark`. */
  changedSince: (mark: number) => boolean;
}

/** A registry whose owner re-renders only when a form turns dirty or clean (not at every keystroke). */
export function useDirtyRegistry(): DirtyRegistry {
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

export const UnsavedChangesContext = createContext<DirtyRegistry | null>(null);

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
