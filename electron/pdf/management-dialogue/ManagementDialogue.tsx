import { Image, StyleSheet, Text, View } from '@react-pdf/renderer';
import { missionEarningsChart } from '@shared/charts';
import type { PaymentLine } from '@shared/contract/contract';
import type { TrackingIndicator, TrackingMission } from '@shared/contract/indicators';
import { dateLong, exportDate, formatEurosFromCents, nonBreaking, shortDate } from '@shared/format';
import {
  attainmentText,
  contractYearHeading,
  contractYearPeriod,
  earnedOverMax,
  mismatchMessage,
  TRACKING_COLUMNS,
} from '@shared/reports/indicators-tracking';
import {
  centsOrDash,
  type DialogueEvidence,
  type DialogueMission,
  type DialoguePiece,
  type DialogueRecord,
  type DialogueRequirement,
  evidenceCountsText,
  evidenceDateText,
  MANAGEMENT_DIALOGUE_TITLE,
  type ManagementDialogueData,
  pieceLabel,
} from '@shared/reports/management-dialogue';
import {
  DocumentTitle,
  EmptyState,
  KeyFigures,
  KeyValueList,
  Note,
  SectionTitle,
  SubsectionTitle,
} from '../components';
import { PdfChart, pdfMeasureText } from '../components/charts/PdfChart';
import { colors, fontSizes, textSize, weights } from '../components/theme';
import { Grid, type GridColumn, GridTable, maxCharsFor, pageContentWidth, ReportDocument, ReportPage } from '../layout';
import { FreeText } from '../components/free-text';
import { footerLabel } from '../text';

const WARNING = '#8a3b12';
const WIDTH = pageContentWidth('landscape');

const styles = StyleSheet.create({
  logo: { marginBottom: 18, objectFit: 'contain' },
  cover: { marginTop: 60 },
  envelope: { ...textSize(fontSizes.body), color: colors.muted, marginBottom: 6 },
  warning: { ...textSize(fontSizes.body), color: WARNING, fontWeight: weights.semibold, marginTop: 4 },
  requirement: {
    flexDirection: 'row',
    borderBottomWidth: 0.5,
    borderBottomColor: colors.rule,
    paddingVertical: 3,
  },
  requirementMissing: { backgroundColor: '#fbefe8' },
  what: { width: '42%', paddingRight: 8 },
  owner: { ...textSize(fontSizes.small), color: colors.muted },
  label: { ...textSize(fontSizes.body) },
  pieces: { width: '58%' },
  piece: { ...textSize(fontSizes.body) },
  pieceNumber: { fontWeight: weights.semibold, color: colors.accent },
  missing: { ...textSize(fontSizes.body), color: WARNING, fontWeight: weights.semibold },
  optional: { ...textSize(fontSizes.small), color: colors.muted },
  missingMission: { marginBottom: 6 },
  missingItem: { ...textSize(fontSizes.body), marginLeft: 10 },
  dialogue: { marginBottom: 10 },
});

// ---------- Tables ----------

const trackingGrid = new Grid<TrackingIndicator>(
  TRACKING_COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.numeric ? { numeric: true } : {}),
    value: column.text,
  })),
  { width: WIDTH, fontSize: 8 },
);

function subtotalRow(mission: TrackingMission): string[] {
  const { earnedCents, variableMaxCents } = mission.result;
  return TRACKING_COLUMNS.map((column, index) => {
    if (index === 0) return 'Part variable projetée de la mission';
    if (column.header === '€ obtenus / max') return earnedOverMax(earnedCents, variableMaxCents);
    if (column.header === 'Taux') return attainmentText(earnedCents, variableMaxCents);
    return '';
  });
}

