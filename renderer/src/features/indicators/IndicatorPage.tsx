import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { IndicatorDetail, TargetRow } from '@shared/contract';
import {
  INDICATOR_DATA_SOURCE_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_KIND_LABELS,
  INDICATOR_VALUE_TYPE_LABELS,
} from '@shared/domain/indicator-labels';
import { formatDateLong, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { type ContractContext, NoContract, useContractContext } from './contractContext';
import { EvidenceSection } from '../evidence/EvidenceSection';
import { HistorySection } from './HistorySection';
import { IndicatorForm } from './IndicatorForm';
import { LiveValueCard } from './LiveValueCard';
import { MeasuresSection } from './MeasuresSection';
import { missionName, type YearChoice, yearQuery, useSelectedYear } from './missions';
import { ProgressBar, ResultBadge } from './Progress';
import { useIndicator, useIndicatorsWrite, useTrackingTable } from './queries';
import { TargetEditor, TargetSummary } from './TargetEditor';
import { earnedText, valueText } from './wording';
import { YearPicker } from './YearPicker';
import './indicators.css';

/** /projet-de-sante/indicateurs/:id — one indicator: definition, target per year, measures, evidence, history. */
export function IndicatorPage() {
  const id = Number(useParams().id);
  const context = useContractContext();
  const detail = useIndicator(id);
  const pending = context.isPending || detail.isPending;
  return (
    <Page title={detail.data?.label ?? 'Indicateur'} wide>
      {pending ? (
        <Loading />
      ) : detail.isError ? (
        <QueryError message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} />
      ) : context.isError ? (
        <QueryError message={errorMessage(context.error)} onRetry={() => void context.refetch()} />
      ) : context.data === null || !detail.data ? (
        <NoContract />
      ) : (
        <IndicatorView indicator={detail.data} context={context.data} />
      )}
    </Page>
  );
}

