import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ProtocolDetail, ProtocolVersionSummary } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { arreteLine } from '@shared/reports/protocol';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { exportToasts } from '../../components/exportToasts';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useRememberedRef } from '../../components/UiState';
import { DatedActionDialog } from './DatedActionDialog';
import { DocumentsSection } from './DocumentsSection';
import { FamilyBadge, LIBRARY_SEARCH_KEY, ReviewBadge, VersionStatusBadge } from './labels';
import { ProtocolIdentityDialog } from './ProtocolIdentityDialog';
import { DeclarationSection } from './team/DeclarationSection';
import { SessionsSection } from './team/SessionsSection';
import { TeamSection } from './team/TeamSection';
import { UsesSummaryCard } from './team/UsesSummaryCard';
import { useProtocol, useProtocolsWrite, useProtocolVersion } from './queries';
import { ValidateDialog } from './ValidateDialog';
import { VersionContent } from './VersionContent';
import './protocols.css';

/** « PR-03 — Cystite simple », or the title alone. */
export function protocolHeading(protocol: { code: string | null; title: string }): string {
  return protocol.code ? `${protocol.code} — ${protocol.title}` : protocol.title;
}

/** The link back to the library, with the filters it had. */
export function LibraryBackLink() {
  const remembered = useRememberedRef<string>(LIBRARY_SEARCH_KEY);
  const search = remembered.read();
  return (
    <p className="back-link">
      <Link to={`/protocoles${search ? `?${search}` : ''}`}>← Bibliothèque des protocoles</Link>
    </p>
  );
}

/** /protocoles/:id — everything about one protocol on one screen. */
export function ProtocolPage() {
  const id = Number(useParams().id);
  const protocol = useProtocol(id);
  return (
    <Page title={protocol.data ? protocolHeading(protocol.data) : 'Protocole'} wide>
      <LibraryBackLink />
      {protocol.isPending ? (
        <Loading label="Chargement du protocole…" />
      ) : protocol.isError ? (
        <QueryError message={errorMessage(protocol.error)} onRetry={() => void protocol.refetch()} />
      ) : (
        <ProtocolScreen protocol={protocol.data} />
      )}
    </Page>
  );
}

type Asked =
  | { kind: 'identite' }
  | { kind: 'valider'; version: ProtocolVersionSummary }
  | { kind: 'en_vigueur' | 'suspendu'; version: ProtocolVersionSummary }
  | { kind: 'archiver' }
  | null;