const summaryColumns: GridColumn<DialogueMission>[] = [
  { header: 'Mission', width: 30, value: (mission) => mission.title },
  {
    header: 'Part fixe',
    width: 12,
    numeric: true,
    value: (mission) => (mission.tracking?.envelope ? formatEurosFromCents(mission.tracking.envelope.fixedCents) : '—'),
  },
  {
    header: 'Part variable projetée / max',
    width: 20,
    numeric: true,
    value: (mission) =>
      mission.tracking
        ? earnedOverMax(mission.tracking.result.earnedCents, mission.tracking.result.variableMaxCents)
        : '—',
  },
  {
    header: 'Justificatifs fournis / attendus',
    width: 16,
    numeric: true,
    value: (mission) =>
      mission.counts.expected === 0 ? '—' : `${mission.counts.provided} / ${mission.counts.expected}`,
  },
  {
    header: 'Manquants',
    width: 10,
    numeric: true,
    value: (mission) => String(mission.counts.missing),
    faint: (mission) => mission.counts.missing === 0,
  },
];
const summaryGrid = new Grid(summaryColumns, { width: WIDTH, fontSize: 9 });

const paymentColumns: GridColumn<PaymentLine>[] = [
  { header: 'Versement', width: 30, value: (line) => line.label },
  { header: 'Mission', width: 14, value: (line) => line.missionLabel },
  { header: 'Attendu le', width: 10, value: (line) => (line.expectedOn ? shortDate(line.expectedOn) : null) },
  { header: 'Montant attendu', width: 12, numeric: true, value: (line) => centsOrDash(line.expectedCents) },
  { header: 'Reçu le', width: 10, value: (line) => (line.receivedOn ? shortDate(line.receivedOn) : null) },
  { header: 'Montant reçu', width: 12, numeric: true, value: (line) => centsOrDash(line.receivedCents) },
  { header: 'État', width: 12, value: (line) => line.statusLabel },
];
const paymentGrid = new Grid(paymentColumns, { width: WIDTH, fontSize: 8.5 });

const pieceColumns = (count: number): GridColumn<DialoguePiece>[] => [
  { header: 'Pièce', width: 7, value: (piece) => pieceLabel(piece.number, count) },
  { header: 'Fichier', width: 28, value: (piece) => piece.fileName },
  { header: 'Mission', width: 13, value: (piece) => piece.missionLabel },
  { header: 'Justifie', width: 40, value: (piece) => piece.justifies.join(' ; ') },
  {
    header: 'Dans le dossier',
    width: 12,
    value: (piece) => (piece.missingFile ? 'Manquante : fichier introuvable' : 'Jointe'),
  },
];

// ---------- Blocks ----------

function Logo({ data }: { data: ManagementDialogueData }) {
  const { logo } = data;
  if (!logo) return null;
  const height = 56;
  const width = Math.min(220, Math.round((logo.width / Math.max(1, logo.height)) * height));
  return <Image style={[styles.logo, { width, height }]} src={`data:${logo.mimeType};base64,${logo.base64}`} />;
}

function EvidenceLine({ item, count }: { item: DialogueEvidence; count: number }) {
  const when = evidenceDateText(item);
  const what = item.kind === 'meeting' ? `Réunion « ${item.label} »` : item.label;
  return (
    <Text style={styles.piece}>
      {item.pieceNumber !== null ? (
        <Text style={styles.pieceNumber}>{`${pieceLabel(item.pieceNumber, count)} — `}</Text>
      ) : null}
      {nonBreaking(`${what}${when ? ` (${when})` : ''}`)}
      {item.missingFile ? <Text style={styles.missing}> — fichier introuvable dans le dossier de Maillage</Text> : null}
    </Text>
  );
}

function RequirementRow({ requirement, count }: { requirement: DialogueRequirement; count: number }) {
  return (
    <View
      style={requirement.missing ? [styles.requirement, styles.requirementMissing] : styles.requirement}
      wrap={false}
    >
      <View style={styles.what}>
        <Text style={styles.owner}>{requirement.ownerLabel}</Text>
        <Text style={styles.label}>{requirement.label}</Text>
        {requirement.required ? null : <Text style={styles.optional}>Facultatif</Text>}
      </View>
      <View style={styles.pieces}>
        {requirement.evidence.length === 0 ? (
          <Text style={requirement.required ? styles.missing : styles.optional}>
            {requirement.required ? 'Manquant : aucune pièce fournie pour l’année' : 'Aucune pièce fournie'}
          </Text>
        ) : (
          requirement.evidence.map((item, index) => (
            <EvidenceLine key={`${item.kind}-${item.pieceNumber ?? item.label}-${index}`} item={item} count={count} />
          ))
        )}
      </View>
    </View>
  );
}

