import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { PvData, PvResolution } from '@shared/reports/ag';
import { dateLong, dayLong, formatInteger, formatVoix, frenchSpacing, frenchTime, NBSP } from '@shared/format';
import { DocumentTitle, EmptyState, FreeText, KeyFigures, KeyValueList, Section, SubsectionTitle } from '../components';
import { maxCharsFor, ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import type { KeyValueItem } from '../components';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import {
  lowerFirst,
  majorityLine,
  meetingHeading,
  meetingWhere,
  ofAssociation,
  organWith,
  resolutionHeading,
  runningTitle,
} from '@shared/reports/ag-format';

import { footerLabel } from '../text';

export const PV_TITLE = 'Procès-verbal';
export const DRAFT_MARK = 'BROUILLON';
export const DRAFT_BANNER = `${DRAFT_MARK} — procès-verbal non approuvé, à ne pas diffuser`;
export const NO_DEBATE = 'Aucun débat consigné.';

const ITEM_INDENT = 12;
const RESOLUTION_PADDING = 10;
const ITEM_MAX_CHARS = maxCharsFor(contentWidth - ITEM_INDENT, fontSizes.body);
const RESOLUTION_MAX_CHARS = maxCharsFor(contentWidth - ITEM_INDENT - 2 * RESOLUTION_PADDING - 3, fontSizes.body);
/** A resolution whose text is shorter than this is kept whole on one page. */
const KEEP_RESOLUTION_CHARS = 1400;

type Meeting = PvData['meeting'];
type Votes = NonNullable<PvResolution['votes']>;
type Outcome = 'adopted' | 'rejected' | 'none';

const outcomeColors: Record<Outcome, { text: string; background: string; border: string }> = {
  adopted: { text: colors.accent, background: colors.accentSoft, border: colors.accent },
  rejected: { text: '#8a2c0d', background: '#fbece5', border: '#b5471d' },
  none: { text: colors.muted, background: colors.zebra, border: colors.faint },
};

const styles = StyleSheet.create({
  draftBanner: {
    borderWidth: 1,
    borderColor: '#b5471d',
    backgroundColor: '#fbece5',
    paddingVertical: 4,
    paddingHorizontal: 10,
    marginBottom: 12,
  },
  draftText: {
    ...textSize(fontSizes.body, 1.25),
    fontWeight: weights.bold,
    color: '#8a2c0d',
    textAlign: 'center',
    letterSpacing: 0.4,
  },
  opening: { ...textSize(fontSizes.body), marginBottom: 6 },
  section: { marginBottom: 16 },

  quorum: {
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    backgroundColor: colors.accentSoft,
    paddingVertical: 6,
    paddingHorizontal: 10,
    marginBottom: 10,
  },
  quorumText: { ...textSize(fontSizes.body), fontWeight: weights.semibold, color: colors.accent },
  listTitle: { ...textSize(fontSizes.body), fontWeight: weights.semibold, marginTop: 6, marginBottom: 2 },
  names: textSize(fontSizes.body - 1, 1.4),
  none: { ...textSize(fontSizes.body - 0.5), color: colors.muted },

  item: { marginBottom: 10 },
  itemBody: { paddingLeft: ITEM_INDENT },
  label: {
    ...textSize(fontSizes.small, 1.3),
    color: colors.muted,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    marginBottom: 2,
  },
  resolution: {
    borderWidth: 0.6,
    borderColor: colors.rule,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    paddingVertical: 8,
    paddingHorizontal: RESOLUTION_PADDING,
    marginTop: 8,
  },
  resolutionTitle: {
    ...textSize(fontSizes.lead, 1.3),
    fontWeight: weights.bold,
    color: colors.accent,
    marginBottom: 4,
  },
  majority: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 4, marginBottom: 6 },
  noVotes: { ...textSize(fontSizes.body - 0.5), color: colors.muted, marginBottom: 4 },
  result: { borderLeftWidth: 3, paddingVertical: 5, paddingHorizontal: 8, marginTop: 6 },
  resultText: { ...textSize(fontSizes.lead + 1, 1.25), fontWeight: weights.bold },
  arithmetic: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 2 },

  closing: { ...textSize(fontSizes.body), marginBottom: 6 },
  signatures: { flexDirection: 'row', flexWrap: 'wrap', marginTop: 16 },
  signature: { paddingRight: 18, marginBottom: 14 },
  signatureCapacity: { ...textSize(fontSizes.body), fontWeight: weights.semibold },
  signatureName: textSize(fontSizes.body),
  signatureBox: { height: 62, marginTop: 6, borderBottomWidth: 0.6, borderBottomColor: colors.rule },
  signatureHint: { ...textSize(fontSizes.small), color: colors.faint, marginTop: 2 },
});

