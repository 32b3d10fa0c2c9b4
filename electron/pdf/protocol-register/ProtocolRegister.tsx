import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { exportDate, formatInteger, frenchSpacing, nonBreaking, plural } from '@shared/format';
import {
  PROTOCOL_REGISTER_TITLE,
  type ProtocolRegisterData,
  type RegisterGroup,
  type RegisterLine,
} from '@shared/reports/protocol-register';
import { DocumentTitle, EmptyState, KeyFigures, Note, SectionTitle } from '../components';
import {
  chunkRows,
  Grid,
  type GridColumn,
  GridTable,
  pageContentHeight,
  pageContentWidth,
  ReportDocument,
  ReportPage,
} from '../layout';
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

/** Room for a family's title above its table, in points (section title and its margin, rounded up). */
const HEADING_HEIGHT = 30;

/**
 * A family's table, painted (one canvas per slice: several times faster than a <Text> per cell) and cut ahead of
 * layout into slices that each fit on a page, since a canvas is never split: react-pdf moves a slice that does not
 * fit to the next page, and a slice after the first repeats the family's title with « (suite) ».
 */
function GroupTable({ group, grid, capacity }: { group: RegisterGroup; grid: Grid<RegisterLine>; capacity: number }) {
  const total = grid.total(
    grid.columns.map((_column, index) => {
      if (index === 0) return 'Total';
      if (index === 1) return nonBreaking(plural(group.lines.length, 'protocole'));
      if (index === grid.columns.length - 1) return formatInteger(group.uses);
      return '';
    }),
  );
  const rows = group.lines.map((line) => grid.row(line));
  const perPage = Math.max(
    1,
    Math.floor((capacity - HEADING_HEIGHT - grid.frameHeight - total.height) / grid.singleRowHeight),
  );
  const slices = chunkRows(rows, perPage, perPage, (row) => grid.units(row));
  let startIndex = 0;
  return (
    <>
      {slices.map((slice, index) => {
        const first = startIndex;
        startIndex += slice.length;
        const last = index === slices.length - 1;
        return (
          <View key={first} style={styles.group} wrap={false}>
            <SectionTitle>{index === 0 ? group.title : `${group.title} (suite)`}</SectionTitle>
            <GridTable grid={grid} rows={slice} startIndex={first} painted {...(last ? { totalRow: total } : {})} />
          </View>
        );
      })}
    </>
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
  const capacity = pageContentHeight('landscape', data.cptsName, reportTitle);
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
          data.groups.map((group) => <GroupTable key={group.title} group={group} grid={grid} capacity={capacity} />)
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
