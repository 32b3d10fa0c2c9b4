import { Page } from '../../components/Page';
import './placeholder.css';

/** An honest page for an area that is not built yet: no fake data. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title}>
      <section className="card placeholder">
        <p className="placeholder-lead">Cette partie n'est pas encore disponible dans cette version.</p>
        <p className="muted">{description}</p>
      </section>
    </Page>
  );
}

export const PLACEHOLDERS = {
  reunions: {
    title: 'Réunions',
    description:
      'Elle permettra de préparer et de suivre les assemblées générales, conseils d’administration, bureaux et RCP : convocations, présences, pouvoirs, quorum et procès-verbaux.',
  },
  protocoles: {
    title: 'Protocoles',
    description:
      'Elle accueillera les protocoles pluriprofessionnels de la CPTS, rédigés selon la méthode de la HAS, avec leurs versions et leurs dates de révision.',
  },
} as const;
