import type { IndicatorDetail } from '@shared/contract';
import { hasTargets, indicatorHistoryChart, indicatorHistoryRows } from '@shared/charts';
import { Chart, SCREEN_CHART_FONT_SIZE } from '../../components/charts/Chart';
import { DataTable } from '../../components/DataTable';
import type { YearChoice } from './missions';
import { targetText, valueText } from './wording';

/** Per contract year, the cible and what was achieved (the measure that counts): a chart, then the same as a table. */
export function HistorySection({ indicator, years }: { indicator: IndicatorDetail; years: readonly YearChoice[] }) {
  const rows = indicatorHistoryRows(indicator, years);
  const geometry = indicatorHistoryChart({
    indicator,
    rows,
    width: 760,
    height: 300,
    fontSize: SCREEN_CHART_FONT_SIZE,
  });
  return (
    <section className="card" aria-labelledby="historique-titre">
      <h2 id="historique-titre">Historique</h2>
      {hasTargets(rows) ? (
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
