import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';

/**
 * Screen state worth keeping while the app runs (the filters and scroll position of a list, for instance), so
 * that coming back from a detail page finds the screen as it was left. Nothing is written to disk.
 */
const UiStateContext = createContext<Map<string, unknown> | null>(null);

export function UiStateProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new Map<string, unknown>());
  return <UiStateContext.Provider value={store}>{children}</UiStateContext.Provider>;
}

/** Like useState, but the value outlives the screen (until the app is closed). */
export function useRememberedState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const store = useContext(UiStateContext);
  const [value, setValue] = useState<T>(() =>
    store?.has(key) ? (store.get(key) as T) : typeof initial === 'function' ? (initial as () => T)() : initial,
  );
  useEffect(() => {
    store?.set(key, value);
  }, [store, key, value]);
  return [value, setValue];
}

/** A value remembered without re-rendering (a scroll position…): read once, written when it changes. */
export function useRememberedRef<T>(key: string): { read: () => T | undefined; write: (value: T) => void } {
  const store = useContext(UiStateContext);
  return useMemo(
    () => ({
      read: () => store?.get(key) as T | undefined,
      write: (value: T) => {
        store?.set(key, value);
      },
    }),
    [store, key],
  );
}