function IndicatorView({ indicator, context }: { indicator: IndicatorDetail; context: ContractContext }) {
  const { year, select } = useSelectedYear(context.years);
  const [editing, setEditing] = useState(false);
  const missionTo = `/projet-de-sante/missions/${indicator.missionCode}${yearQuery(year)}`;
  return (
    <div className="stack indicators-stack">
      <p className="back-link">
        <Link to={missionTo}>← {missionName(indicator.missionCode, context.versionCode)}</Link>
      </p>
      {editing ? (
        <IndicatorForm
          contractId={indicator.contractId}
          missionCode={indicator.missionCode}
          indicator={indicator}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : (
        <Definition indicator={indicator} onEdit={() => setEditing(true)} missionTo={missionTo} />
      )}
      {year ? (
        <>
          <YearPicker years={context.years} year={year} onSelect={select} />
          <TargetSection indicator={indicator} year={year} />
          <LiveValueCard indicator={indicator} year={year} />
          <MeasuresSection
            indicator={indicator}
            year={year}
            hasTarget={indicator.targets.some((target) => target.contractYearId === year.id)}
          />
          <EvidenceSection owner={{ indicatorId: indicator.id }} year={year} />
          <HistorySection indicator={indicator} years={context.years} />
        </>
      ) : (
        <p className="muted">Le contrat n’a pas encore d’année.</p>
      )}
    </div>
  );
}

function Definition({
  indicator,
  onEdit,
  missionTo,
}: {
  indicator: IndicatorDetail;
  onEdit: () => void;
  missionTo: string;
}) {
  const toast = useToast();
  const navigate = useNavigate();
  const archive = useIndicatorsWrite('indicators.archive');
  const [archiving, setArchiving] = useState(false);
  const remove = useConfirmedDelete(useIndicatorsWrite('indicators.delete'), {
    title: (i: IndicatorDetail) => `Supprimer l’indicateur « ${i.label} » ?`,
    body: () => <p>Ses cibles, ses justificatifs attendus et les pièces jointes seront supprimés.</p>,
    input: (i) => ({ id: i.id }),
    deletedMessage: (i) => `Indicateur « ${i.label} » supprimé.`,
    onDeleted: () => navigate(missionTo),
  });
  const onArchive = (archived: boolean) =>
    archive.mutate(
      { id: indicator.id, archived },
      {
        onSuccess: () => {
          setArchiving(false);
          toast.notify({ kind: 'success', message: archived ? 'Indicateur archivé.' : 'Indicateur rétabli.' });
        },
      },
    );
  // An indicator with measures keeps its history: it is archived, not deleted.
  const onDelete = () => (indicator.measureCount > 0 ? setArchiving(true) : remove.ask(indicator));
  return (
    <section className="card" aria-labelledby="definition-titre">
      <div className="card-header">
        <h2 id="definition-titre">
          Définition {indicator.archived && <span className="badge badge-muted">archivé</span>}
        </h2>
        <span className="indicator-actions">
          <button type="button" className="button button-small button-secondary" onClick={onEdit}>
            Modifier
          </button>
          {indicator.archived ? (
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={archive.isPending}
              onClick={() => onArchive(false)}
            >
              Rétablir
            </button>
          ) : (
            <button type="button" className="button button-small button-secondary" onClick={() => setArchiving(true)}>
              Archiver
            </button>
          )}
          <button type="button" className="button button-small button-danger-outline" onClick={onDelete}>
            Supprimer
          </button>
        </span>
      </div>
      <dl className="facts">
        {indicator.code && (
          <div>
            <dt>Code</dt>
            <dd>{indicator.code}</dd>
          </div>
        )}
        <div>
          <dt>Nature</dt>
          <dd>{INDICATOR_KIND_LABELS[indicator.kind]}</dd>
        </div>
        <div>
          <dt>Type de valeur</dt>
          <dd>{INDICATOR_VALUE_TYPE_LABELS[indicator.valueType]}</dd>
        </div>
        <div>
          <dt>Sens</dt>
          <dd>{INDICATOR_DIRECTION_LABELS[indicator.direction]}</dd>
        </div>
        <div>
          <dt>Source des données</dt>
          <dd>{INDICATOR_DATA_SOURCE_LABELS[indicator.dataSource]}</dd>
        </div>
        <div>
          <dt>Valeur initiale</dt>
          <dd>
            {valueText(indicator, indicator.baselineValue)}
            {indicator.baselineOn && ` au ${formatDateLong(indicator.baselineOn)}`}
            {indicator.baselineSource && ` (${indicator.baselineSource})`}
          </dd>
        </div>
        {indicator.ficheTitle && (
          <div>
            <dt>Fiche action</dt>
            <dd>{indicator.ficheTitle}</dd>
          </div>
        )}
      </dl>
      {indicator.definition && <p className="muted">{indicator.definition}</p>}
      {archiving && (
        <ConfirmDialog
          title={`Archiver l’indicateur « ${indicator.label} » ?`}
          confirmLabel="Archiver"
          busy={archive.isPending}
          error={archive.isError ? errorMessage(archive.error) : null}
          onCancel={() => setArchiving(false)}
          onConfirm={() => onArchive(true)}
        >
          {indicator.measureCount > 0 && (
            <p>
              Il a {plural(indicator.measureCount, 'mesure', 'mesures')} : le supprimer effacerait l’historique du
              contrat.
            </p>
          )}
          <p>Archivé, il reste lisible ici mais sort des listes de l’année en cours.</p>
        </ConfirmDialog>
      )}
      {remove.dialog}
    </section>
  );
}

function TargetSection({ indicator, year }: { indicator: IndicatorDetail; year: YearChoice }) {
  const [editing, setEditing] = useState(false);
  const table = useTrackingTable(year.id);
  const remove = useConfirmedDelete(useIndicatorsWrite('indicators.deleteTarget'), {
    title: () => `Supprimer la cible de l’année ${year.index} ?`,
    body: () => <p>Sa règle, son montant et ses paliers seront supprimés ; une cible qui a des mesures est gardée.</p>,
    input: (t: TargetRow) => ({ id: t.id }),
    deletedMessage: () => `Cible de l’année ${year.index} supprimée.`,
  });
  const target = indicator.targets.find((t) => t.contractYearId === year.id) ?? null;
  const line =
    table.data?.missions.flatMap((mission) => mission.indicators).find((l) => l.indicator.id === indicator.id) ?? null;
  const result = line?.result ?? null;
  return (
    <section className="card" aria-labelledby="cible-titre">
      <div className="card-header">
        <h2 id="cible-titre">Cible et résultat de l’année {year.index}</h2>
        {!editing && (
          <span className="indicator-actions">
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {target ? 'Modifier la cible' : 'Fixer la cible'}
            </button>
            {target && (
              <DeleteButton label={`Supprimer la cible de l’année ${year.index}`} onClick={() => remove.ask(target)} />
            )}
          </span>
        )}
      </div>
      {editing ? (
        <TargetEditor
          key={year.id}
          indicator={indicator}
          year={year}
          target={target}
          onDone={() => setEditing(false)}
        />
      ) : target ? (
        <TargetSummary indicator={indicator} target={target} />
      ) : (
        <p className="muted">Aucune cible pour l’année {year.index} : fixez-la pour pouvoir saisir les mesures.</p>
      )}
      {remove.dialog}
      {target && result && (
        <dl className="mission-figures">
          <div>
            <dt>État</dt>
            <dd>
              <ResultBadge result={result} />
            </dd>
          </div>
          <div>
            <dt>Réalisé</dt>
            <dd>{valueText(indicator, result.value)}</dd>
          </div>
          <div>
            <dt>Obtenu</dt>
            <dd>{earnedText(result.earnedCents, result.maxCents)}</dd>
          </div>
          <div>
            <dt>Progression vers la cible</dt>
            <dd>
              <ProgressBar rate={result.progress} label="Progression vers la cible" />
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
