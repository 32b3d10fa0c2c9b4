import { dateLong, frenchSpacing, frenchTime } from '@shared/format';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ConvocationData } from '@shared/reports/ag';
import { BulletList, DocumentTitle, FreeText, Section } from '../components';
import { breakLongWords, maxCharsFor, ReportDocument, ReportPage } from '../layout';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';

import { footerLabel } from '../text';
import {
  communeOf,
  majorityLine,
  meetingHeading,
  meetingWhen,
  meetingWhere,
  ofAssociation,
  organWith,
  resolutionHeading,
  roundLabel,
  runningTitle,
  signatureLines,
} from '@shared/reports/ag-format';

export const CONVOCATION_TITLE = 'Convocation';
export const PROXY_FORM_TITLE = 'Pouvoir';
/** Blank to fill in by hand on the pouvoir form. */
export const BLANK = '……………………………………………';
const SHORT_BLANK = '…………………………';

type Meeting = ConvocationData['meeting'];
type AgendaItem = ConvocationData['agenda'][number];
type ProxyForm = NonNullable<ConvocationData['proxyForm']>;

const AGENDA_INDENT = 16;
const BODY_MAX_CHARS = maxCharsFor(contentWidth, fontSizes.body);
const AGENDA_MAX_CHARS = maxCharsFor(contentWidth - AGENDA_INDENT - 10, fontSizes.body);
const FORM_PADDING = 14;

const styles = StyleSheet.create({
  letterhead: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-end', marginBottom: 18 },
  sender: { width: '58%' },
  senderName: { ...textSize(fontSizes.section + 1.5, 1.25), fontWeight: weights.bold, color: colors.accent },
  senderLine: { ...textSize(fontSizes.body - 0.5), color: colors.muted },
  dateLine: { ...textSize(fontSizes.body), textAlign: 'right', width: '40%' },
  datePending: { color: colors.muted },

  recipient: { alignSelf: 'flex-end', width: '45%', marginBottom: 18 },
  recipientLine: { ...textSize(fontSizes.body), fontWeight: weights.semibold },
  subject: { ...textSize(fontSizes.body), fontWeight: weights.semibold, marginBottom: 14 },
  subjectLabel: { fontWeight: weights.regular, color: colors.muted },
  salutation: { ...textSize(fontSizes.body), marginBottom: 10 },
  paragraph: { ...textSize(fontSizes.body), marginBottom: 10, textAlign: 'justify' },

  agendaItem: { marginBottom: 7 },
  agendaTitleRow: { flexDirection: 'row' },
  agendaNumber: {
    ...textSize(fontSizes.lead, 1.3),
    width: AGENDA_INDENT,
    fontWeight: weights.bold,
    color: colors.accent,
  },
  agendaTitle: {
    ...textSize(fontSizes.lead, 1.3),
    fontWeight: weights.semibold,
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 0,
  },
  agendaBody: { paddingLeft: AGENDA_INDENT },
  resolution: {
    marginTop: 4,
    paddingLeft: 8,
    borderLeftWidth: 1.5,
    borderLeftColor: colors.rule,
  },
  resolutionTitle: { ...textSize(fontSizes.body), fontWeight: weights.semibold, marginBottom: 1 },
  resolutionText: textSize(fontSizes.body - 0.5, 1.3),
  majority: { ...textSize(fontSizes.small), color: colors.muted, marginTop: 1 },
  noVote: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 1 },

  closing: { ...textSize(fontSizes.body), marginTop: 4, marginBottom: 10, textAlign: 'justify' },
  signature: { alignSelf: 'flex-end', width: '45%', marginTop: 8 },
  signatureLine: textSize(fontSizes.body),
  signatureName: { ...textSize(fontSizes.body), fontWeight: weights.semibold },

  form: {
    borderWidth: 0.8,
    borderColor: colors.accent,
    paddingVertical: FORM_PADDING,
    paddingHorizontal: FORM_PADDING,
    marginBottom: 16,
  },
  formText: textSize(fontSizes.lead, 2.1),
  formLine: { ...textSize(fontSizes.lead, 2.1), marginTop: 6 },
  formSignatureLabel: { ...textSize(fontSizes.lead), marginTop: 10 },
  signatureBox: { height: 90, marginTop: 6, borderWidth: 0.6, borderColor: colors.rule },
  formNote: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 4 },
});

// ---------------------------------------------------------------------------------------------- texts

/** « À Saint-Martin-d'Hères, le 28 mai 2026 », « Le 28 mai 2026 », or null when the sending date is unknown. */
export function dateLineOf(data: Pick<ConvocationData, 'association' | 'sentOn'>): string | null {
  const day = dateLong(data.sentOn);
  if (!day) return null;
  const commune = communeOf(data.association.address);
  return commune ? `À ${commune}, le ${day}` : `Le ${day}`;
}

