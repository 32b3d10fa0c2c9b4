import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { missionEarningsBar, missionEarningsChart } from '@shared/charts';
import type { TrackingIndicator, TrackingMission } from '@shared/contract/indicators';
import { exportDate, formatEurosFromCents, nonBreaking } from '@shared/format';
import {
  annexMissions,
  attainmentText,
  contractYearHeading,
  contractYearPeriod,
  earnedOverMax,
  INDICATORS_TRACKING_TITLE,
  mismatchMessage,
  missionTitle,
  type IndicatorsTrackingData,
  TRACKING_COLUMNS,
} from '@shared/reports/indicators-tracking';
import { DocumentTitle, EmptyState, KeyFigures, Note, SectionTitle } from '../components';
import { PdfChart, pdfMeasureText } from '../components/charts/PdfChart';
import { colors, fontSizes, textSize, weights } from '../components/theme';
import { Grid, type GridColumn, GridTable, pageContentWidth, ReportDocument, ReportPage } from '../layout';
import { footerLabel } from '../text';

const styles = StyleSheet.create({
  mission: { marginBottom: 14 },
  envelope: { ...textSize(fontSizes.body), color: colors.muted, marginBottom: 4 },
  warning: {
    ...textSize(fontSizes.body),
    color: '#8a3b12',
    fontWeight: weights.semibold,
    marginTop: 4,
  },
});

/** The indicators' table spans the landscape page, in a smaller size than the body text. */
const TABLE_FONT_SIZE = 8;

const columns: GridColumn<TrackingIndicator>[] = TRACKING_COLUMNS.map((column) => ({
  header: column.header,
  width: column.width,
  ...(column.numeric ? { numeric: true } : {}),
  value: column.text,
}));

const grid = new Grid(columns, { width: pageContentWidth('landscape'), fontSize: TABLE_FONT_SIZE });

/** The charts take part of the page's width (figures stay near their bars) and the tables' size. */
const CHART_WIDTH = Math.round(pageContentWidth('landscape') * 0.66);
const CHART_FONT_SIZE = 8;
/** A mission's own bar, under its envelope: half the page. */
const BAR_WIDTH = Math.round(pageContentWidth('landscape') * 0.5);

/** « Part fixe 90 000 € · part variable maximale 35 000 € », or why there is no envelope. */
export function envelopeLine(mission: TrackingMission): string {
  if (!mission.envelope) return 'Enveloppe de la mission non renseignée pour cette année.';
  const { fixedCents, variableMaxCents } = mission.envelope;
  return nonBreaking(
    `Part fixe ${formatEurosFromCents(fixedCents)} · part variable maximale ${formatEurosFromCents(variableMaxCents)}`,
  );
}

/** The closing row of a mission: Σ earned / variable maximum and its taux d’atteinte. */
function subtotalRow(mission: TrackingMission): string[] {
  const { earnedCents, variableMaxCents } = mission.result;
  return TRACKING_COLUMNS.map((column, index) => {
    if (index === 0) return 'Sous-total de la mission';
    if (column.header === '€ obtenus / max') return earnedOverMax(earnedCents, variableMaxCents);
    if (column.header === 'Taux') return attainmentText(earnedCents, variableMaxCents);
    return '';
  });
}

/** Up to this many indicators a mission stays whole on its page rather than leaving its title or header behind. */
const KEEP_TOGETHER_ROWS = 10;

function MissionTable({ mission }: { mission: TrackingMission }) {
  const mismatch = mismatchMessage(mission);
  return (
    <View style={styles.mission} wrap={mission.indicators.length > KEEP_TOGETHER_ROWS}>
      <SectionTitle>{missionTitle(mission)}</SectionTitle>
      <Text style={styles.envelope}>{envelopeLine(mission)}</Text>
      {mission.envelope ? (
        <PdfChart
          showTitle={false}
          geometry={missionEarningsBar({
            mission,
            width: BAR_WIDTH,
            fontSize: CHART_FONT_SIZE,
            measureText: pdfMeasureText,
          })}
        />
      ) : null}
      {mission.indicators.length === 0 ? (
        <EmptyState>Aucun indicateur pour cette mission.</EmptyState>
      ) : (
        <GridTable
          grid={grid}
          rows={mission.indicators.map((line) => grid.row(line))}
          totalRow={grid.total(subtotalRow(mission))}
        />
      )}
      {mismatch ? <Text style={styles.warning}>{mismatch}</Text> : null}
    </View>
  );
}

interface SummaryRow {
  label: string;
  fixedCents: number;
  variableMaxCents: number;
  earnedCents: number;
}

