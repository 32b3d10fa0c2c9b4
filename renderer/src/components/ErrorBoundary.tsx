import { Component, type ErrorInfo, type ReactNode } from 'react';
import './ErrorBoundary.css';

interface Props {
  children: ReactNode;
  /** Change it (e.g. the route) to leave the error state. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Catches a rendering error and shows a French message instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Erreur d’affichage', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-page" role="alert">
        <h1>Un problème d’affichage est survenu</h1>
        <p>
          Cette page n’a pas pu s’afficher. Vos données enregistrées ne sont pas perdues : elles sont conservées dans la
          base de données de Maillage.
        </p>
        <p>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Réessayer
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
            Recharger l’application
          </button>
        </p>
        <details>
          <summary>Détail technique</summary>
          <pre>{error.message}</pre>
        </details>
      </div>
    );
  }
}