/** « Objet : convocation à l'assemblée générale ordinaire du jeudi 11 juin 2026 ». */
export function subjectOf(meeting: Meeting): string {
  const kind = meeting.round === 2 ? 'deuxième convocation' : 'convocation';
  return `${kind} ${organWith('à', meeting.organLabel)} du ${meetingWhen({ ...meeting, startTime: null, endTime: null })}`;
}

/**
 * « Nous avons le plaisir de vous convier à l'assemblée générale ordinaire de la CPTS … qui se tiendra le
 * jeudi 11 juin 2026 de 18 h 30 à 20 h 30, à l'adresse suivante : … ».
 */
export function invitationSentence(data: Pick<ConvocationData, 'association' | 'meeting'>): string {
  const { meeting } = data;
  const round = roundLabel(meeting);
  const invite = round ? `Nous avons le plaisir de vous convier, ${round},` : 'Nous avons le plaisir de vous convier';
  return (
    `${invite} ${organWith('à', meeting.organLabel)} ${ofAssociation(data.association)}, ` +
    `qui se tiendra le ${meetingWhen(meeting)}, ${meetingWhere(meeting)}.`
  );
}

export function proxySentence(data: Pick<ConvocationData, 'proxyForm' | 'meeting'>): string {
  if (data.proxyForm) {
    return (
      `Si vous ne pouvez pas y assister, vous pouvez vous faire représenter en remettant le pouvoir joint en dernière ` +
      `page, complété et signé, à un mandataire de votre choix, dans le respect des conditions qui y sont rappelées.`
    );
  }
  const present = data.meeting.visioUrl
    ? 'les membres présents, sur place ou en visioconférence,'
    : 'les membres présents';
  return `Les statuts de l'association n'autorisent pas le vote par procuration : seuls ${present} prennent part aux votes.`;
}

/** « Je soussigné·e ……, membre de l'association …, donne pouvoir à …… pour me représenter à l'assemblée … ». */
export function proxyStatement(data: Pick<ConvocationData, 'association' | 'meeting'>): string {
  const { meeting } = data;
  const day = meetingWhen({ ...meeting, startTime: null, endTime: null });
  const round = meeting.round === 2 ? `, réunie ${roundLabel(meeting)},` : '';
  return (
    `Je soussigné·e ${BLANK}, membre de l'association ${data.association.name.trim()}, ` +
    `donne pouvoir à ${BLANK} pour me représenter ${organWith('à', meeting.organLabel)} du ${day}${round} ` +
    `et prendre part aux votes en mon nom.`
  );
}

/** « Ce pouvoir est à remettre … avant l'ouverture de la séance, le jeudi 11 juin 2026 à 18 h 30. » */
export function proxyReturnLine(meeting: Meeting): string {
  const day = meetingWhen({ ...meeting, startTime: null, endTime: null });
  const time = frenchTime(meeting.startTime);
  return (
    `Ce pouvoir est à remettre à votre mandataire, ou à retourner au bureau de l'association, avant l'ouverture ` +
    `de la séance, le ${day}${time ? ` à ${time}` : ''}.`
  );
}

function closingSentence(data: Pick<ConvocationData, 'recipient'>): string {
  const address = data.recipient ? '' : ', Madame, Monsieur,';
  return `Comptant sur votre présence, nous vous prions d'agréer${address} l'expression de nos salutations distinguées.`;
}

// ---------------------------------------------------------------------------------------------- blocks