const summaryColumns: GridColumn<SummaryRow>[] = [
  { header: 'Mission', width: 34, value: (row) => row.label },
  { header: 'Part fixe', width: 14, numeric: true, value: (row) => formatEurosFromCents(row.fixedCents) },
  {
    header: 'Part variable maximale',
    width: 18,
    numeric: true,
    value: (row) => formatEurosFromCents(row.variableMaxCents),
  },
  { header: 'Part variable obtenue', width: 18, numeric: true, value: (row) => formatEurosFromCents(row.earnedCents) },
  {
    header: 'Taux d’atteinte',
    width: 12,
    numeric: true,
    value: (row) => attainmentText(row.earnedCents, row.variableMaxCents),
  },
  {
    header: 'Total',
    width: 14,
    numeric: true,
    value: (row) => formatEurosFromCents(row.fixedCents + row.earnedCents),
  },
];

const summaryGrid = new Grid(summaryColumns, { width: pageContentWidth('landscape'), fontSize: 9 });

/** « Tableau de suivi des indicateurs » of a contract year: per mission its indicators, then the year's totals. */
export function IndicatorsTracking({ data }: { data: IndicatorsTrackingData }) {
  const { table } = data;
  const heading = contractYearHeading(table);
  const reportTitle = `${INDICATORS_TRACKING_TITLE} — année ${table.yearIndex}`;
  const frame = {
    cptsName: data.cptsName,
    reportTitle,
    footer: footerLabel(reportTitle, data.generatedAt),
    orientation: 'landscape' as const,
  };
  const situation = exportDate(data.generatedAt);
  const year = table.result;
  const { missions, untargeted } = annexMissions(table);
  const summary: SummaryRow[] = missions.map((mission) => ({
    label: missionTitle(mission),
    fixedCents: mission.result.fixedCents,
    variableMaxCents: mission.result.variableMaxCents,
    earnedCents: mission.result.earnedCents,
  }));
  return (
    <ReportDocument
      title={`${INDICATORS_TRACKING_TITLE} — ${heading} — ${data.cptsName}`}
      author={data.cptsName}
      subject={INDICATORS_TRACKING_TITLE}
    >
      <ReportPage {...frame} bookmark={reportTitle}>
        <DocumentTitle
          title={INDICATORS_TRACKING_TITLE}
          subtitle={data.cptsName}
          meta={nonBreaking(
            `${heading}, ${contractYearPeriod(table)}${situation ? ` — situation au ${situation}` : ''}`,
          )}
        />
        <KeyFigures
          items={[
            { label: 'Part fixe', value: formatEurosFromCents(year.fixedCents) },
            { label: 'Part variable maximale', value: formatEurosFromCents(year.variableMaxCents) },
            { label: 'Part variable obtenue', value: formatEurosFromCents(year.earnedCents) },
            {
              label: 'Taux d’atteinte',
              value: attainmentText(year.earnedCents, year.variableMaxCents),
              detail: 'part variable obtenue / maximale',
            },
            {
              label: 'Total de l’année',
              value: formatEurosFromCents(year.totalCents),
              detail: 'part fixe + variable obtenue',
            },
          ]}
        />
        {missions.length > 0 ? (
          <PdfChart
            geometry={missionEarningsChart({
              missions,
              width: CHART_WIDTH,
              fontSize: CHART_FONT_SIZE + 0.5,
              measureText: pdfMeasureText,
            })}
          />
        ) : null}
        {missions.length === 0 ? (
          <EmptyState>
            Aucune enveloppe de mission ni aucune cible d’indicateur n’est renseignée pour cette année de contrat.
          </EmptyState>
        ) : (
          missions.map((mission) => <MissionTable key={mission.missionCode} mission={mission} />)
        )}
        {missions.length > 0 ? (
          <View wrap={false}>
            <SectionTitle>{`Totaux de l’année ${table.yearIndex}`}</SectionTitle>
            <GridTable
              grid={summaryGrid}
              rows={summary.map((row) => summaryGrid.row(row))}
              totalRow={summaryGrid.total([
                'Total',
                formatEurosFromCents(year.fixedCents),
                formatEurosFromCents(year.variableMaxCents),
                formatEurosFromCents(year.earnedCents),
                attainmentText(year.earnedCents, year.variableMaxCents),
                formatEurosFromCents(year.totalCents),
              ])}
            />
          </View>
        ) : null}
        {untargeted > 0 ? (
          <Note>
            {nonBreaking(
              `${untargeted} ${untargeted > 1 ? 'indicateurs du contrat n’ont' : 'indicateur du contrat n’a'} pas de cible pour cette année : ${untargeted > 1 ? 'ils ne figurent' : 'il ne figure'} pas dans ce tableau.`,
            )}
          </Note>
        ) : null}
        <Note>
          {nonBreaking(
            'Palier atteint : le meilleur palier que la valeur réalisée atteint (les paliers ne se cumulent pas). ' +
              'Réalisé : la mesure qui compte pour l’année (validée par la CPAM, sinon déclarée, sinon la plus récente). ' +
              'Justificatifs : pièces fournies pour l’année sur pièces attendues.',
          )}
        </Note>
      </ReportPage>
    </ReportDocument>
  );
}
