import { StyleSheet, View } from '@react-pdf/renderer';
import { hasTargets, indicatorHistoryChart } from '@shared/charts';
import type { FicheBudgetRow, FicheMeetingRow, FicheMilestoneRow } from '@shared/contract';
import { dateLong, exportDate, formatEurosFromCents, nonBreaking, shortDate } from '@shared/format';
import { type FicheActionData, ficheActionTitle } from '@shared/reports/fiche-action';
import { BulletList, DocumentTitle, FreeText, KeyValueList, type KeyValueItem, Note, Section } from '../components';
import { PdfChart, pdfMeasureText } from '../components/charts/PdfChart';
import { contentWidth, fontSizes } from '../components/theme';
import { maxCharsFor, ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { footerLabel } from '../text';

const MAX_CHARS = maxCharsFor(contentWidth, fontSizes.body);

const styles = StyleSheet.create({
  block: { marginBottom: 4 },
  history: { marginTop: 8 },
});

const amount = (cents: number | null) => (cents === null ? '—' : formatEurosFromCents(cents));

const milestoneColumns: TableColumn<FicheMilestoneRow>[] = [
  { header: 'Étape', width: 52, value: (row) => row.label },
  { header: 'Prévue le', width: 16, value: (row) => (row.dueOn ? shortDate(row.dueOn) : '—') },
  {
    header: 'Réalisée le',
    width: 16,
    value: (row) => (row.doneOn ? shortDate(row.doneOn) : row.late ? 'en retard' : '—'),
  },
  { header: 'Note', width: 16, value: (row) => row.note ?? '' },
];

const budgetColumns: TableColumn<FicheBudgetRow>[] = [
  { header: 'Année', width: 14, value: (row) => String(row.year) },
  { header: 'Financement', width: 40, value: (row) => row.sourceLabel },
  { header: 'Prévu', width: 23, numeric: true, value: (row) => amount(row.plannedCents) },
  { header: 'Réalisé', width: 23, numeric: true, value: (row) => amount(row.actualCents) },
];

const meetingColumns: TableColumn<FicheMeetingRow>[] = [
  { header: 'Date', width: 14, value: (row) => shortDate(row.date) },
  { header: 'Réunion', width: 46, value: (row) => row.title },
  { header: 'Type', width: 22, value: (row) => row.typeLabel },
  { header: 'Décisions', width: 18, numeric: true, value: (row) => String(row.decisions.length) },
];

/** Height of an indicator's history chart, in points: five contract years read well at print size. */
const HISTORY_HEIGHT = 150;

/** Cible and réalisé per contract year of each indicator of the fiche that has a target, chart then figures. */
function IndicatorHistories({ histories }: { histories: FicheActionData['indicatorHistories'] }) {
  return histories
    .filter((history) => hasTargets(history.rows))
    .map(({ indicator, rows }) => (
      <View key={indicator.id} style={styles.history}>
        <PdfChart
          showTable
          geometry={indicatorHistoryChart({
            indicator: { ...indicator, label: `${indicator.code ? `${indicator.code} — ` : ''}${indicator.label}` },
            rows,
            width: contentWidth,
            height: HISTORY_HEIGHT,
            measureText: pdfMeasureText,
          })}
        />
      </View>
    ));
}

/** The identity block of the fiche: how a CLS fiche opens (axe, cadre, porteur, pilote, public, territoire…). */
export function ficheFacts(data: FicheActionData): KeyValueItem[] {
  const { fiche } = data;
  const period =
    fiche.data.startsOn || fiche.data.endsOn
      ? [
          fiche.data.startsOn ? `du ${dateLong(fiche.data.startsOn)}` : null,
          fiche.data.endsOn ? `au ${dateLong(fiche.data.endsOn)}` : null,
        ]
          .filter(Boolean)
          .join(' ')
      : null;
  const status = fiche.lastDone
    ? `${fiche.statusLabel} — ${fiche.lastDone.label} le ${dateLong(fiche.lastDone.doneOn)}`
    : fiche.statusLabel;
  return [
    { label: 'Axe du projet de santé', value: fiche.axis },
    { label: 'Mission ACI', value: fiche.missionLabel },
    {
      label: 'Cadre',
      value: fiche.partnershipLabel
        ? `${fiche.partnershipLabel}${fiche.externalRef ? ` (${fiche.externalRef})` : ''}`
        : fiche.externalRef,
    },
    { label: 'Rôle de la CPTS', value: fiche.cptsRoleLabel },
    // The CPTS carries the action itself unless another organisation is named.
    { label: 'Porteur', value: fiche.porteurOrg ?? (fiche.cptsRole === 'porteur' ? data.cptsName : null) },
    { label: 'Pilote', value: fiche.pilot },
    {
      label: 'Référents',
      value: fiche.referents.map((referent) => (referent.role ? `${referent.name} (${referent.role})` : referent.name)),
    },
    {
      label: 'Partenaires',
      value: fiche.partners.map((partner) =>
        partner.role ? `${partner.organisation} (${partner.role})` : partner.organisation,
      ),
    },
    { label: 'Public visé', value: fiche.data.targetPublic },
    {
      label: 'Territoire',
      value: fiche.communes.length > 0 ? fiche.communes.map((commune) => commune.name).join(', ') : null,
    },
    { label: 'Période', value: period },
    { label: 'État d’avancement', value: nonBreaking(status) },
  ];
}

/** « Fiche action »: reads like a fiche of a contrat local de santé, from its identity to its next steps. */
export function FicheAction({ data }: { data: FicheActionData }) {
  const { fiche } = data;
  const title = ficheActionTitle(fiche);
  const frame = { cptsName: data.cptsName, reportTitle: 'Fiche action', footer: footerLabel(title, data.generatedAt) };
  const situation = exportDate(data.generatedAt);
  const budgetTotals = fiche.budgetByYear;
  return (
    <ReportDocument title={`${title} — ${data.cptsName}`} author={data.cptsName} subject="Fiche action">
      <ReportPage {...frame} bookmark={title}>
        <DocumentTitle
          title={title}
          subtitle={data.cptsName}
          {...(situation ? { meta: `Situation au ${situation}` } : {})}
        />
        <View style={styles.block}>
          <KeyValueList items={ficheFacts(data)} />
        </View>
        <Section title="Contexte">
          <FreeText text={fiche.data.context} maxChars={MAX_CHARS} empty="Non renseigné." />
        </Section>
        <Section title="Objectif général">
          <FreeText text={fiche.data.generalObjective} maxChars={MAX_CHARS} empty="Non renseigné." />
        </Section>
        {fiche.data.operationalObjectives.length > 0 ? (
          <Section title="Objectifs opérationnels">
            <BulletList items={fiche.data.operationalObjectives} maxChars={MAX_CHARS} />
          </Section>
        ) : null}
        <Section title="Description de l’action">
          <FreeText text={fiche.data.description} maxChars={MAX_CHARS} empty="Non renseignée." />
        </Section>
        {fiche.milestones.length > 0 ? (
          <Section title="Étapes et calendrier">
            <Table columns={milestoneColumns} rows={fiche.milestones} rowKey={(row) => String(row.id)} />
          </Section>
        ) : null}
        {fiche.budget.length > 0 ? (
          <Section title="Budget">
            <Table
              columns={budgetColumns}
              rows={fiche.budget}
              rowKey={(row) => `${row.year}-${row.source}`}
              totalRow={[
                'Total',
                '',
                amount(budgetTotals.reduce((sum, year) => sum + year.plannedCents, 0)),
                amount(budgetTotals.reduce((sum, year) => sum + year.actualCents, 0)),
              ]}
            />
          </Section>
        ) : null}
        {fiche.indicators.length > 0 ? (
          <Section title="Indicateurs de suivi">
            <BulletList
              items={fiche.indicators.map(
                (indicator) =>
                  `${indicator.code ? `${indicator.code} — ` : ''}${indicator.label} (${indicator.missionLabel})`,
              )}
              maxChars={MAX_CHARS}
            />
            <IndicatorHistories histories={data.indicatorHistories} />
          </Section>
        ) : null}
        {fiche.meetings.length > 0 ? (
          <Section title="Réunions du groupe de travail">
            <Table columns={meetingColumns} rows={fiche.meetings} rowKey={(row) => String(row.id)} />
          </Section>
        ) : null}
        <Section title="Difficultés rencontrées">
          <FreeText text={fiche.data.difficulties} maxChars={MAX_CHARS} empty="Aucune difficulté signalée." />
        </Section>
        <Section title="Perspectives">
          <FreeText text={fiche.data.nextSteps} maxChars={MAX_CHARS} empty="Non renseignées." />
        </Section>
        {fiche.documents.length > 0 ? (
          <Note>{`Documents joints dans Maillage : ${fiche.documents.map((document) => document.title ?? document.fileName).join(', ')}.`}</Note>
        ) : null}
      </ReportPage>
    </ReportDocument>
  );
}
