import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './Toasts.css';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastInput {
  kind?: ToastKind;
  message: string;
  /** One optional action, e.g. « Annuler ». Clicking it dismisses the toast. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it disappears; errors stay longer. */
  duration?: number;
  /** A new toast with the same key replaces the previous one (e.g. a run of « ajoutée au territoire »). */
  key?: string;
}

interface Toast extends Required<Omit<ToastInput, 'action' | 'key'>> {
  id: number;
  action?: ToastInput['action'];
  key?: string;
}

interface ToastApi {
  notify: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const DEFAULT_DURATION: Record<ToastKind, number> = { success: 4_000, info: 6_000, error: 10_000 };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const notify = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    const kind = input.kind ?? 'success';
    const duration = input.duration ?? (input.action ? 10_000 : DEFAULT_DURATION[kind]);
    // Keep at most 3 notifications on screen, and one per key.
    setToasts((current) => [
      ...current.filter((toast) => input.key === undefined || toast.key !== input.key).slice(-2),
      { id, kind, message: input.message, action: input.action, duration, key: input.key },
    ]);
    return id;
  }, []);

  const value = useMemo(() => ({ notify, dismiss }), [notify, dismiss]);
  const polite = toasts.filter((toast) => toast.kind !== 'error');
  const assertive = toasts.filter((toast) => toast.kind === 'error');

  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        {/* Two live regions: errors are announced at once, the rest politely. */}
        <div aria-live="assertive" aria-relevant="additions text" className="toast-stack">
          {assertive.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
        <div aria-live="polite" aria-relevant="additions text" className="toast-stack">
          {polite.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), toast.duration);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, toast.duration, onDismiss]);

  return (
    // A keyboard user who reaches the toast's buttons gets all the time they need.
    <div className={`toast toast-${toast.kind}`} onFocus={() => setPaused(true)} onBlur={() => setPaused(false)}>
      <span className="toast-icon" aria-hidden="true">
        {toast.kind === 'error' ? '!' : toast.kind === 'success' ? '✓' : 'i'}
      </span>
      <p className="toast-message">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          className="button button-small toast-action"
          onClick={() => {
            toast.action?.onClick();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Fermer la notification"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
