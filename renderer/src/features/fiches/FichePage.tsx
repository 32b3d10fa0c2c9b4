import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { FicheDetail, LinkedDocument } from '@shared/contract';
import { plural } from '@shared/format';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { Loading, Page, QueryError } from '../../components/Page';
import { exportToasts } from '../../components/exportToasts';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { useToast } from '../../components/Toasts';
import { FicheEvidenceSection } from '../evidence/FicheEvidenceSection';
import { useMembers } from '../members/queries';
import { BudgetSection } from './BudgetSection';
import { FicheForm } from './FicheForm';
import { FicheMeetingsSection } from './FicheMeetingsSection';
import { FicheSheet } from './FicheSheet';
import { LinkedDocuments } from './LinkedDocuments';
import { MilestonesSection } from './MilestonesSection';
import { useFiche, useFichesWrite, usePartnerships } from './queries';
import './fiches.css';

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/projet-de-sante/fiches">← Fiches actions</Link>
    </p>
  );
}

/** /projet-de-sante/fiches/nouvelle (?partenariat=3 to file it under a partnership). */
export function NewFichePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const members = useMembers();
  const partnerships = usePartnerships();
  const create = useFichesWrite('fiches.create');
  const partnershipId = Number(params.get('partenariat')) || undefined;
  return (
    <Page title="Nouvelle fiche action" wide>
      <BackLink />
      {partnerships.isPending ? (
        <Loading />
      ) : (
        <FicheForm
          detail={null}
          members={members.data ?? []}
          partnerships={partnerships.data ?? []}
          partnershipId={partnershipId}
          save={(data) => create.mutateAsync(data)}
          onSaved={(saved) => navigate(`/projet-de-sante/fiches/${saved.id}`, { replace: true })}
          onCancel={() => navigate('/projet-de-sante/fiches')}
        />
      )}
    </Page>
  );
}

/** /projet-de-sante/fiches/:id — everything about one fiche action, reading like a CLS fiche. */
export function FichePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Fiche action introuvable">
        <BackLink />
        <QueryError message="Cette adresse ne correspond à aucune fiche action." />
      </Page>
    );
  }
  return <FicheLoader key={id} id={id} />;
}

function FicheLoader({ id }: { id: number }) {
  const fiche = useFiche(id);
  if (fiche.isPending || fiche.isError) {
    return (
      <Page title="Fiche action">
        <BackLink />
        {fiche.isPending ? (
          <Loading />
        ) : (
          <QueryError
            message={errorMessage(fiche.error)}
            onRetry={fiche.error.code === 'not_found' ? undefined : () => void fiche.refetch()}
          />
        )}
      </Page>
    );
  }
  return <FicheSections detail={fiche.data} />;
}

