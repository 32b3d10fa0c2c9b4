import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { MeetingMinutesData } from '@shared/reports/meetings';
import { dateLong, dayLong, duration, nonBreaking, plural, timeRange } from '@shared/format';
import {
  DocumentTitle,
  EmptyState,
  KeyValueList,
  Section,
  SectionTitle,
  SubsectionTitle,
  type KeyValueItem,
} from '../components';
import { breakLongWords, maxCharsFor, ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import { footerLabel, paragraphsOf } from '../text';
import { attendanceSummary } from './format';

export const MEETING_MINUTES_TITLE = 'Compte rendu';
export const RCP_MINUTES_TITLE = 'Compte rendu de RCP';
export const PSEUDONYMISATION_NOTICE =
  "Compte rendu pseudonymisé : aucun élément d'identité des patients n'est enregistré ; " +
  'le lien entre code et patient reste dans le dossier du professionnel qui le suit.';

type Meeting = MeetingMinutesData['meeting'];
type Participant = MeetingMinutesData['participants'][number];
type Decision = MeetingMinutesData['decisions'][number];
type Rcp = NonNullable<MeetingMinutesData['rcp']>;
type RcpCase = Rcp['cases'][number];
type CaseDecision = RcpCase['decisions'][number];

const CASE_PADDING = 10;
/** Up to this many rows a table or list stays whole with its section title. */
const KEEP_TOGETHER_ROWS = 8;

const styles = StyleSheet.create({
  section: { marginBottom: 16 },
  paragraph: { marginBottom: 6 },
  line: textSize(fontSizes.body),
  muted: { ...textSize(fontSizes.body), color: colors.muted },
  summaryLine: { ...textSize(fontSizes.body), marginBottom: 6 },
  warning: {
    ...textSize(fontSizes.body),
    color: '#8a3b12',
    fontWeight: weights.semibold,
    marginBottom: 6,
  },
  notice: {
    borderWidth: 1,
    borderColor: colors.accent,
    backgroundColor: colors.accentSoft,
    paddingVertical: 7,
    paddingHorizontal: 10,
    marginBottom: 14,
  },
  noticeText: { ...textSize(fontSizes.body), fontWeight: weights.semibold, color: colors.accent },
  agendaItem: { marginBottom: 4 },
  agendaBody: { paddingLeft: 14 },
  bullet: { flexDirection: 'row', marginBottom: 2 },
  bulletMark: { ...textSize(fontSizes.body), width: 12, color: colors.accent },
  bulletText: { ...textSize(fontSizes.body), flexGrow: 1, flexShrink: 1, flexBasis: 0 },

  caseBox: {
    borderWidth: 0.6,
    borderColor: colors.rule,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    paddingVertical: 8,
    paddingHorizontal: CASE_PADDING,
    marginBottom: 12,
  },
  caseHeader: { flexDirection: 'row', alignItems: 'center', flexWrap: 'wrap', marginBottom: 6 },
  caseCode: { ...textSize(fontSizes.lead + 1, 1.2), fontWeight: weights.bold, color: colors.accent, marginRight: 10 },
  badge: {
    ...textSize(fontSizes.small, 1.2),
    fontWeight: weights.semibold,
    color: '#ffffff',
    backgroundColor: colors.accent,
    paddingVertical: 1.5,
    paddingHorizontal: 5,
    marginRight: 5,
    borderRadius: 2,
  },
  caseMeta: { ...textSize(fontSizes.body - 0.5), color: colors.muted },
  caseLabel: {
    ...textSize(fontSizes.small + 0.5),
    color: colors.muted,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    marginTop: 6,
    marginBottom: 2,
  },
  caseMotif: { ...textSize(fontSizes.body), fontWeight: weights.semibold },
  caseFacts: { flexDirection: 'row', marginTop: 8, paddingTop: 5, borderTopWidth: 0.5, borderTopColor: colors.rule },
  caseFact: { ...textSize(fontSizes.body - 0.5), width: '50%' },
  factLabel: { color: colors.muted },

  signatures: { flexDirection: 'row', marginTop: 28 },
  signature: { width: '50%', paddingRight: 20 },
  signatureLabel: { ...textSize(fontSizes.body), fontWeight: weights.semibold },
  signatureLine: { marginTop: 46, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 3 },
  signatureHint: { ...textSize(fontSizes.small), color: colors.faint },
});

const BODY_MAX_CHARS = maxCharsFor(contentWidth - 14, fontSizes.body);
const CASE_MAX_CHARS = maxCharsFor(contentWidth - 2 * CASE_PADDING - 4, fontSizes.body);

// ---------------------------------------------------------------------------------------------- texts

/** « Compte rendu — Conseil d'administration », or « Compte rendu de RCP ». */
export function minutesTitle(data: Pick<MeetingMinutesData, 'meeting' | 'rcp'>): string {
  if (data.rcp || data.meeting.type === 'rcp') return RCP_MINUTES_TITLE;
  return data.meeting.typeLabel ? `${MEETING_MINUTES_TITLE} — ${data.meeting.typeLabel}` : MEETING_MINUTES_TITLE;
}

/** « mardi 10 mars 2026, de 18 h 30 à 20 h ». */
export function whenLabel(meeting: Pick<Meeting, 'date' | 'startTime' | 'endTime'>): string {
  const day = dayLong(meeting.date);
  const times = timeRange(meeting.startTime, meeting.endTime);
  return [day, times].filter(Boolean).join(', ');
}

function meetingItems(meeting: Meeting, rcp: Rcp | null): KeyValueItem[] {
  const items: KeyValueItem[] = [
    { label: 'Date', value: dayLong(meeting.date) || null },
    { label: 'Horaires', value: timeRange(meeting.startTime, meeting.endTime) },
  ];
  if (meeting.place || !meeting.visioUrl) items.push({ label: 'Lieu', value: meeting.place });
  if (meeting.visioUrl) items.push({ label: 'Visioconférence', value: meeting.visioUrl });
  items.push({ label: rcp ? 'Animation' : 'Organisation', value: meeting.organiser });
  if (rcp) {
    items.push({ label: 'Type de RCP', value: rcp.kindLabel || null });
    if (rcp.theme) items.push({ label: 'Thème', value: rcp.theme });
  }
  items.push({ label: 'Statut', value: meeting.statusLabel || null });
  return items;
}

/** « 3 professions représentées ». */
export function professionsLabel(count: number): string {
  return plural(count, 'profession représentée', 'professions représentées');
}

// ---------------------------------------------------------------------------------------------- blocks

/** A free text: one <Text> per line, paragraphs spaced, long words cut. */
function FreeText({ text, maxChars, empty }: { text: string | null; maxChars: number; empty?: string }) {
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) return empty ? <Text style={styles.muted}>{empty}</Text> : null;
  return (
    <View>
      {paragraphs.map((lines, index) => (
        <View key={index} style={index < paragraphs.length - 1 ? styles.paragraph : undefined}>
          {lines.flatMap((line, lineIndex) => {
            const bullet = /^\s*[-•*–]\s+(.*)$/.exec(line);
            const content = bullet ? (bullet[1] ?? '') : line.trim();
            const pieces = breakLongWords(content, maxChars - (bullet ? 3 : 0)) ?? [content];
            if (bullet) {
              return [
                <View key={lineIndex} style={styles.bullet}>
                  <Text style={styles.bulletMark}>•</Text>
                  <View style={{ flexGrow: 1, flexShrink: 1 }}>
                    {pieces.map((piece, pieceIndex) => (
                      <Text key={pieceIndex} style={styles.bulletText}>
                        {piece}
                      </Text>
                    ))}
                  </View>
                </View>,
              ];
            }
            return pieces.map((piece, pieceIndex) => (
              <Text key={`${lineIndex}-${pieceIndex}`} style={styles.line}>
                {piece}
              </Text>
            ));
          })}
        </View>
      ))}
    </View>
  );
}