// ---------------------------------------------------------------------------------------------- texts

/** « Procès-verbal de l'assemblée générale ordinaire du 11 juin 2026 ». */
export function pvTitle(meeting: Pick<Meeting, 'organLabel' | 'date'>): string {
  const day = dateLong(meeting.date).replace(/ /g, NBSP);
  return `${PV_TITLE} ${organWith('de', meeting.organLabel)}${day ? ` du ${day}` : ''}`;
}

/** « Le jeudi 11 juin 2026 à 18 h 30, les membres de la CPTS … se sont réunis en assemblée générale ordinaire, … ». */
export function openingSentence(data: Pick<PvData, 'association' | 'meeting'>): string {
  const { meeting } = data;
  const day = dayLong(meeting.date);
  const time = frenchTime(meeting.startTime);
  const when = day ? `Le ${day}${time ? ` à ${time}` : ''}, les` : 'Les';
  const round = meeting.round === 2 ? ', sur deuxième convocation,' : '';
  return (
    `${when} membres ${ofAssociation(data.association)} se sont réunis en ${lowerFirst(meeting.organLabel)}${round} ` +
    `${meetingWhere(meeting)}.`
  );
}

/** « L'ordre du jour étant épuisé, la séance est levée à 20 h 45. » */
export function closingSentence(closingTime: string | null): string {
  const time = frenchTime(closingTime);
  return `L'ordre du jour étant épuisé, la séance est levée${time ? ` à ${time}` : ''}.`;
}

/** « De tout ce qui précède, il a été dressé le présent procès-verbal, signé par le président de séance et … ». */
export function attestationSentence(signatories: PvData['signatories']): string {
  const capacities = signatories.map((s) => lowerFirst(s.capacity)).filter(Boolean);
  const base = 'De tout ce qui précède, il a été dressé le présent procès-verbal';
  if (capacities.length === 0) return `${base}.`;
  const last = capacities.pop();
  const list = capacities.length > 0 ? `${capacities.join(', ')} et ${last}` : last;
  return `${base}, signé par ${list}.`;
}

/** A list of names as one paragraph: each name kept on one line, « ; » (after a non-breaking space) between entries. */
export function namesParagraph(names: readonly string[]): string {
  return `${names.map((name) => name.trim().replace(/\s+/g, NBSP).replace(`${NBSP}—${NBSP}`, `${NBSP}— `)).join(`${NBSP}; `)}.`;
}

function outcomeOf(resolution: Pick<PvResolution, 'adopted'>): Outcome {
  if (resolution.adopted === true) return 'adopted';
  if (resolution.adopted === false) return 'rejected';
  return 'none';
}

