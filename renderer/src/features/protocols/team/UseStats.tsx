import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { ProtocolUseFigures, ProtocolUseRow, ProtocolUseStatsRow } from '@shared/contract';
import { columnChart } from '@shared/charts';
import { AGE_BANDS, PATIENT_SEXES, USE_OUTCOMES } from '@shared/domain/protocol-labels';
import { formatInteger, formatShare } from '@shared/format';
import { Chart } from '../../../components/charts/Chart';
import { DataTable } from '../../../components/DataTable';

const MONTHS = Array.from({ length: 12 }, (_, month) => format(new Date(2026, month, 1), 'LLL', { locale: fr }));

/** The year's uses by month, one series per outcome (stacked). */
function usesByMonth(uses: readonly ProtocolUseRow[], year: number) {
  return columnChart({
    title: `Utilisations ${year} par mois et par issue`,
    width: 720,
    height: 260,
    categories: MONTHS,
    categoryHeader: 'Mois',
    mode: 'stacked',
    format: 'integer',
    series: USE_OUTCOMES.map((outcome) => ({
      label: outcome.label,
      values: MONTHS.map(
        (_, month) =>
          uses.filter((use) => use.outcome === outcome.code && Number(use.usedOn.slice(5, 7)) === month + 1).length,
      ),
    })),
  });
}

/** The figures of the yearly follow-up: uses, outcomes, adverse events, active professionals; by age band and sex. */
export function UseStats({
  stats,
  uses,
  year,
}: {
  stats: ProtocolUseStatsRow | ProtocolUseFigures;
  uses: readonly ProtocolUseRow[];
  year: number;
}) {
  return (
    <>
      <dl className="tiles uses-tiles">
        <Tile label="Utilisations" value={stats.uses} />
        <Tile label="Pris en charge" value={stats.prisEnCharge} note={formatShare(stats.prisEnCharge, stats.uses)} />
        <Tile label="Réorientations" value={stats.reorientations} note="vers le délégant" />
        <Tile label="Urgences" value={stats.urgences} note="orientations vers les urgences" />
        <Tile label="Événements indésirables" value={stats.adverseEvents} />
        <Tile label="Professionnels actifs" value={stats.activeProfessionals} note="au moins une utilisation" />
      </dl>
      {stats.uses > 0 && <Chart geometry={usesByMonth(uses, year)} />}
      <div className="uses-breakdowns">
        <DataTable
          rows={AGE_BANDS}
          rowKey={(band) => band.code}
          compact
          aria-label={`Utilisations ${year} par tranche d’âge`}
          columns={[
            { header: 'Tranche d’âge', rowHeader: true, cell: (band) => band.label },
            { header: 'Utilisations', className: 'num', cell: (band) => formatInteger(stats.byAgeBand[band.code]) },
          ]}
        />
        <DataTable
          rows={[
            ...PATIENT_SEXES.map((sex) => ({ key: sex.code, label: sex.label, count: stats.bySex[sex.code] })),
            { key: 'mt', label: 'Avec un médecin traitant', count: stats.withMt },
          ]}
          rowKey={(row) => row.key}
          compact
          aria-label={`Utilisations ${year} par sexe`}
          columns={[
            { header: 'Patients', rowHeader: true, cell: (row) => row.label },
            { header: 'Utilisations', className: 'num', cell: (row) => formatInteger(row.count) },
          ]}
        />
      </div>
    </>
  );
}

function Tile({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd className="tile-value">{formatInteger(value)}</dd>
      {note && <dd className="tile-note">{note}</dd>}
    </div>
  );
}