function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, index) => (
        <View key={index} style={styles.bullet} wrap={false}>
          <Text style={styles.bulletMark}>•</Text>
          <View style={{ flexGrow: 1, flexShrink: 1 }}>
            {(breakLongWords(item, BODY_MAX_CHARS - 3) ?? [item]).map((piece, pieceIndex) => (
              <Text key={pieceIndex} style={styles.bulletText}>
                {piece}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

const participantColumns: TableColumn<Participant>[] = [
  { header: 'Nom', width: 34, value: (p) => p.name },
  { header: 'Qualité', width: 36, value: (p) => p.quality ?? '—' },
  { header: 'Présence', width: 17, value: (p) => p.attendanceLabel ?? '—' },
  { header: 'Temps', width: 13, numeric: true, value: (p) => duration(p.minutesSpent) },
];

const decisionColumns: TableColumn<Decision>[] = [
  { header: 'Décision', width: 48, value: (d) => d.text },
  { header: 'Responsable', width: 20, value: (d) => d.owner ?? '—' },
  { header: 'Échéance', width: 18, value: (d) => dateLong(d.dueOn) || '—' },
  { header: 'État', width: 14, value: (d) => d.statusLabel },
];

const caseDecisionColumns: TableColumn<CaseDecision>[] = [
  { header: 'Action', width: 56, value: (d) => d.action },
  { header: 'Responsable', width: 24, value: (d) => d.owner ?? '—' },
  { header: 'Échéance', width: 20, value: (d) => dateLong(d.dueOn) || '—' },
];

function Participants({ participants }: { participants: readonly Participant[] }) {
  if (participants.length === 0) return <EmptyState>Aucun participant n'est enregistré.</EmptyState>;
  const summary = attendanceSummary(participants.map((p) => p.attendanceLabel));
  return (
    <>
      {summary ? <Text style={styles.summaryLine}>{`${summary}.`}</Text> : null}
      <Table columns={participantColumns} rows={participants} />
    </>
  );
}

function Agenda({ agenda }: { agenda: MeetingMinutesData['agenda'] }) {
  return (
    <View>
      {agenda.map((item, index) => (
        <View key={index} style={styles.agendaItem}>
          <SubsectionTitle>{`${index + 1}. ${item.title}`}</SubsectionTitle>
          <View style={styles.agendaBody}>
            <FreeText text={item.minutes} maxChars={BODY_MAX_CHARS} empty="Pas de relevé pour ce point." />
          </View>
        </View>
      ))}
    </View>
  );
}

/** Estimated height of a case block, in points (on the high side). */
function caseHeight(rcpCase: RcpCase): number {
  const line = fontSizes.body * 1.35;
  const summaryLines = paragraphsOf(rcpCase.summary)
    .flat()
    .reduce((sum, text) => sum + Math.ceil((text.length + 1) / CASE_MAX_CHARS), 0);
  const decisionLines = rcpCase.decisions.reduce((sum, d) => sum + Math.max(1, Math.ceil(d.action.length / 45)), 0);
  return 150 + (summaryLines + decisionLines) * line + rcpCase.decisions.length * 6;
}

/** Up to this height a case block is kept on one page. */
const KEEP_CASE_TOGETHER_PT = 380;

function keepCaseTogether(rcpCase: RcpCase): boolean {
  return caseHeight(rcpCase) <= KEEP_CASE_TOGETHER_PT;
}

function CaseBlock({ rcpCase }: { rcpCase: RcpCase }) {
  const meta = [rcpCase.ageBandLabel, rcpCase.sexLabel].filter(Boolean).join(' · ');
  const followUp = rcpCase.followUpOn
    ? `${dateLong(rcpCase.followUpOn)} — ${rcpCase.followUpStatusLabel}`
    : rcpCase.followUpStatusLabel || 'Non prévu';
  return (
    <View style={styles.caseBox} wrap={!keepCaseTogether(rcpCase)}>
      <View style={styles.caseHeader} wrap={false} minPresenceAhead={80}>
        <Text style={styles.caseCode}>{`Cas ${rcpCase.code}`}</Text>
        {rcpCase.over75 ? <Text style={styles.badge}>≥ 75 ans</Text> : null}
        {rcpCase.ald ? <Text style={styles.badge}>ALD</Text> : null}
        {meta ? <Text style={styles.caseMeta}>{meta}</Text> : null}
      </View>
      <Text style={styles.caseLabel}>Motif</Text>
      <Text style={styles.caseMotif}>{rcpCase.motif}</Text>
      <Text style={styles.caseLabel} minPresenceAhead={30}>
        Situation
      </Text>
      <FreeText text={rcpCase.summary} maxChars={CASE_MAX_CHARS} empty="Synthèse non renseignée." />
      <Text style={styles.caseLabel} minPresenceAhead={40}>
        Décisions et plan d'action
      </Text>
      {rcpCase.decisions.length > 0 ? (
        <Table columns={caseDecisionColumns} rows={rcpCase.decisions} />
      ) : (
        <Text style={styles.muted}>Aucune décision enregistrée.</Text>
      )}
      <View style={styles.caseFacts} wrap={false}>
        <Text style={styles.caseFact}>
          <Text style={styles.factLabel}>Patient informé : </Text>
          {rcpCase.patientInformed ? 'oui' : 'non'}
        </Text>
        <Text style={styles.caseFact}>
          <Text style={styles.factLabel}>Suivi : </Text>
          {followUp}
        </Text>
      </View>
    </View>
  );
}

/**
 * The cases: the section title travels with the first case (react-pdf's minPresenceAhead does not see past an
 * unbreakable block, and would leave the title alone at the foot of a page).
 */
function CasesSection({ cases }: { cases: readonly RcpCase[] }) {
  const title = `Cas présentés (${cases.length})`;
  const [first, ...rest] = cases;
  if (!first) {
    return (
      <KeptSection title={title} keep>
        <EmptyState>Aucun cas n'a été présenté lors de cette séance.</EmptyState>
      </KeptSection>
    );
  }
  return (
    <View style={styles.section}>
      <View wrap={!keepCaseTogether(first)}>
        <SectionTitle>{title}</SectionTitle>
        <CaseBlock rcpCase={first} />
      </View>
      {rest.map((rcpCase, index) => (
        <CaseBlock key={`${rcpCase.code}-${index}`} rcpCase={rcpCase} />
      ))}
    </View>
  );
}

/** A section kept on one page with its title when `keep` (short tables and lists), else a normal one. */
function KeptSection({ title, keep, children }: { title: string; keep: boolean; children?: ReactNode }) {
  return (
    <View style={styles.section} wrap={!keep}>
      <SectionTitle>{title}</SectionTitle>
      {children}
    </View>
  );
}

function RcpPart({ rcp }: { rcp: Rcp }) {
  const below = rcp.professionCount < rcp.minProfessions;
  return (
    <>
      <Section title="Pluriprofessionnalité">
        <Text style={styles.summaryLine}>{nonBreaking(`${professionsLabel(rcp.professionCount)}.`)}</Text>
        {below ? (
          <Text style={styles.warning}>
            {nonBreaking(
              `Attention : en dessous du minimum fixé par la CPTS (${plural(rcp.minProfessions, 'profession différente', 'professions différentes')}).`,
            )}
          </Text>
        ) : null}
      </Section>
      <CasesSection cases={rcp.cases} />
    </>
  );
}

function Signatures() {
  const blocks = ['Le président / la présidente', 'Le ou la secrétaire de séance'];
  return (
    <View style={styles.signatures} wrap={false}>
      {blocks.map((label) => (
        <View key={label} style={styles.signature}>
          <Text style={styles.signatureLabel}>{label}</Text>
          <View style={styles.signatureLine}>
            <Text style={styles.signatureHint}>Nom, date et signature</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * « Compte rendu » of a meeting (CA, bureau, commission…) or, with `data.rcp`, the pseudonymised
 * « Compte rendu de RCP » (cases by code, never a patient identity).
 */
export function MeetingMinutes({ data }: { data: MeetingMinutesData }) {
  const { meeting, rcp } = data;
  const title = minutesTitle(data);
  const reportTitle = rcp ? RCP_MINUTES_TITLE : MEETING_MINUTES_TITLE;
  const footer = footerLabel(title, data.generatedAt);
  const day = dateLong(meeting.date);
  const frame = { cptsName: data.cptsName, reportTitle: day ? `${reportTitle} du ${day}` : reportTitle, footer };
  const showAgenda = !rcp || data.agenda.length > 0;

  return (
    <ReportDocument title={`${title} — ${meeting.title}`} author={data.cptsName} subject={title}>
      <ReportPage {...frame} bookmark={title}>
        <DocumentTitle title={title} subtitle={meeting.title} meta={whenLabel(meeting)} />
        {rcp ? (
          <View style={styles.notice} wrap={false}>
            <Text style={styles.noticeText}>{PSEUDONYMISATION_NOTICE}</Text>
          </View>
        ) : null}
        <Section title="Réunion">
          <KeyValueList items={meetingItems(meeting, rcp)} />
        </Section>
        <Section title="Participants">
          <Participants participants={data.participants} />
        </Section>
        {rcp ? <RcpPart rcp={rcp} /> : null}
        {showAgenda ? (
          <Section title="Ordre du jour et relevé des échanges">
            {data.agenda.length > 0 ? (
              <Agenda agenda={data.agenda} />
            ) : (
              <EmptyState>Aucun point n'était inscrit à l'ordre du jour.</EmptyState>
            )}
          </Section>
        ) : null}
        {data.summary ? (
          <Section title={rcp ? 'Synthèse de la séance' : 'Synthèse générale'}>
            <FreeText text={data.summary} maxChars={BODY_MAX_CHARS} />
          </Section>
        ) : null}
        {data.decisions.length > 0 || !rcp ? (
          <KeptSection title="Décisions et suites à donner" keep={data.decisions.length <= KEEP_TOGETHER_ROWS}>
            {data.decisions.length > 0 ? (
              <Table columns={decisionColumns} rows={data.decisions} />
            ) : (
              <EmptyState>Aucune décision n'a été enregistrée.</EmptyState>
            )}
          </KeptSection>
        ) : null}
        {data.documents.length > 0 ? (
          <KeptSection title="Documents" keep={data.documents.length <= KEEP_TOGETHER_ROWS}>
            <BulletList items={data.documents} />
          </KeptSection>
        ) : null}
        {rcp ? null : <Signatures />}
      </ReportPage>
    </ReportDocument>
  );
}