function envelopeLine(mission: TrackingMission): string {
  if (!mission.envelope) return 'Enveloppe de la mission non renseignée pour cette année.';
  const { fixedCents, variableMaxCents } = mission.envelope;
  return nonBreaking(
    `Part fixe ${formatEurosFromCents(fixedCents)} · part variable maximale ${formatEurosFromCents(variableMaxCents)} · part variable projetée ${formatEurosFromCents(mission.result.earnedCents)}`,
  );
}

function MissionSection({ mission, count, first }: { mission: DialogueMission; count: number; first: boolean }) {
  const tracking = mission.tracking;
  const mismatch = tracking ? mismatchMessage(tracking) : null;
  return (
    <View break={!first}>
      <SectionTitle>{mission.title}</SectionTitle>
      {tracking ? <Text style={styles.envelope}>{envelopeLine(tracking)}</Text> : null}
      {tracking && tracking.indicators.length > 0 ? (
        <GridTable
          grid={trackingGrid}
          rows={tracking.indicators.map((line) => trackingGrid.row(line))}
          totalRow={trackingGrid.total(subtotalRow(tracking))}
        />
      ) : (
        <EmptyState>Aucun indicateur avec une cible cette année pour cette mission.</EmptyState>
      )}
      {mismatch ? <Text style={styles.warning}>{mismatch}</Text> : null}
      <SubsectionTitle>{`Justificatifs — ${evidenceCountsText(mission.counts).toLowerCase()}`}</SubsectionTitle>
      {mission.requirements.length === 0 ? (
        <EmptyState>Aucun justificatif attendu pour cette mission.</EmptyState>
      ) : (
        mission.requirements.map((requirement) => (
          <RequirementRow
            key={`${requirement.ownerLabel}-${requirement.label}`}
            requirement={requirement}
            count={count}
          />
        ))
      )}
    </View>
  );
}

function MissingByMission({ missions }: { missions: DialogueMission[] }) {
  const withGaps = missions.filter((mission) => mission.counts.missing > 0);
  if (withGaps.length === 0) return <Note>Tous les justificatifs attendus pour l’année sont fournis.</Note>;
  return (
    <View>
      {withGaps.map((mission) => (
        <View key={mission.title} style={styles.missingMission} wrap={false}>
          <Text
            style={styles.missing}
          >{`${mission.title} : ${mission.counts.missing} manquant${mission.counts.missing > 1 ? 's' : ''}`}</Text>
          {mission.requirements
            .filter((requirement) => requirement.missing)
            .map((requirement) => (
              <Text key={`${requirement.ownerLabel}-${requirement.label}`} style={styles.missingItem}>
                {nonBreaking(`• ${requirement.label} (${requirement.ownerLabel})`)}
              </Text>
            ))}
        </View>
      ))}
    </View>
  );
}

function DialogueHeld({ dialogue }: { dialogue: DialogueRecord }) {
  return (
    <View style={styles.dialogue} wrap={false}>
      <SubsectionTitle>{`Dialogue de gestion du ${dateLong(dialogue.heldOn)}`}</SubsectionTitle>
      <KeyValueList
        items={[
          { label: 'Participants', value: dialogue.participants },
          { label: 'Documents transmis', value: dialogue.documentsSent },
          { label: 'Part variable validée', value: centsOrDash(dialogue.variableValidatedCents) },
          {
            label: 'Cibles modifiées',
            value: dialogue.targetsAmended
              ? `Oui${dialogue.amendmentNote ? ` : ${dialogue.amendmentNote}` : ''}`
              : 'Non',
          },
        ]}
      />
      {dialogue.outcome ? (
        <View>
          <Text style={styles.owner}>Conclusions</Text>
          <FreeText text={dialogue.outcome} maxChars={maxCharsFor(WIDTH, fontSizes.body)} />
        </View>
      ) : null}
    </View>
  );
}

