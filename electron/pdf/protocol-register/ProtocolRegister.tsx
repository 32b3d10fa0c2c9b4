import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { exportDate, formatInteger, frenchSpacing, nonBreaking, plural } from '@shared/format';
import {
  PROTOCOL_REGISTER_TITLE,
  type ProtocolRegisterData,
  type RegisterGroup,
  type RegisterLine,
} from '@shared/reports/protocol-register';
import { DocumentTitle, EmptyState, KeyFigures, Note, SectionTitle } from '../components';
import { Grid, type GridColumn, GridTable, pageContentWidth, ReportDocument, ReportPage } from '../layout';
import { fontSizes, textSize, weights } from '../components/theme';
import { footerLabel } from '../text';

const styles = StyleSheet.create({
  group: { marginBottom: 14 },
  warning: { ...textSize(fontSizes.body), color: '#8a3b12', fontWeight: weights.semibold, marginBottom: 10 },
});

function columnsFor(year: number): GridColumn<RegisterLine>[] {
  return [
    { header: 'Code', width: 9, value: (row) => row.code },
    { header: 'Intitulé', width: 30, value: (row) => row.title },
    { header: 'Mission ACI', width: 11, value: (row) => row.mission },
    { header: 'État', width: 15, value: (row) => row.status },
    { header: 'Version', width: 6, numeric: true, value: (row) => row.version },
    { header: 'Validé le', width: 9, value: (row) => row.validatedOn },
    { header: 'Prochaine révision', width: 12, value: (row) => row.nextReview },
    { header: 'Équipe', width: 6, numeric: true, value: (row) => formatInteger(row.teamSize) },
    {
      header: `Utilisations ${year}`,
      width: 9,
      numeric: true,
      value: (row) => formatInteger(row.uses),
      faint: (row) => row.uses === 0,
    },
  ];
}

/** Up to this many protocols a family stays whole on its page rather than leaving its title behind. */
const KEEP_TOGETHER_ROWS = 12;

function GroupTable({ group, grid }: { group: RegisterGroup; grid: Grid<RegisterLine> }) {
  const total = grid.columns.map((_column, index) => {
    if (index === 0) return 'Total';
    if (index === 1) return nonBreaking(plural(group.lines.length, 'protocole'));
    if (index === grid.columns.length - 1) return formatInteger(group.uses);
    return '';
  });
  return (
    <View style={styles.group} wrap={group.lines.length > KEEP_TOGETHER_ROWS}>
      <SectionTitle>{group.title}</SectionTitle>
      <GridTable grid={grid} rows={group.lines.map((line) => grid.row(line))} totalRow={grid.total(total)} />
    </View>
  );
}

/** « Registre des protocoles » of a year: every protocol by family, its state, its review and its uses. */
export function ProtocolRegister({ data }: { data: ProtocolRegisterData }) {
  const reportTitle = `${PROTOCOL_REGISTER_TITLE} ${data.year}`;
  const frame = {
    cptsName: data.cptsName,
    reportTitle,
    footer: footerLabel(reportTitle, data.generatedAt),
    orientation: 'landscape' as const,
  };
  const grid = new Grid(columnsFor(data.year), { width: pageContentWidth('landscape'), fontSize: 8.5 });
  const situation = exportDate(data.generatedAt);
  const { totals } = data;
  return (
    <ReportDocument
      title={`${reportTitle} — ${data.cptsName}`}
      author={data.cptsName}
      subject={PROTOCOL_REGISTER_TITLE}
    >
      <ReportPage {...frame} bookmark={reportTitle}>
        <DocumentTitle
          title={reportTitle}
          subtitle={data.cptsName}
          {...(situation
            ? { meta: `Situation au ${situation} ; utilisations du 1er janvier au 31 décembre ${data.year}` }
            : {})}
        />
        <KeyFigures
          items={[
            {
              label: 'Protocoles',
              value: formatInteger(totals.protocols),
              detail: nonBreaking(`dont ${totals.inForce} en vigueur`),
            },
            {
              label: 'Révisions dépassées',
              value: formatInteger(totals.reviewsOverdue),
              detail: nonBreaking(`${totals.reviewsSoon} à faire dans les 60 jours`),
            },
            { label: `Utilisations ${data.year}`, value: formatInteger(totals.uses) },
          ]}
        />
        {data.overdue.length > 0 ? (
          <Text style={styles.warning}>
            {frenchSpacing(
              `${data.overdue.length > 1 ? 'Révisions dépassées' : 'Révision dépassée'} : ${data.overdue.join(' ; ')}.`,
            )}
          </Text>
        ) : null}
        {data.groups.length === 0 ? (
          <EmptyState>
            Aucun protocole dans la bibliothèque : créez-en un ou importez un document Word depuis « Protocoles ».
          </EmptyState>
        ) : (
          data.groups.map((group) => <GroupTable key={group.title} group={group} grid={grid} />)
        )}
        <Note>
          {frenchSpacing(
            'État : celui de la version qui s’applique (en vigueur, sinon la dernière validée, sinon le brouillon). ' +
              'Équipe : membres actifs. Une révision DÉPASSÉE est à programmer sans attendre.',
          )}
        </Note>
      </ReportPage>
    </ReportDocument>
  );
}
