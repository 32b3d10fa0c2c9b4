import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { exportDate, frenchSpacing } from '@shared/format';
import {
  DRAFT_MARK,
  PROTOCOL_REPORT_TITLE,
  type ProtocolData,
  type ProtocolSection,
  type ProtocolStepLine,
  type ProtocolTeamGroup,
} from '@shared/reports/protocol';
import { DocumentTitle, FreeText, KeyValueList, Note, Section, SectionTitle, SubsectionTitle } from '../components';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import { maxCharsFor, ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { footerLabel } from '../text';

const MAX_CHARS = maxCharsFor(contentWidth, fontSizes.body);

const styles = StyleSheet.create({
  block: { marginBottom: 14 },
  draft: {
    ...textSize(fontSizes.lead),
    fontWeight: weights.bold,
    color: '#8a3b12',
    borderWidth: 1,
    borderColor: '#8a3b12',
    paddingVertical: 5,
    paddingHorizontal: 8,
    marginBottom: 12,
  },
  part: { marginBottom: 6 },
  version: { marginBottom: 8 },
  versionDates: { ...textSize(fontSizes.body - 0.5), color: colors.muted, marginBottom: 2 },
});

const professionColumns: TableColumn<{ profession: string; role: string }>[] = [
  { header: 'Profession', width: 30, value: (row) => row.profession },
  { header: 'Rôle dans le protocole', width: 70, value: (row) => row.role },
];

const stepColumns: TableColumn<ProtocolStepLine>[] = [
  { header: 'N°', width: 6, value: (row) => row.rank },
  { header: 'Qui', width: 17, value: (row) => row.who },
  { header: 'Quoi', width: 35, value: (row) => row.action },
  { header: 'Quand', width: 14, value: (row) => row.timing },
  { header: 'Où', width: 13, value: (row) => row.place },
  { header: 'Outil', width: 15, value: (row) => row.tool },
];

type TeamRow = ProtocolTeamGroup['members'][number];

function teamColumns(cooperation: boolean): TableColumn<TeamRow>[] {
  return [
    { header: 'Nom', width: 34, value: (row) => row.name },
    { header: 'Profession', width: 26, value: (row) => row.profession },
    ...(cooperation ? [{ header: 'RPPS', width: 18, value: (row: TeamRow) => row.rpps ?? '—' }] : []),
    { header: 'Depuis le', width: 22, value: (row) => row.since },
  ];
}

function SectionBlock({ section }: { section: ProtocolSection }) {
  return (
    <Section title={section.title}>
      {section.parts.map((part, index) => (
        <View key={part.title ?? index} style={styles.part}>
          {part.title ? <SubsectionTitle>{part.title}</SubsectionTitle> : null}
          <FreeText text={part.text} maxChars={MAX_CHARS} />
        </View>
      ))}
    </Section>
  );
}

/**
 * Up to this many rows a table stays on one page with its title: react-pdf leaves a lone title at a page's foot when
 * what follows it cannot be split (rows are never split), so a short table travels whole with its title.
 */
const KEEP_TOGETHER_ROWS = 10;

function TableSection<T>({
  title,
  subtitle,
  columns,
  rows,
}: {
  title: string | null;
  subtitle?: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
}) {
  return (
    <View style={title ? styles.block : styles.part} wrap={rows.length > KEEP_TOGETHER_ROWS}>
      {title ? <SectionTitle>{title}</SectionTitle> : null}
      {subtitle ? <SubsectionTitle>{subtitle}</SubsectionTitle> : null}
      <Table columns={columns} rows={rows} />
    </View>
  );
}

/** « Protocole »: one version as it reads on paper, in the HAS order, with its team and its history. */
export function Protocol({ data }: { data: ProtocolData }) {
  const reportTitle = data.draft ? `${PROTOCOL_REPORT_TITLE} — ${DRAFT_MARK}` : PROTOCOL_REPORT_TITLE;
  const frame = { cptsName: data.cptsName, reportTitle, footer: footerLabel(data.shortTitle, data.generatedAt) };
  const situation = exportDate(data.generatedAt);
  const columnsOfTeam = teamColumns(data.cooperation);
  return (
    <ReportDocument title={`${data.title} — ${data.cptsName}`} author={data.cptsName} subject={PROTOCOL_REPORT_TITLE}>
      <ReportPage {...frame} bookmark={data.title}>
        <DocumentTitle
          title={data.title}
          subtitle={data.cptsName}
          {...(situation ? { meta: `Édité le ${situation}` } : {})}
        />
        {data.draft ? (
          <Text style={styles.draft}>{frenchSpacing(`${DRAFT_MARK} : ce texte peut encore changer.`)}</Text>
        ) : null}
        <View style={styles.block}>
          <KeyValueList items={data.facts} />
        </View>
        {data.opening.map((section) => (
          <SectionBlock key={section.title} section={section} />
        ))}
        {data.professions.length > 0 ? (
          <TableSection title="Professions concernées" columns={professionColumns} rows={data.professions} />
        ) : null}
        {data.steps.length > 0 ? <TableSection title="Les étapes" columns={stepColumns} rows={data.steps} /> : null}
        {data.closing.map((section) => (
          <SectionBlock key={section.title} section={section} />
        ))}
        {data.derogatoryActs ? (
          <Section title="Actes dérogatoires">
            <FreeText text={data.derogatoryActs} maxChars={MAX_CHARS} />
          </Section>
        ) : null}
        {data.team.length > 0 ? (
          <View style={styles.block}>
            {data.team.map((group, index) => (
              <TableSection
                key={group.title}
                title={index === 0 ? 'L’équipe' : null}
                subtitle={group.title}
                columns={columnsOfTeam}
                rows={group.members}
              />
            ))}
          </View>
        ) : null}
        {data.history.length > 0 ? (
          <View style={styles.block}>
            {data.history.map((version, index) => (
              // The section's title rides with the first version (react-pdf leaves a lone title at a page's foot
              // when what follows cannot be split); a short changelog stays with its version's title.
              <View key={version.title} style={styles.version} wrap={(version.changelog?.length ?? 0) > 600}>
                {index === 0 ? <SectionTitle>Historique des versions</SectionTitle> : null}
                <SubsectionTitle>{version.title}</SubsectionTitle>
                {version.dates ? <Text style={styles.versionDates}>{version.dates}</Text> : null}
                <FreeText text={version.changelog} maxChars={MAX_CHARS} empty="Pas de note de changement." />
              </View>
            ))}
          </View>
        ) : null}
        {data.cooperation ? (
          <Note>
            {frenchSpacing(
              'Protocole de coopération (CSP, art. L4011-1) : les délégants et délégués sont ceux de l’équipe déclarée à l’ARS.',
            )}
          </Note>
        ) : null}
      </ReportPage>
    </ReportDocument>
  );
}