function ProtocolScreen({ protocol }: { protocol: ProtocolDetail }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [asked, setAsked] = useState<Asked>(null);
  const current = useProtocolVersion(protocol.currentVersionId);
  const versionOf = (versionId: number | null) => protocol.versions.find((version) => version.id === versionId);
  const currentVersion = versionOf(protocol.currentVersionId);
  const draft = versionOf(protocol.draftVersionId);
  const archived = protocol.archivedOn !== null;

  const newVersion = useProtocolsWrite('protocols.newVersion');
  const setStatus = useProtocolsWrite('protocols.setVersionStatus');
  const archive = useProtocolsWrite('protocols.archive');
  const removeProtocol = useConfirmedDelete(useProtocolsWrite('protocols.delete'), {
    title: () => `Supprimer le protocole « ${protocol.title} » ?`,
    confirmLabel: 'Supprimer le protocole',
    body: () => (
      <p>
        Ses versions, son équipe et ses documents seront supprimés. Un protocole qui a été en vigueur ou utilisé ne se
        supprime pas : archivez-le.
      </p>
    ),
    input: () => ({ id: protocol.id, confirm: true as const }),
    deletedMessage: () => `Protocole « ${protocol.title} » supprimé.`,
    onDeleted: () => navigate('/protocoles'),
  });
  const removeDraft = useConfirmedDelete(useProtocolsWrite('protocols.deleteVersion'), {
    title: (version: ProtocolVersionSummary) => `Supprimer le brouillon de la version ${version.number} ?`,
    confirmLabel: 'Supprimer le brouillon',
    body: () => <p>Son contenu, ses professions et ses étapes seront perdus.</p>,
    input: (version) => ({ id: version.id, confirm: true as const }),
    deletedMessage: () => 'Brouillon supprimé.',
  });

  const onNewVersion = () =>
    newVersion.mutate(
      { protocolId: protocol.id },
      {
        onSuccess: (version) => {
          toast.notify({ kind: 'success', message: `Version ${version.number} créée en brouillon.` });
          navigate(`/protocoles/${protocol.id}/versions/${version.id}`);
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `La nouvelle version n’a pas été créée : ${errorMessage(error)}` }),
      },
    );

  const exportPdf = useProtocolsWrite('reports.exportProtocol');
  const onExport = () =>
    exportPdf.mutate(
      { protocolId: protocol.id },
      exportToasts(toast.notify, {
        saved: `Protocole « ${protocol.title} » enregistré en PDF`,
        failed: 'Le protocole n’a pas été exporté',
      }),
    );

  const validation = current.data?.validation;
  return (
    <div className="protocol-page">
      <section className="card protocol-header" aria-label="Le protocole en bref">
        <div className="protocol-badges">
          <FamilyBadge family={protocol.family} />
          {protocol.versionNumber !== null && <VersionStatusBadge status={protocol.status} />}
          {archived && <span className="badge badge-muted">Archivé le {formatDateLong(protocol.archivedOn)}</span>}
        </div>
        <dl className="facts">
          <div>
            <dt>Famille</dt>
            <dd>{protocol.familyLabel}</dd>
          </div>
          {protocol.theme && (
            <div>
              <dt>Thème</dt>
              <dd>{protocol.theme}</dd>
            </div>
          )}
          <div>
            <dt>Version qui s’applique</dt>
            <dd>{currentVersion ? `Version ${currentVersion.number}` : 'aucune version validée'}</dd>
          </div>
          {validation?.validatedOn && (
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
          {currentVersion?.inForceOn && (
            <div>
              <dt>En vigueur depuis le</dt>
              <dd>{formatDateLong(currentVersion.inForceOn)}</dd>
            </div>
          )}
          <div>
            <dt>Prochaine révision</dt>
            <dd>
              {protocol.nextReviewOn ? formatDateLong(protocol.nextReviewOn) : '—'}{' '}
              <ReviewBadge review={protocol.review} />
            </dd>
          </div>
          <div>
            <dt>Révision</dt>
            <dd>tous les {protocol.reviewEveryMonths} mois</dd>
          </div>
          {protocol.family === 'coop_nationale' && (
            <div>
              <dt>Arrêté</dt>
              <dd>{arreteLine(protocol) ?? 'non renseigné'}</dd>
            </div>
          )}
        </dl>
        {protocol.warnings.length > 0 && (
          <ul className="alert alert-warning plain-list protocol-warnings">
            {protocol.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
        {validation?.decision && <p className="muted small">Décision : {validation.decision.text}</p>}

        <div className="page-actions protocol-actions">
          {draft && (
            <>
              <Link to={`/protocoles/${protocol.id}/versions/${draft.id}`} className="button">
                Modifier le brouillon
              </Link>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAsked({ kind: 'valider', version: draft })}
              >
                Valider la version {draft.number}…
              </button>
              <button type="button" className="button button-ghost" onClick={() => removeDraft.ask(draft)}>
                Supprimer le brouillon
              </button>
            </>
          )}
          {!draft && !archived && (
            <button type="button" className="button" disabled={newVersion.isPending} onClick={onNewVersion}>
              {protocol.versions.length === 0 ? 'Écrire la première version' : 'Nouvelle version'}
            </button>
          )}
          {currentVersion && (currentVersion.status === 'valide' || currentVersion.status === 'suspendu') && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setAsked({ kind: 'en_vigueur', version: currentVersion })}
            >
              {currentVersion.status === 'suspendu' ? 'Remettre en vigueur' : 'Mettre en vigueur'}
            </button>
          )}
          {currentVersion?.status === 'en_vigueur' && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setAsked({ kind: 'suspendu', version: currentVersion })}
            >
              Suspendre
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={exportPdf.isPending} onClick={onExport}>
            {exportPdf.isPending ? 'Génération du PDF…' : 'Protocole (PDF)'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAsked({ kind: 'identite' })}>
            Modifier l’identité
          </button>
          {!archived && (
            <button type="button" className="button button-ghost" onClick={() => setAsked({ kind: 'archiver' })}>
              Archiver
            </button>
          )}
          <button type="button" className="button button-ghost" onClick={() => removeProtocol.ask(protocol)}>
            Supprimer
          </button>
        </div>
        <PdfExportProgress pending={exportPdf.isPending} />
      </section>

      <section className="card" aria-labelledby="protocole-contenu">
        <div className="card-header">
          <h2 id="protocole-contenu">
            {currentVersion ? `Contenu de la version ${currentVersion.number}` : 'Contenu'}
          </h2>
          {currentVersion && (
            <Link to={`/protocoles/${protocol.id}/versions/${currentVersion.id}`} className="card-link">
              Ouvrir la version {currentVersion.number}
            </Link>
          )}
        </div>
        {!currentVersion ? (
          <p className="muted">
            {draft
              ? 'Aucune version validée pour l’instant : le contenu s’écrit dans le brouillon, puis la version est validée par une instance de la CPTS.'
              : 'Aucune version pour l’instant : écrivez la première version du protocole.'}
          </p>
        ) : current.isPending ? (
          <Loading label="Chargement du contenu…" />
        ) : current.isError ? (
          <QueryError message={errorMessage(current.error)} onRetry={() => void current.refetch()} />
        ) : (
          <VersionContent version={current.data} cooperation={protocol.isCooperation} />
        )}
      </section>

      {/* The team, ARS declarations, uses and sessions: one section each, in this column. */}
      <div className="protocol-blocks stack">
        <TeamSection protocol={protocol} />
        {protocol.isCooperation && <DeclarationSection protocol={protocol} />}
        <UsesSummaryCard protocol={protocol} />
        <SessionsSection protocol={protocol} />
      </div>

      <VersionsSection protocol={protocol} />
      <DocumentsSection protocol={protocol} />

      {asked?.kind === 'identite' && (
        <ProtocolIdentityDialog protocol={protocol} onClose={() => setAsked(null)} onSaved={() => setAsked(null)} />
      )}
      {asked?.kind === 'valider' && (
        <ValidateDialog
          protocol={protocol}
          versionId={asked.version.id}
          versionNumber={asked.version.number}
          onClose={() => setAsked(null)}
        />
      )}
      {(asked?.kind === 'en_vigueur' || asked?.kind === 'suspendu') && (
        <DatedActionDialog
          title={
            asked.kind === 'en_vigueur'
              ? `Mettre en vigueur la version ${asked.version.number}`
              : `Suspendre la version ${asked.version.number}`
          }
          dateLabel={asked.kind === 'en_vigueur' ? 'En vigueur à partir du' : 'Suspendue à partir du'}
          submitLabel={asked.kind === 'en_vigueur' ? 'Mettre en vigueur' : 'Suspendre'}
          savedMessage={
            asked.kind === 'en_vigueur'
              ? `Version ${asked.version.number} en vigueur.`
              : `Version ${asked.version.number} suspendue.`
          }
          submit={(on) => setStatus.mutateAsync({ id: asked.version.id, status: asked.kind, on })}
          onClose={() => setAsked(null)}
        >
          {asked.kind === 'en_vigueur' ? (
            <p>
              La version en vigueur jusqu’ici sera remplacée à cette date.
              {protocol.isCooperation &&
                ' Un protocole de coopération doit compter au moins un médecin délégant dont le RPPS est valide.'}
            </p>
          ) : (
            <p>Le protocole ne s’appliquera plus à partir de cette date, jusqu’à sa remise en vigueur.</p>
          )}
        </DatedActionDialog>
      )}
      {asked?.kind === 'archiver' && (
        <DatedActionDialog
          title={`Archiver le protocole « ${protocol.title} »`}
          dateLabel="Archivé le"
          submitLabel="Archiver"
          savedMessage="Protocole archivé."
          submit={(on) => archive.mutateAsync({ id: protocol.id, on })}
          onClose={() => setAsked(null)}
        >
          <p>Le protocole ne s’appliquera plus ; ses versions, son équipe et ses utilisations restent consultables.</p>
        </DatedActionDialog>
      )}
      {removeProtocol.dialog}
      {removeDraft.dialog}
    </div>
  );
}

/** Every version, newest first, each readable; the changelog says what changed. */
function VersionsSection({ protocol }: { protocol: ProtocolDetail }) {
  return (
    <section className="card" aria-labelledby="protocole-versions">
      <h2 id="protocole-versions">Versions</h2>
      <DataTable
        rows={protocol.versions}
        rowKey={(version) => version.id}
        aria-labelledby="protocole-versions"
        compact
        empty="Aucune version pour l’instant."
        columns={[
          {
            header: 'Version',
            rowHeader: true,
            className: 'nowrap',
            cell: (version) => (
              <Link to={`/protocoles/${protocol.id}/versions/${version.id}`}>Version {version.number}</Link>
            ),
          },
          { header: 'Statut', cell: (version) => <VersionStatusBadge status={version.status} /> },
          {
            header: 'Validée le',
            className: 'nowrap',
            cell: (version) => (version.validatedOn ? formatDateLong(version.validatedOn) : '—'),
          },
          {
            header: 'En vigueur',
            cell: (version) =>
              version.inForceOn
                ? `du ${formatDateLong(version.inForceOn)}${version.endedOn ? ` au ${formatDateLong(version.endedOn)}` : ''}`
                : '—',
          },
          {
            header: 'Modifications',
            cell: (version) => <span className="protocol-prewrap">{version.changelog ?? '—'}</span>,
          },
        ]}
      />
    </section>
  );
}
