import { useEffect, type ReactNode } from 'react';

/** A screen: sets the window title and renders the heading and an optional introduction. */
export function Page({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  useEffect(() => {
    document.title = `${title} — Maillage`;
  }, [title]);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <header className="page-header">
        <h1>{title}</h1>
        {intro && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </div>
  );
}

/** The loading and error states of a query, in French. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="muted" role="status">
      {label}
    </p>
  );
}

export function QueryError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </div>
  );
}