function withPeriod(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function sessionItems(data: PvData): KeyValueItem[] {
  const { association, meeting } = data;
  const items: KeyValueItem[] = [
    { label: 'Association', value: [association.name, association.legalLine, association.address ?? ''] },
    {
      label: 'Instance',
      value: meeting.round === 2 ? `${meeting.organLabel}, sur deuxième convocation` : meeting.organLabel,
    },
    { label: 'Date', value: dayLong(meeting.date) || null },
    { label: 'Ouverture de la séance', value: frenchTime(meeting.startTime) },
  ];
  if (meeting.place || !meeting.visioUrl) items.push({ label: 'Lieu', value: meeting.place });
  if (meeting.visioUrl) items.push({ label: 'Visioconférence', value: meeting.visioUrl });
  items.push(
    { label: 'Convocation', value: data.convocationLine || null },
    { label: 'Président·e de séance', value: data.presidentSeance },
    { label: 'Secrétaire de séance', value: data.secretaireSeance },
    { label: 'Statut du procès-verbal', value: data.statusLabel || null },
  );
  return items;
}

// ---------------------------------------------------------------------------------------------- blocks

// Weighted votes count voix, not members: 12,5 voix print as « 12,5 », never rounded (the arithmetic below says 12,5).
const voteColumns: TableColumn<Votes>[] = [
  { header: 'Pour', width: 1, numeric: true, value: (v) => formatVoix(v.pour) },
  { header: 'Contre', width: 1, numeric: true, value: (v) => formatVoix(v.contre) },
  { header: 'Abstention', width: 1, numeric: true, value: (v) => formatVoix(v.abstention) },
  { header: 'Blanc', width: 1, numeric: true, value: (v) => formatVoix(v.blanc) },
];

function DraftBanner() {
  return (
    <View style={styles.draftBanner} fixed>
      <Text style={styles.draftText}>{DRAFT_BANNER}</Text>
    </View>
  );
}

function NameList({ title, names, empty }: { title: string; names: readonly string[]; empty: string }) {
  return (
    <View>
      <Text style={styles.listTitle} minPresenceAhead={30}>{`${title} (${formatInteger(names.length)})`}</Text>
      {names.length > 0 ? (
        <Text style={styles.names}>{namesParagraph(names)}</Text>
      ) : (
        <Text style={styles.none}>{empty}</Text>
      )}
    </View>
  );
}

function Attendance({ data }: { data: PvData }) {
  const { attendance } = data;
  return (
    <Section title="Présences et quorum">
      <KeyFigures
        items={[
          { label: 'Membres votants', value: formatInteger(attendance.votingCount) },
          { label: 'Présents', value: formatInteger(attendance.presentCount) },
          { label: 'Représentés', value: formatInteger(attendance.representedCount) },
        ]}
      />
      <View style={styles.quorum} wrap={false}>
        <Text style={styles.quorumText}>{frenchSpacing(data.quorumSentence)}</Text>
      </View>
      <NameList title="Membres votants présents" names={attendance.present} empty="Aucun membre votant présent." />
      <NameList
        title="Membres représentés et leur mandataire"
        names={attendance.represented}
        empty="Aucun membre représenté."
      />
      {attendance.others.length > 0 ? (
        <NameList title="Autres participants, sans voix délibérative" names={attendance.others} empty="" />
      ) : null}
      {data.departures && data.departures.length > 0 ? (
        <View>
          <Text
            style={styles.listTitle}
            minPresenceAhead={30}
          >{`Départs en cours de séance (${formatInteger(data.departures.length)})`}</Text>
          {data.departures.map((line, index) => (
            <Text key={index} style={styles.names}>
              {frenchSpacing(line)}
            </Text>
          ))}
        </View>
      ) : null}
    </Section>
  );
}

function ResolutionBlock({ resolution }: { resolution: PvResolution }) {
  const outcome = outcomeColors[outcomeOf(resolution)];
  const keep = resolution.text.length <= KEEP_RESOLUTION_CHARS;
  return (
    <View style={styles.resolution} wrap={!keep}>
      <Text style={styles.resolutionTitle} minPresenceAhead={60}>
        {resolutionHeading(resolution)}
      </Text>
      <FreeText text={resolution.text} maxChars={RESOLUTION_MAX_CHARS} />
      {resolution.majorityLabel ? <Text style={styles.majority}>{majorityLine(resolution.majorityLabel)}</Text> : null}
      <View wrap={false}>
        {resolution.votes ? (
          <Table columns={voteColumns} rows={[resolution.votes]} />
        ) : (
          <Text style={styles.noVotes}>Aucun vote n'a été enregistré pour cette résolution.</Text>
        )}
        <View style={[styles.result, { borderLeftColor: outcome.border, backgroundColor: outcome.background }]}>
          <Text style={[styles.resultText, { color: outcome.text }]}>{`Résultat : ${resolution.resultLabel}`}</Text>
          {resolution.countLine ? <Text style={styles.arithmetic}>{frenchSpacing(resolution.countLine)}</Text> : null}
          {resolution.arithmetic ? <Text style={styles.arithmetic}>{frenchSpacing(resolution.arithmetic)}</Text> : null}
        </View>
      </View>
    </View>
  );
}

function Item({ item, index }: { item: PvData['items'][number]; index: number }) {
  return (
    <View style={styles.item}>
      <SubsectionTitle>{`${index + 1}. ${item.title}`}</SubsectionTitle>
      <View style={styles.itemBody}>
        <Text style={styles.label} minPresenceAhead={30}>
          Débats
        </Text>
        <FreeText text={item.summary} maxChars={ITEM_MAX_CHARS} empty={NO_DEBATE} />
        {item.resolutions.map((resolution) => (
          <ResolutionBlock key={resolution.number} resolution={resolution} />
        ))}
      </View>
    </View>
  );
}

function Signatures({ signatories }: { signatories: PvData['signatories'] }) {
  if (signatories.length === 0) return null;
  const width = signatories.length === 3 ? '33.33%' : '50%';
  return (
    <View style={styles.signatures} wrap={false}>
      {signatories.map((signatory, index) => (
        <View key={`${signatory.capacity}-${index}`} style={[styles.signature, { width }]}>
          <Text style={styles.signatureCapacity}>{signatory.capacity}</Text>
          <Text style={styles.signatureName}>{signatory.name ?? 'Nom : ……………………………'}</Text>
          <View style={styles.signatureBox} />
          <Text style={styles.signatureHint}>Signature</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * « Procès-verbal » of a general assembly with every mention a PV needs (domain.md §4): association, organ,
 * place, date and time, convocation, président and secrétaire de séance, members present and represented,
 * quorum, debates, text and result of each resolution, closing time and signature blocks.
 * A draft carries a « BROUILLON » banner on every page.
 */
export function Pv({ data }: { data: PvData }) {
  const { meeting } = data;
  const title = pvTitle(meeting);
  const heading = meetingHeading(meeting);
  const footerTitle = `${PV_TITLE} — ${heading}${data.draft ? ` (${DRAFT_MARK.toLowerCase()})` : ''}`;
  const footer = footerLabel(footerTitle, data.generatedAt);
  const presidency = [
    data.presidentSeance ? `La séance est présidée par ${data.presidentSeance}.` : null,
    data.secretaireSeance ? `Le secrétariat de séance est assuré par ${data.secretaireSeance}.` : null,
  ].filter((line): line is string => line !== null);

  return (
    <ReportDocument title={title} author={data.association.name} subject={PV_TITLE}>
      <ReportPage
        cptsName={data.association.name}
        reportTitle={runningTitle(PV_TITLE, meeting)}
        footer={footer}
        bookmark={PV_TITLE}
      >
        {data.draft ? <DraftBanner /> : null}
        <DocumentTitle title={title} subtitle={data.association.name} meta={data.statusLabel} />
        <Text style={styles.opening}>{frenchSpacing(openingSentence(data))}</Text>
        {data.convocationLine ? (
          <Text style={styles.opening}>{frenchSpacing(withPeriod(data.convocationLine))}</Text>
        ) : null}
        {presidency.length > 0 ? <Text style={styles.opening}>{presidency.join(' ')}</Text> : null}
        <Section title="Séance">
          <KeyValueList items={sessionItems(data)} />
        </Section>
        <Attendance data={data} />
        <Section title="Ordre du jour et délibérations">
          {data.items.length > 0 ? (
            data.items.map((item, index) => <Item key={index} item={item} index={index} />)
          ) : (
            <EmptyState>Aucun point n'était inscrit à l'ordre du jour.</EmptyState>
          )}
        </Section>
        <View wrap={false}>
          <Text style={styles.closing}>{closingSentence(data.closingTime)}</Text>
          <Text style={styles.closing}>{attestationSentence(data.signatories)}</Text>
          <Signatures signatories={data.signatories} />
        </View>
      </ReportPage>
    </ReportDocument>
  );
}
