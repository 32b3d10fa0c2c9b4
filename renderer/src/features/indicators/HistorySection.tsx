import type { IndicatorDetail } from '@shared/contract';
import { lineChart } from '@shared/charts';
import { formatIndicatorValue } from '@shared/domain/aci/attainment';
import { Chart } from '../../components/charts/Chart';
import { DataTable } from '../../components/DataTable';
import type { YearChoice } from './missions';
import { targetLevelOf, targetText, valueText } from './wording';

/** Per contract year, the cible and what was achieved (the measure that counts): a chart, then the same as a table. */
export function HistorySection({ indicator, years }: { indicator: IndicatorDetail; years: readonly YearChoice[] }) {
  const rows = years.map((year) => {
    const entry = indicator.history.find((h) => h.contractYearId === year.id) ?? null;
    const target = entry?.target ?? null;
    return { year, target, level: target ? targetLevelOf(target) : null, value: entry?.measure?.value ?? null };
  });
  const geometry = lineChart({
    title: `Cible et réalisé par année de contrat — ${indicator.label}`,
    width: 760,
    height: 280,
    xLabels: rows.map((row) => `Année ${row.year.index}`),
    xHeader: 'Année de contrat',
    series: [
      { label: 'Réalisé', values: rows.map((row) => row.value) },
      { label: 'Cible', values: rows.map((row) => row.level), style: 'target' },
    ],
    baseline: indicator.baselineValue === null ? null : { label: 'Situation initiale', value: indicator.baselineValue },
    zeroBased: indicator.valueType !== 'taux',
    format: (value: number) => formatIndicatorValue(indicator.valueType, value),
  });
  return (
    <section className="card" aria-labelledby="historique-titre">
      <h2 id="historique-titre">Historique</h2>
      {rows.some((row) => row.target) ? (
        <Chart geometry={geometry} showTitle={false} />
      ) : (
        <p className="muted">Aucune cible fixée pour l’instant : l’historique se remplit année après année.</p>
      )}
      <DataTable
        rows={rows}
        rowKey={(row) => row.year.id}
        compact
        className="indicators-table"
        aria-labelledby="historique-titre"
        columns={[
          { header: 'Année de contrat', rowHeader: true, cell: (row) => `Année ${row.year.index}` },
          { header: 'Cible', className: 'num', cell: (row) => (row.target ? targetText(indicator, row.target) : '—') },
          { header: 'Réalisé', className: 'num', cell: (row) => valueText(indicator, row.value) },
        ]}
      />
    </section>
  );
}