function FicheSections({ detail }: { detail: FicheDetail }) {
  const navigate = useNavigate();
  const toast = useToast();
  const members = useMembers();
  const partnerships = usePartnerships();
  const [editing, setEditing] = useState(false);
  const update = useFichesWrite('fiches.update');
  const addDocument = useFichesWrite('fiches.addDocument');
  const exportPdf = useFichesWrite('reports.exportFicheAction');
  const onExportPdf = () =>
    exportPdf.mutate(
      { ficheId: detail.id },
      exportToasts(toast.notify, {
        saved: 'Fiche action enregistrée',
        failed: 'La fiche action n’a pas été exportée',
      }),
    );
  const removeFiche = useConfirmedDelete(useFichesWrite('fiches.delete'), {
    title: () => `Supprimer la fiche « ${detail.title} » ?`,
    body: () => (
      <>
        <p>La fiche, ses étapes, son budget, ses référents et ses liens aux réunions seront supprimés.</p>
        {detail.indicators.length > 0 && (
          <p>
            {detail.indicators.length > 1
              ? `Les ${detail.indicators.length} indicateurs rattachés restent dans le contrat, sans fiche.`
              : 'L’indicateur rattaché reste dans le contrat, sans fiche.'}
          </p>
        )}
      </>
    ),
    input: () => ({ id: detail.id, confirm: true as const }),
    confirmLabel: 'Supprimer la fiche',
    deletedMessage: (_fiche, result) =>
      result.requirementsRemoved > 0
        ? `Fiche « ${detail.title} » supprimée, avec ${plural(result.requirementsRemoved, 'justificatif attendu', 'justificatifs attendus')}.`
        : `Fiche « ${detail.title} » supprimée.`,
    onDeleted: () => navigate('/projet-de-sante/fiches', { replace: true }),
  });
  const removeDocument = useConfirmedDelete(useFichesWrite('fiches.deleteDocument'), {
    title: () => 'Supprimer le document ?',
    body: (doc: LinkedDocument) => <p>« {doc.fileName} » sera retiré de la fiche et supprimé de Maillage.</p>,
    input: (doc) => ({ ficheId: detail.id, documentId: doc.id }),
    confirmLabel: 'Supprimer le document',
    deletedMessage: () => 'Document supprimé.',
  });
  const onAddDocument = () =>
    addDocument.mutate(
      { ficheId: detail.id },
      {
        onSuccess: (result) => {
          if (!('cancelled' in result)) toast.notify({ kind: 'success', message: 'Document joint à la fiche.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le document n’a pas été joint : ${errorMessage(error)}` }),
      },
    );

  return (
    <Page title={detail.code ? `${detail.code} — ${detail.title}` : detail.title} wide>
      <BackLink />
      {detail.warnings.length > 0 && (
        <div className="alert alert-warning" role="note">
          <ul className="plain-list">
            {detail.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="stack">
        {editing ? (
          <FicheForm
            detail={detail}
            members={members.data ?? []}
            partnerships={partnerships.data ?? []}
            save={(data) => update.mutateAsync({ id: detail.id, data })}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <FicheSheet
            detail={detail}
            actions={
              <>
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Modifier la fiche
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={exportPdf.isPending}
                  onClick={onExportPdf}
                >
                  {exportPdf.isPending ? 'Génération du PDF…' : 'Fiche action (PDF)'}
                </button>
                <button type="button" className="button button-danger-outline" onClick={() => removeFiche.ask(detail)}>
                  Supprimer la fiche
                </button>
              </>
            }
          />
        )}
        <PdfExportProgress pending={exportPdf.isPending} />
        <MilestonesSection detail={detail} />
        <BudgetSection detail={detail} />
        <div className="fiche-columns">
          <section className="card" aria-labelledby="fiche-indicateurs-titre">
            <h2 id="fiche-indicateurs-titre">Indicateurs</h2>
            {detail.indicators.length === 0 ? (
              <p className="muted">
                Aucun indicateur du contrat n’est rattaché à cette fiche. Rattachez-en un depuis le formulaire de
                l’indicateur (« Fiche action »).
              </p>
            ) : (
              <ul className="plain-list">
                {detail.indicators.map((indicator) => (
                  <li key={indicator.id}>
                    <Link to={`/projet-de-sante/indicateurs/${indicator.id}`}>
                      {indicator.code ? `${indicator.code} — ` : ''}
                      {indicator.label}
                    </Link>{' '}
                    <span className="muted small">{indicator.missionLabel}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="fiche-documents-titre">
            <h2 id="fiche-documents-titre">Documents</h2>
            <LinkedDocuments
              documents={detail.documents}
              empty="Aucun document joint (fiche signée, bilan, support…)."
              onRemove={removeDocument.ask}
            />
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={onAddDocument}
                disabled={addDocument.isPending}
              >
                Joindre un document…
              </button>
            </div>
          </section>
        </div>
        <FicheMeetingsSection detail={detail} />
        <FicheEvidenceSection ficheId={detail.id} />
      </div>
      {removeFiche.dialog}
      {removeDocument.dialog}
    </Page>
  );
}
