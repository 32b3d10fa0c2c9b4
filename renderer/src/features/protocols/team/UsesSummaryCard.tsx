import { Link } from 'react-router-dom';
import type { ProtocolDetail } from '@shared/contract';
import { formatDateLong, formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../../api';
import { Loading, QueryError } from '../../../components/Page';
import { useProtocolUseStats } from './queries';
import './team.css';

/** The year's uses on the protocol page, linking to the use log. */
export function UsesSummaryCard({ protocol }: { protocol: ProtocolDetail }) {
  const year = new Date().getFullYear();
  const stats = useProtocolUseStats(protocol.id, year);
  const row = stats.data?.protocols.find((entry) => entry.protocolId === protocol.id) ?? null;
  const figures = row ?? stats.data?.totals ?? null;
  return (
    <section className="card" aria-labelledby="protocole-utilisations-titre">
      <div className="card-header">
        <h2 id="protocole-utilisations-titre">Utilisations {year}</h2>
        <Link className="card-link" to={`/protocoles/${protocol.id}/utilisations`}>
          Journal des utilisations
        </Link>
      </div>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <QueryError message={errorMessage(stats.error)} onRetry={() => void stats.refetch()} />
      ) : !figures || figures.uses === 0 ? (
        <p className="muted">
          Aucune utilisation notée en {year}. Chaque application du protocole se note, sans identifier le patient, dans
          le journal des utilisations.
        </p>
      ) : (
        <>
          <dl className="inline-facts">
            <div>
              <dt>Utilisations</dt>
              <dd>{formatInteger(figures.uses)}</dd>
            </div>
            <div>
              <dt>Réorientations</dt>
              <dd>{formatInteger(figures.reorientations)}</dd>
            </div>
            <div>
              <dt>Urgences</dt>
              <dd>{formatInteger(figures.urgences)}</dd>
            </div>
            <div>
              <dt>Événements indésirables</dt>
              <dd>{formatInteger(figures.adverseEvents)}</dd>
            </div>
            <div>
              <dt>Professionnels actifs</dt>
              <dd>{formatInteger(figures.activeProfessionals)}</dd>
            </div>
          </dl>
          {protocol.isCooperation && (
            <p className="muted small">
              {row?.reportSentOn
                ? `Suivi annuel ${year} transmis à l’ARS le ${formatDateLong(row.reportSentOn)}.`
                : `Suivi annuel ${year} pas encore transmis à l’ARS (${plural(figures.uses, 'utilisation')} à déclarer).`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
