import { Link, useParams } from 'react-router-dom';
import type { ProtocolDetail, ProtocolVersionDetail } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { VersionStatusBadge } from './labels';
import { protocolHeading } from './ProtocolPage';
import { useProtocol, useProtocolVersion } from './queries';
import { VersionContent } from './VersionContent';
import { VersionEditor } from './VersionEditor';
import './protocols.css';

/** /protocoles/:id/versions/:versionId — a version: editable while it is a draft, readable afterwards. */
export function VersionPage() {
  const params = useParams();
  const protocolId = Number(params.id);
  const protocol = useProtocol(protocolId);
  const version = useProtocolVersion(Number(params.versionId));
  const title =
    protocol.data && version.data
      ? `${protocolHeading(protocol.data)} — version ${version.data.number}`
      : 'Version du protocole';
  return (
    <Page title={title} wide>
      <p className="back-link">
        <Link to={`/protocoles/${protocolId}`}>
          ← {protocol.data ? protocolHeading(protocol.data) : 'Le protocole'}
        </Link>
      </p>
      {protocol.isPending || version.isPending ? (
        <Loading label="Chargement de la version…" />
      ) : protocol.isError ? (
        <QueryError message={errorMessage(protocol.error)} onRetry={() => void protocol.refetch()} />
      ) : version.isError ? (
        <QueryError message={errorMessage(version.error)} onRetry={() => void version.refetch()} />
      ) : (
        <VersionScreen protocol={protocol.data} version={version.data} />
      )}
    </Page>
  );
}

function VersionScreen({ protocol, version }: { protocol: ProtocolDetail; version: ProtocolVersionDetail }) {
  const { validation } = version;
  return (
    <div className="protocol-page">
      <section className="card protocol-header" aria-label="La version en bref">
        <div className="protocol-badges">
          <VersionStatusBadge status={version.status} />
          {version.importedFrom && <span className="badge badge-muted">Reprise de « {version.importedFrom} »</span>}
        </div>
        <dl className="facts">
          {version.draftedOn && (
            <div>
              <dt>Rédigée le</dt>
              <dd>{formatDateLong(version.draftedOn)}</dd>
            </div>
          )}
          {validation.validatedOn && (
            <div>
              <dt>Validée</dt>
              <dd>
                le {formatDateLong(validation.validatedOn)}
                {validation.validatedBy && <> par {validation.validatedBy}</>}
                {validation.meeting && (
                  <>
                    {' '}
                    (<Link to={`/reunions/${validation.meeting.id}`}>{validation.meeting.title}</Link>)
                  </>
                )}
              </dd>
            </div>
          )}
          {version.inForceOn && (
            <div>
              <dt>En vigueur</dt>
              <dd>
                du {formatDateLong(version.inForceOn)}
                {version.endedOn && <> au {formatDateLong(version.endedOn)}</>}
              </dd>
            </div>
          )}
          {version.nextReviewOn && (
            <div>
              <dt>Prochaine révision</dt>
              <dd>{formatDateLong(version.nextReviewOn)}</dd>
            </div>
          )}
        </dl>
        {version.editable ? (
          <p className="muted">
            Brouillon : modifiez-le ici, puis validez-le depuis la page du protocole. Une version validée ne se modifie
            plus.
          </p>
        ) : (
          <p className="muted">
            Cette version n’est plus un brouillon : elle se lit sans se modifier. Pour la changer, créez une nouvelle
            version depuis la page du protocole.
          </p>
        )}
      </section>
      {version.editable ? (
        <VersionEditor version={version} cooperation={protocol.isCooperation} />
      ) : (
        <>
          {version.changelog && (
            <section className="card" aria-labelledby="version-modifications">
              <h2 id="version-modifications">Modifications depuis la version précédente</h2>
              <p className="protocol-prewrap">{version.changelog}</p>
            </section>
          )}
          <section className="card" aria-labelledby="version-contenu">
            <h2 id="version-contenu">Contenu</h2>
            <VersionContent version={version} cooperation={protocol.isCooperation} />
          </section>
        </>
      )}
    </div>
  );
}
