import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { TrackingIndicator, TrackingMission } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import { tierName } from '@shared/domain/aci/attainment';
import { INDICATOR_KIND_LABELS } from '@shared/domain/indicator-labels';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { useToast } from '../../components/Toasts';
import { Loading, Page, QueryError } from '../../components/Page';
import { type ContractContext, NoContract, useContractContext } from './contractContext';
import { IndicatorForm } from './IndicatorForm';
import { MismatchWarning } from './MismatchWarning';
import { isMissionCode, missionName, type YearChoice, yearQuery, useSelectedYear } from './missions';
import { formatRate, ResultBadge } from './Progress';
import { useIndicatorsWrite, useMissionIndicators, useTrackingTable } from './queries';
import { earnedText, targetText, valueText } from './wording';
import { YearPicker } from './YearPicker';
import './indicators.css';

/** /projet-de-sante/missions/:code — the indicators of one mission for a contract year, and new indicators. */
export function MissionPage() {
  const { code } = useParams();
  const context = useContractContext();
  if (!isMissionCode(code)) {
    return (
      <Page title="Mission introuvable">
        <p>
          Cette mission n’existe pas. <Link to="/projet-de-sante">Revenir aux missions</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page title={missionName(code, context.data?.versionCode)} wide>
      <p className="back-link">
        <Link to="/projet-de-sante">← Missions</Link>
      </p>
      {context.isPending ? (
        <Loading />
      ) : context.isError ? (
        <QueryError message={errorMessage(context.error)} onRetry={() => void context.refetch()} />
      ) : context.data === null ? (
        <NoContract />
      ) : (
        <MissionIndicators code={code} context={context.data} />
      )}
    </Page>
  );
}

function MissionIndicators({ code, context }: { code: AciMissionCode; context: ContractContext }) {
  const { year, select } = useSelectedYear(context.years);
  const table = useTrackingTable(year?.id ?? null);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  if (!year) return <p className="muted">Le contrat n’a pas encore d’année.</p>;
  const mission = table.data?.missions.find((m) => m.missionCode === code) ?? null;
  return (
    <div className="stack indicators-stack">
      <YearPicker years={context.years} year={year} onSelect={select} />
      <section className="card" aria-labelledby="mission-indicateurs">
        <div className="card-header">
          <h2 id="mission-indicateurs">Indicateurs de l’année {year.index}</h2>
          {!adding && (
            <button type="button" className="button button-small" onClick={() => setAdding(true)}>
              Nouvel indicateur
            </button>
          )}
        </div>
        {table.isPending ? (
          <Loading />
        ) : table.isError ? (
          <QueryError message={errorMessage(table.error)} onRetry={() => void table.refetch()} />
        ) : (
          <IndicatorsTable contractId={context.contractId} code={code} mission={mission} year={year} />
        )}
      </section>
      <ArchivedIndicators contractId={context.contractId} code={code} year={year} />
      {adding && (
        <IndicatorForm
          contractId={context.contractId}
          missionCode={code}
          indicator={null}
          onCancel={() => setAdding(false)}
          onSaved={(row) => navigate(`/projet-de-sante/indicateurs/${row.id}${yearQuery(year)}`)}
        />
      )}
    </div>
  );
}

type Move = 'up' | 'down';

/**
 * « Monter » / « Descendre » an indicator in its mission: the order of the tableau de suivi, its PDF and its workbook.
 * The focus stays on the moved row's button (on the other one once the row reaches the top or the bottom).
 */
function useReorder(contractId: number, code: AciMissionCode, lines: readonly TrackingIndicator[]) {
  const toast = useToast();
  const reorder = useIndicatorsWrite('indicators.reorder', {
    onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
  });
  const root = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState<{ id: number; move: Move; index: number } | null>(null);
  const ids = lines.map((line) => line.indicator.id);

  useEffect(() => {
    if (!moved || ids.indexOf(moved.id) !== moved.index) return;
    const button = (move: Move) =>
      root.current?.querySelector<HTMLButtonElement>(`button[data-reorder="${moved.id}-${move}"]`) ?? null;
    const wanted = button(moved.move);
    const other = button(moved.move === 'up' ? 'down' : 'up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setMoved(null);
  });

  const move = (id: number, direction: Move) => {
    if (reorder.isPending) return;
    const from = ids.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ids.length) return;
    const next = [...ids];
    [next[from], next[to]] = [next[to]!, next[from]!];
    setMoved({ id, move: direction, index: to });
    reorder.mutate({ contractId, missionCode: code, ids: next }, { onError: () => setMoved(null) });
  };
  return { root, move };
}

function IndicatorsTable({
  contractId,
  code,
  mission,
  year,
}: {
  contractId: number;
  code: AciMissionCode;
  mission: TrackingMission | null;
  year: YearChoice;
}) {
  const lines = mission?.indicators ?? [];
  const result = mission?.result ?? null;
  const { root, move } = useReorder(contractId, code, lines);
  const reorderable = lines.length > 1;
  return (
    <div ref={root}>
      {mission && <MismatchWarning mission={mission} />}
      <DataTable
        rows={lines}
        rowKey={(line) => line.indicator.id}
        compact
        className="indicators-table"
        scroll
        aria-labelledby="mission-indicateurs"
        empty="Aucun indicateur pour cette mission : ajoutez-en un avec « Nouvel indicateur », en partant des libellés des contrats signés."
        columns={[
          ...(reorderable
            ? [
                {
                  header: 'Ordre',
                  hiddenHeader: true,
                  cellClassName: 'indicator-order',
                  cell: (line: TrackingIndicator, index: number) => (
                    <OrderButtons line={line} first={index === 0} last={index === lines.length - 1} onMove={move} />
                  ),
                },
              ]
            : []),
          {
            header: 'Indicateur',
            rowHeader: true,
            cell: (line) => (
              <>
                <Link to={`/projet-de-sante/indicateurs/${line.indicator.id}${yearQuery(year)}`}>
                  {line.indicator.code ? `${line.indicator.code} — ` : ''}
                  {line.indicator.label}
                </Link>
                <span className="cell-sub template-meta">{INDICATOR_KIND_LABELS[line.indicator.kind]}</span>
              </>
            ),
          },
          {
            header: 'Valeur initiale',
            className: 'num',
            cell: (line) => valueText(line.indicator, line.indicator.baselineValue),
          },
          { header: 'Cible', className: 'num', cell: (line) => targetText(line.indicator, line.target) },
          {
            header: 'Réalisé',
            className: 'num',
            cell: (line) => valueText(line.indicator, line.measure?.value ?? null),
          },
          { header: 'Palier', cell: (line) => (line.result?.tierReached ? tierName(line.result.tierReached) : '—') },
          { header: 'État', cell: (line) => <ResultBadge result={line.result} /> },
          {
            header: 'Obtenu / max',
            className: 'num',
            cell: (line) => (line.result ? earnedText(line.result.earnedCents, line.result.maxCents) : '—'),
          },
          {
            header: 'Taux',
            className: 'num',
            cell: (line) =>
              line.result?.attainmentRate === null || !line.result ? '—' : formatRate(line.result.attainmentRate),
          },
          {
            header: 'Justificatifs',
            className: 'num',
            cell: (line) =>
              line.evidence.required === 0 ? '—' : `${line.evidence.provided} / ${line.evidence.required}`,
          },
        ]}
        footer={
          result && lines.length > 0 ? (
            <tr>
              <th scope="row" colSpan={reorderable ? 7 : 6}>
                Total de la mission
              </th>
              <td className="num">{earnedText(result.earnedCents, result.variableMaxCents)}</td>
              <td className="num">{result.attainmentRate === null ? '—' : formatRate(result.attainmentRate)}</td>
              <td />
            </tr>
          ) : null
        }
      />
    </div>
  );
}

/** « Monter » / « Descendre », named after the indicator for screen readers; at the first column, so that the focus
 * never scrolls the names out of sight. */
function OrderButtons({
  line,
  first,
  last,
  onMove,
}: {
  line: TrackingIndicator;
  first: boolean;
  last: boolean;
  onMove: (id: number, move: Move) => void;
}) {
  const { id, code, label } = line.indicator;
  const name = code ? `${code} — ${label}` : label;
  return (
    <span className="indicator-order-buttons">
      <button
        type="button"
        className="button button-small button-ghost"
        data-reorder={`${id}-up`}
        aria-label={`Monter « ${name} »`}
        title="Monter"
        disabled={first}
        onClick={() => onMove(id, 'up')}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small button-ghost"
        data-reorder={`${id}-down`}
        aria-label={`Descendre « ${name} »`}
        title="Descendre"
        disabled={last}
        onClick={() => onMove(id, 'down')}
      >
        ↓
      </button>
    </span>
  );
}

/** The mission's archived indicators: out of the year's list, still readable on their own page. */
function ArchivedIndicators({
  contractId,
  code,
  year,
}: {
  contractId: number;
  code: AciMissionCode;
  year: YearChoice;
}) {
  const list = useMissionIndicators(contractId, code);
  const archived = (list.data ?? []).filter((indicator) => indicator.archived);
  if (archived.length === 0) return null;
  return (
    <section className="card" aria-labelledby="indicateurs-archives">
      <h2 id="indicateurs-archives">Indicateurs archivés</h2>
      <ul className="plain-list">
        {archived.map((indicator) => (
          <li key={indicator.id}>
            <Link to={`/projet-de-sante/indicateurs/${indicator.id}${yearQuery(year)}`}>{indicator.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