/** « Dossier du dialogue de gestion » of a contract year. */
export function ManagementDialogue({ data }: { data: ManagementDialogueData }) {
  const { table } = data;
  const heading = contractYearHeading(table);
  const reportTitle = `${MANAGEMENT_DIALOGUE_TITLE} — année ${table.yearIndex}`;
  const frame = {
    cptsName: data.cptsName,
    reportTitle,
    footer: footerLabel(reportTitle, data.generatedAt),
    orientation: 'landscape' as const,
  };
  const situation = exportDate(data.generatedAt);
  const year = table.result;
  const count = data.pieces.length;
  const chartMissions = data.missions.flatMap((mission) => (mission.tracking?.envelope ? [mission.tracking] : []));
  const pieces = new Grid(pieceColumns(count), { width: WIDTH, fontSize: 8.5 });
  const missingFiles = data.pieces.filter((piece) => piece.missingFile).length;
  return (
    <ReportDocument
      title={`${MANAGEMENT_DIALOGUE_TITLE} — ${heading} — ${data.cptsName}`}
      author={data.cptsName}
      subject={MANAGEMENT_DIALOGUE_TITLE}
    >
      <ReportPage {...frame} bookmark="Couverture">
        <View style={styles.cover}>
          <Logo data={data} />
          <DocumentTitle
            title={MANAGEMENT_DIALOGUE_TITLE}
            subtitle={data.cptsName}
            meta={nonBreaking(`${heading}, ${contractYearPeriod(table)}`)}
          />
          <KeyValueList
            items={[
              { label: 'Contrat', value: table.contractNumber ? `n° ${table.contractNumber}` : null },
              { label: 'Année de contrat', value: `Année ${table.yearIndex}` },
              { label: 'Période', value: `${contractYearPeriod(table)}` },
              { label: 'Situation au', value: situation || null },
              {
                label: 'Pièces jointes',
                value:
                  count === 0
                    ? 'Aucune'
                    : `${count} pièce${count > 1 ? 's' : ''}, dans « … - justificatifs.zip » à côté de ce PDF`,
              },
            ]}
          />
        </View>
      </ReportPage>
      <ReportPage {...frame} bookmark="Synthèse">
        <SectionTitle>Synthèse</SectionTitle>
        <KeyFigures
          items={[
            {
              label: 'Part variable projetée',
              value: earnedOverMax(year.earnedCents, year.variableMaxCents),
              detail: `${attainmentText(year.earnedCents, year.variableMaxCents)} de la part variable maximale`,
            },
            { label: 'Part fixe', value: formatEurosFromCents(year.fixedCents) },
            {
              label: 'Versements reçus / attendus',
              value: `${formatEurosFromCents(data.paymentTotals.receivedCents)} / ${formatEurosFromCents(data.paymentTotals.expectedCents)}`,
            },
            {
              label: 'Justificatifs fournis / attendus',
              value: `${data.evidence.provided} / ${data.evidence.expected}`,
              detail: `${data.evidence.missing} manquant${data.evidence.missing > 1 ? 's' : ''}`,
            },
          ]}
        />
        {chartMissions.length > 0 ? (
          <PdfChart
            geometry={missionEarningsChart({
              missions: chartMissions,
              width: Math.round(WIDTH * 0.66),
              fontSize: 8.5,
              measureText: pdfMeasureText,
            })}
          />
        ) : null}
        {data.missions.length === 0 ? (
          <EmptyState>
            Aucune enveloppe de mission, aucune cible d’indicateur ni aucun justificatif attendu pour cette année de
            contrat.
          </EmptyState>
        ) : (
          <View wrap={false}>
            <SubsectionTitle>Par mission</SubsectionTitle>
            <GridTable
              grid={summaryGrid}
              rows={data.missions.map((mission) => summaryGrid.row(mission))}
              totalRow={summaryGrid.total([
                'Total',
                formatEurosFromCents(year.fixedCents),
                earnedOverMax(year.earnedCents, year.variableMaxCents),
                data.evidence.expected === 0 ? '—' : `${data.evidence.provided} / ${data.evidence.expected}`,
                String(data.evidence.missing),
              ])}
            />
          </View>
        )}
        <SubsectionTitle>Justificatifs manquants</SubsectionTitle>
        <MissingByMission missions={data.missions} />
        {data.untargeted > 0 ? (
          <Note>
            {nonBreaking(
              `${data.untargeted} ${data.untargeted > 1 ? 'indicateurs du contrat n’ont' : 'indicateur du contrat n’a'} pas de cible pour cette année : ${data.untargeted > 1 ? 'ils ne figurent' : 'il ne figure'} pas dans les tableaux.`,
            )}
          </Note>
        ) : null}
        <Note>
          {nonBreaking(
            'Part variable projetée : ce que rapportent les indicateurs d’après la mesure qui compte pour l’année (validée par la CPAM, sinon déclarée, sinon la plus récente), avant le dialogue de gestion.',
          )}
        </Note>
      </ReportPage>
      {data.missions.length > 0 ? (
        <ReportPage {...frame} bookmark="Missions">
          {data.missions.map((mission, index) => (
            <MissionSection key={mission.title} mission={mission} count={count} first={index === 0} />
          ))}
        </ReportPage>
      ) : null}
      <ReportPage {...frame} bookmark="Versements">
        <SectionTitle>{`Versements de l’année ${table.yearIndex}`}</SectionTitle>
        {data.payments.length === 0 ? (
          <EmptyState>Aucun versement attendu ni reçu pour cette année de contrat.</EmptyState>
        ) : (
          <GridTable
            grid={paymentGrid}
            rows={data.payments.map((line) => paymentGrid.row(line))}
            totalRow={paymentGrid.total([
              'Total',
              '',
              '',
              formatEurosFromCents(data.paymentTotals.expectedCents),
              '',
              formatEurosFromCents(data.paymentTotals.receivedCents),
              '',
            ])}
          />
        )}
        <SectionTitle>Dialogue de gestion</SectionTitle>
        {data.dialogues.length === 0 ? (
          <Note>Le dialogue de gestion de cette année n’est pas encore enregistré.</Note>
        ) : (
          data.dialogues.map((dialogue) => <DialogueHeld key={dialogue.heldOn} dialogue={dialogue} />)
        )}
      </ReportPage>
      <ReportPage {...frame} bookmark="Pièces jointes">
        <SectionTitle>Liste des pièces jointes</SectionTitle>
        {count === 0 ? (
          <EmptyState>Aucun fichier n’est joint aux justificatifs de cette année.</EmptyState>
        ) : (
          <>
            <Note>
              {nonBreaking(
                `Chaque pièce est dans le fichier « … - justificatifs.zip » enregistré à côté de ce PDF, sous son numéro (« ${data.pieces[0]!.entryName} »).`,
              )}
            </Note>
            <GridTable grid={pieces} rows={data.pieces.map((piece) => pieces.row(piece))} />
            {missingFiles > 0 ? (
              <Text style={styles.warning}>
                {nonBreaking(
                  `${missingFiles} ${missingFiles > 1 ? 'pièces sont introuvables' : 'pièce est introuvable'} dans le dossier des documents de Maillage : ${missingFiles > 1 ? 'elles ne sont' : 'elle n’est'} pas dans le zip. Joignez-${missingFiles > 1 ? 'les' : 'la'} de nouveau.`,
                )}
              </Text>
            ) : null}
          </>
        )}
      </ReportPage>
    </ReportDocument>
  );
}