/** A sentence as one <Text>, or one per line when a word (a long URL) is wider than the page. */
function Sentence({ text, style }: { text: string; style: typeof styles.paragraph }) {
  const lines = breakLongWords(text, BODY_MAX_CHARS);
  if (!lines) return <Text style={style}>{text}</Text>;
  return (
    <View style={{ marginBottom: 10 }}>
      {lines.map((line, index) => (
        <Text key={index} style={{ ...style, marginBottom: 0, textAlign: 'left' }}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function Letterhead({ data }: { data: ConvocationData }) {
  const dateLine = dateLineOf(data);
  return (
    <View style={styles.letterhead}>
      <View style={styles.sender}>
        <Text style={styles.senderName}>{data.association.name}</Text>
        {data.association.legalLine ? <Text style={styles.senderLine}>{data.association.legalLine}</Text> : null}
        {data.association.address ? <Text style={styles.senderLine}>{data.association.address}</Text> : null}
      </View>
      {dateLine ? (
        <Text style={styles.dateLine}>{dateLine}</Text>
      ) : (
        <Text style={[styles.dateLine, styles.datePending]}>Date d'envoi : à compléter</Text>
      )}
    </View>
  );
}

function AgendaEntry({ item, index }: { item: AgendaItem; index: number }) {
  return (
    <View style={styles.agendaItem} wrap={item.resolutions.length > 2}>
      <View style={styles.agendaTitleRow} minPresenceAhead={40}>
        <Text style={styles.agendaNumber}>{`${index + 1}.`}</Text>
        <Text style={styles.agendaTitle}>{item.title}</Text>
      </View>
      <View style={styles.agendaBody}>
        {item.resolutions.length === 0 ? <Text style={styles.noVote}>Point d'information, sans vote.</Text> : null}
        {item.resolutions.map((resolution) => (
          <View key={resolution.number} style={styles.resolution} wrap={false}>
            <Text style={styles.resolutionTitle}>{resolutionHeading(resolution)}</Text>
            <FreeText text={resolution.text} maxChars={AGENDA_MAX_CHARS} lineStyle={styles.resolutionText} />
            {resolution.majorityLabel ? (
              <Text style={styles.majority}>{majorityLine(resolution.majorityLabel)}</Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

function Signature({ convener }: { convener: string | null }) {
  const [first, ...rest] = signatureLines(convener);
  return (
    <View style={styles.signature} wrap={false}>
      {rest.length > 0 ? <Text style={styles.signatureLine}>{first}</Text> : null}
      <Text style={styles.signatureName}>{rest.length > 0 ? rest.join(' ') : first}</Text>
    </View>
  );
}

function ProxyFormPage({ data, form }: { data: ConvocationData; form: ProxyForm }) {
  const conditions = [form.capLine, form.mandataireLine, proxyReturnLine(data.meeting)].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  return (
    <>
      <DocumentTitle
        title={PROXY_FORM_TITLE}
        subtitle={`${meetingHeading(data.meeting)} — ${data.association.name}`}
        meta="À compléter, signer et remettre à votre mandataire avant la séance."
      />
      <View style={styles.form} wrap={false}>
        <Text style={styles.formText}>{frenchSpacing(proxyStatement(data))}</Text>
        <Text style={styles.formLine}>{`Fait à ${SHORT_BLANK} le ${SHORT_BLANK}`}</Text>
        <Text style={styles.formSignatureLabel}>Signature précédée de la mention « Bon pour pouvoir » :</Text>
        <View style={styles.signatureBox} />
      </View>
      <Section title="Conditions">
        <BulletList items={conditions} maxChars={BODY_MAX_CHARS} />
        <Text style={styles.formNote}>
          Le pouvoir est joint au procès-verbal et noté sur la feuille d'émargement. Indiquez le nom de votre mandataire
          : un pouvoir laissé en blanc risque de ne pas être retenu.
        </Text>
      </Section>
    </>
  );
}

/**
 * « Convocation » to a general assembly, as a letter: letterhead, date, recipient, the invitation, the ordre du
 * jour with the resolutions and their majority, rule reminders and the convener's signature; then, when the
 * statuts allow proxies, the « Pouvoir » form on its own page.
 */
export function Convocation({ data }: { data: ConvocationData }) {
  const { meeting } = data;
  const heading = meetingHeading(meeting);
  const footer = footerLabel(`${CONVOCATION_TITLE} — ${heading}`, data.generatedAt);
  const frame = { cptsName: data.association.name, footer };

  return (
    <ReportDocument
      title={`${CONVOCATION_TITLE} — ${heading}`}
      author={data.association.name}
      subject={CONVOCATION_TITLE}
    >
      <ReportPage {...frame} reportTitle={runningTitle(CONVOCATION_TITLE, meeting)} bookmark={CONVOCATION_TITLE}>
        <Letterhead data={data} />
        {data.recipient ? (
          <View style={styles.recipient}>
            <Text style={styles.recipientLine}>{`À l'attention de ${data.recipient}`}</Text>
          </View>
        ) : null}
        <Text style={styles.subject}>
          <Text style={styles.subjectLabel}>Objet : </Text>
          {frenchSpacing(subjectOf(meeting))}
        </Text>
        {data.recipient ? null : <Text style={styles.salutation}>Madame, Monsieur,</Text>}
        <Sentence text={frenchSpacing(invitationSentence(data))} style={styles.paragraph} />
        <Text style={styles.paragraph}>{frenchSpacing(proxySentence(data))}</Text>
        <Section title="Ordre du jour">
          {data.agenda.length > 0 ? (
            data.agenda.map((item, index) => <AgendaEntry key={index} item={item} index={index} />)
          ) : (
            <Text style={styles.noVote}>L'ordre du jour sera communiqué ultérieurement.</Text>
          )}
        </Section>
        {data.ruleReminders.length > 0 ? (
          <View wrap={false} style={{ marginBottom: 8 }}>
            <Text style={[styles.resolutionTitle, { marginBottom: 4 }]}>Rappel des règles de l'assemblée</Text>
            <BulletList items={data.ruleReminders} maxChars={BODY_MAX_CHARS} lineStyle={styles.resolutionText} />
          </View>
        ) : null}
        <View wrap={false}>
          <Text style={styles.closing}>{closingSentence(data)}</Text>
          <Signature convener={data.convener} />
        </View>
      </ReportPage>
      {data.proxyForm ? (
        <ReportPage {...frame} reportTitle={runningTitle(PROXY_FORM_TITLE, meeting)} bookmark={PROXY_FORM_TITLE}>
          <ProxyFormPage data={data} form={data.proxyForm} />
        </ReportPage>
      ) : null}
    </ReportDocument>
  );
}
