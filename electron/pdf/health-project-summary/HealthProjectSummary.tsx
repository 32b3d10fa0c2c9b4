import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { fichesByMissionChart } from '@shared/charts';
import type { FicheListRow } from '@shared/contract/fiches';
import { ACI_MISSIONS } from '@shared/domain/aci/reference';
import { exportDate, nonBreaking, plural } from '@shared/format';
import {
  ficheLabel,
  frameText,
  HEALTH_PROJECT_SUMMARY_TITLE,
  type HealthProjectSummaryData,
  type SummaryPartnership,
  roleText,
  statusCountsLine,
  statusText,
} from '@shared/reports/health-project-summary';
import { DocumentTitle, EmptyState, KeyValueList, type KeyValueItem, Section } from '../components';
import { PdfChart, pdfMeasureText } from '../components/charts/PdfChart';
import { colors, contentWidth, fontSizes, textSize } from '../components/theme';
import { ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { footerLabel } from '../text';

const styles = StyleSheet.create({
  block: { marginBottom: 4 },
  counts: { ...textSize(fontSizes.body), color: colors.muted, marginBottom: 4 },
});

const ficheColumns: TableColumn<FicheListRow>[] = [
  { header: 'Fiche action', width: 34, value: ficheLabel },
  { header: 'Rôle de la CPTS', width: 17, value: roleText },
  { header: 'État', width: 17, value: (row) => nonBreaking(statusText(row)) },
  { header: 'Pilote', width: 12, value: (row) => row.pilot ?? '—' },
  { header: 'Cadre', width: 20, value: frameText },
];

const partnershipColumns: TableColumn<SummaryPartnership>[] = [
  { header: 'Partenariat', width: 75, value: (row) => row.label },
  { header: 'Fiches actions', width: 25, numeric: true, value: (row) => String(row.fichesCount) },
];

function contractFacts(data: HealthProjectSummaryData, total: number, allFiches: FicheListRow[]): KeyValueItem[] {
  const { contract } = data;
  return [
    { label: 'Contrat ACI', value: contract ? (contract.number ?? 'Numéro non renseigné') : 'Aucun contrat saisi' },
    {
      label: 'Année en cours',
      value: contract?.currentYearLabel
        ? `${contract.currentYearLabel}${contract.currentYearPeriod ? ` (${contract.currentYearPeriod})` : ''}`
        : null,
    },
    { label: 'Fiches actions', value: plural(total, 'fiche action', 'fiches actions') },
    { label: 'Par état', value: statusCountsLine(allFiches) },
  ];
}

/** Small enough for « Accompagnement » to sit under its column among seven. */
const CHART_FONT_SIZE = 7.5;

/** Up to this many fiches a mission stays whole on its page rather than leaving its title or header behind. */
const KEEP_TOGETHER_ROWS = 6;

/** The chart's column of a mission: its short name (« Parcours »), which fits under a column. */
const shortName = (mission: { code: string; label: string }) =>
  ACI_MISSIONS.find((reference) => reference.code === mission.code)?.shortLabel ?? mission.label;

/** Each mission's fiches by status, stacked, then the fiches without a mission. */
function FichesChart({ data }: { data: HealthProjectSummaryData }) {
  const groups = [
    ...data.missions.map((mission) => ({ label: shortName(mission), fiches: mission.fiches })),
    ...(data.withoutMission.length > 0 ? [{ label: 'Sans mission', fiches: data.withoutMission }] : []),
  ];
  return (
    <PdfChart
      geometry={fichesByMissionChart({
        groups,
        width: contentWidth,
        height: 190,
        fontSize: CHART_FONT_SIZE,
        measureText: pdfMeasureText,
      })}
    />
  );
}

function FicheTable({ fiches }: { fiches: FicheListRow[] }) {
  if (fiches.length === 0) return <EmptyState>Aucune fiche action pour cette mission.</EmptyState>;
  return (
    <>
      <Text style={styles.counts}>{statusCountsLine(fiches)}</Text>
      <Table columns={ficheColumns} rows={fiches} rowKey={(row) => String(row.id)} />
    </>
  );
}

/** « Synthèse du projet de santé »: the fiches actions by ACI mission, with their status and counts. */
export function HealthProjectSummary({ data }: { data: HealthProjectSummaryData }) {
  const title = HEALTH_PROJECT_SUMMARY_TITLE;
  const frame = { cptsName: data.cptsName, reportTitle: title, footer: footerLabel(title, data.generatedAt) };
  const situation = exportDate(data.generatedAt);
  const allFiches = [...data.missions.flatMap((mission) => mission.fiches), ...data.withoutMission];
  return (
    <ReportDocument title={`${title} — ${data.cptsName}`} author={data.cptsName} subject={title}>
      <ReportPage {...frame} bookmark={title}>
        <DocumentTitle
          title={title}
          subtitle={data.cptsName}
          {...(situation ? { meta: `Situation au ${situation}` } : {})}
        />
        <View style={styles.block}>
          <KeyValueList items={contractFacts(data, allFiches.length, allFiches)} />
        </View>
        {allFiches.length > 0 ? <FichesChart data={data} /> : null}
        {data.missions.map((mission) => (
          <View key={mission.code} wrap={mission.fiches.length > KEEP_TOGETHER_ROWS}>
            <Section title={mission.label}>
              <FicheTable fiches={mission.fiches} />
            </Section>
          </View>
        ))}
        {data.withoutMission.length > 0 ? (
          <View wrap={data.withoutMission.length > KEEP_TOGETHER_ROWS}>
            <Section title="Fiches sans mission ACI">
              <FicheTable fiches={data.withoutMission} />
            </Section>
          </View>
        ) : null}
        {allFiches.length === 0 ? <EmptyState>Aucune fiche action saisie.</EmptyState> : null}
        {data.partnerships.length > 0 ? (
          <View wrap={data.partnerships.length > KEEP_TOGETHER_ROWS}>
            <Section title="Partenariats">
              <Table columns={partnershipColumns} rows={data.partnerships} rowKey={(row) => row.label} />
            </Section>
          </View>
        ) : null}
      </ReportPage>
    </ReportDocument>
  );
}
