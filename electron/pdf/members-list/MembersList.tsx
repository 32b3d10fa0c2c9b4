import { StyleSheet, Text, View } from '@react-pdf/renderer';
import {
  Grid,
  type GridColumn,
  type GridRow,
  GridTable,
  pageContentHeight,
  pageContentWidth,
  PageFlow,
  ReportDocument,
  TextLines,
  WidePage,
  wrapToWidth,
} from '../layout';
import type { MembersListData, MembersListRowData } from '@shared/reports/members';
import { exportDate, formatInteger, formatShare, keepNumbersTogether, plural } from '@shared/format';
import { DocumentTitle, EmptyState } from '../components';
import { colors, fontSizes, weights } from '../components/theme';

import { footerLabel } from '../text';

export const MEMBERS_LIST_TITLE = 'Liste des adhérents';

/** Landscape: eight columns (six in the « annuaire ») at a readable size, up to 30 rows a page. */
const ORIENTATION = 'landscape';
/** Kept free at the foot of every page, in points, against rounding in react-pdf's layout. */
const SAFETY_MARGIN = 3;

type Row = MembersListRowData;
type Group = MembersListData['groups'][number];

// ---------------------------------------------------------------------------------------------- columns

// Widths in points of the landscape content width (742 pt), for 8 pt text; the « annuaire » spreads its six
// columns over the same width at 8.5 pt.
const nameColumn: GridColumn<Row> = { header: 'Nom', width: 112, value: (r) => r.name };
const professionColumn: GridColumn<Row> = { header: 'Profession', width: 100, value: (r) => r.profession };
const communeColumn: GridColumn<Row> = { header: 'Commune', width: 88, value: (r) => r.commune };
const structureColumn: GridColumn<Row> = { header: 'Structure', width: 86, value: (r) => r.structure };
const phoneColumn: GridColumn<Row> = { header: 'Téléphone', width: 70, value: (r) => r.phone };
const emailColumn: GridColumn<Row> = { header: 'Courriel', width: 118, unique: true, value: (r) => r.email };
// RPPS, ADELI or FINESS.
const identifierColumn: GridColumn<Row> = {
  header: 'Identifiant',
  width: 66,
  unique: true,
  value: (r) => r.identifier,
};
const collegeColumn: GridColumn<Row> = { header: 'Collège', width: 102, value: (r) => r.college };

/**
 * The columns of a list. The « bureau » version adds the RPPS / ADELI / FINESS and the collège (left out when
 * the list is grouped by collège: the group title says it); the « annuaire » never shows them.
 */
export function membersListColumns(data: Pick<MembersListData, 'audience' | 'groupBy'>): GridColumn<Row>[] {
  const common = [nameColumn, professionColumn, communeColumn, structureColumn, phoneColumn, emailColumn];
  if (data.audience !== 'bureau') return common;
  return data.groupBy === 'college' ? [...common, identifierColumn] : [...common, identifierColumn, collegeColumn];
}

/** 8 pt for the eight columns of the « bureau » version, 8.5 pt when there are fewer. */
function tableFontSize(columns: number): number {
  return columns > 7 ? 8 : 8.5;
}

// ---------------------------------------------------------------------------------------------- texts

export function subtitleOf(data: Pick<MembersListData, 'groupBy'>): string {
  return data.groupBy === 'college' ? 'par collège' : 'par profession';
}

function runningTitle(data: MembersListData): string {
  return data.audience === 'bureau' ? `${MEMBERS_LIST_TITLE} · document interne` : `${MEMBERS_LIST_TITLE} · annuaire`;
}

function membersCount(count: number): string {
  return plural(count, 'adhérent');
}

/** « Infirmier·ère — 42 adhérents », « … (suite) » on the following pages. */
export function groupHeading(group: Pick<Group, 'title' | 'count'>, continued = false): string {
  return `${group.title} — ${membersCount(group.count)}${continued ? ' (suite)' : ''}`;
}

function noticeLabel(data: MembersListData): string {
  return data.audience === 'bureau' ? 'Document interne au bureau — confidentiel' : 'Annuaire des adhérents';
}

/** Sentences of the notice box: the notice itself, then for an « annuaire » who is left out. */
export function noticeLines(data: MembersListData): string[] {
  const lines = data.notice.trim() ? [data.notice.trim()] : [];
  const left = data.withoutConsentCount;
  if (data.audience === 'annuaire' && (left > 0 || data.totalCount > 0)) {
    lines.push(
      left === 0
        ? 'Tous les adhérents actifs ont donné leur accord pour figurer dans cet annuaire.'
        : left === 1
          ? "1 adhérent actif n'a pas donné son accord pour figurer dans l'annuaire : il n'y apparaît pas."
          : `${formatInteger(left)} adhérents actifs n'ont pas donné leur accord pour figurer dans l'annuaire : ` +
            "ils n'y apparaissent pas.",
    );
  }
  return lines.map(keepNumbersTogether);
}

function summaryOf(data: MembersListData): string {
  const n = data.totalCount;
  const count =
    data.audience === 'annuaire'
      ? `${membersCount(n)} ${n > 1 ? 'figurent' : 'figure'} dans cet annuaire`
      : `${membersCount(n)} ${n > 1 ? 'actifs' : 'actif'}`;
  const groups = data.groups.length;
  if (groups === 0) return keepNumbersTogether(`${count}.`);
  const kind = data.groupBy === 'college' ? plural(groups, 'collège') : plural(groups, 'profession');
  return keepNumbersTogether(`${count}, ${n > 1 ? 'répartis' : 'réparti'} en ${kind}.`);
}

function emptyMessage(data: MembersListData): string {
  return data.audience === 'annuaire' && data.withoutConsentCount > 0
    ? "Aucun adhérent actif n'a donné son accord pour figurer dans l'annuaire."
    : 'La CPTS ne compte aucun adhérent actif.';
}

// ---------------------------------------------------------------------------------------------- styles and heights

const CONTENT_WIDTH = pageContentWidth(ORIENTATION);

/** Heights of the blocks above the tables, from their styles (and DocumentTitle's), for the page plan. */
const TITLE = {
  title: fontSizes.title * 1.2,
  subtitle: (fontSizes.lead + 1.5) * 1.35,
  meta: (fontSizes.body - 0.5) * 1.35,
  gap: 4,
  bottom: 14,
};
const NOTICE = {
  labelSize: fontSizes.small,
  labelLine: fontSizes.small * 1.35,
  labelGap: 2,
  textSize: fontSizes.body,
  textLine: fontSizes.body * 1.35,
  paddingY: 7,
  paddingX: 10,
  border: 3,
  bottom: 10,
};
const SUMMARY = { size: fontSizes.body, line: fontSizes.body * 1.35, bottom: 8 };
const GROUP = { size: fontSizes.lead, line: fontSizes.lead * 1.25, top: 12, bottom: 5 };
const RECAP = { size: fontSizes.section, line: fontSizes.section * 1.25, top: 16, bottom: 8, noteTop: 6 };
/** Up to this many groups the récapitulatif is one narrow table; beyond, two side by side. */
const RECAP_SINGLE_MAX = 12;

const styles = StyleSheet.create({
  notice: {
    backgroundColor: colors.accentSoft,
    borderLeftWidth: NOTICE.border,
    borderLeftColor: colors.accent,
    paddingVertical: NOTICE.paddingY,
    paddingHorizontal: NOTICE.paddingX,
    marginBottom: NOTICE.bottom,
  },
  noticeLabel: {
    fontSize: NOTICE.labelSize,
    lineHeight: 1.35,
    fontWeight: weights.bold,
    color: colors.accent,
    textTransform: 'uppercase',
    letterSpacing: 0.6,
    marginBottom: NOTICE.labelGap,
  },
  noticeLine: { fontSize: NOTICE.textSize, lineHeight: 1.35 },
  noticeStrong: { fontSize: NOTICE.textSize, lineHeight: 1.35, fontWeight: weights.semibold },
  summary: { fontSize: SUMMARY.size, lineHeight: 1.35, color: colors.muted },
  summaryBox: { marginBottom: SUMMARY.bottom },
  group: { fontSize: GROUP.size, lineHeight: 1.25, fontWeight: weights.semibold, color: colors.accent },
  groupBox: { marginBottom: GROUP.bottom },
  groupBoxSpaced: { marginTop: GROUP.top, marginBottom: GROUP.bottom },
  recapTitle: { fontSize: RECAP.size, lineHeight: 1.25, fontWeight: weights.bold, color: colors.accent },
  recapBox: { marginBottom: RECAP.bottom },
  recapBoxSpaced: { marginTop: RECAP.top, marginBottom: RECAP.bottom },
  recapNote: { fontSize: fontSizes.small + 0.5, lineHeight: 1.35, color: colors.muted },
  recapNoteBox: { marginTop: RECAP.noteTop },
});

/** Lines of a text box `width` points wide. */
function linesOf(text: string, width: number, fontSize: number, bold = false): string[] {
  return wrapToWidth(text, width, fontSize, bold ? 'bold' : 'regular');
}

// ---------------------------------------------------------------------------------------------- page plan

/** What one page holds of a table: a group of members or the récapitulatif. */
export interface Slice {
  kind: 'group' | 'recap';
  /** Heading lines (« (suite) » included on the following pages). */
  heading: string[];
  /** PDF outline entry, on the first slice of a table. */
  bookmark?: string;
  rows: GridRow[];
  /** Index of the first row in the whole table (zebra striping). */
  startIndex: number;
  /** Whether a table precedes the slice on its page (it then gets a top margin). */
  spaced: boolean;
  total?: GridRow;
  note?: string[];
  /** Width of the table in points, when narrower than the page. */
  width?: number;
}

export interface MembersListPage {
  intro: boolean;
  slices: Slice[];
}

interface Intro {
  meta: string;
  notice: { label: string; lines: string[][] };
  summary: string[];
  height: number;
}

export interface MembersListPlan {
  intro: Intro;
  grid: Grid<Row>;
  recapGrid: Grid<RecapRow>;
  pages: MembersListPage[];
}

function introOf(data: MembersListData): Intro {
  const situation = exportDate(data.generatedAt);
  const meta = situation ? `${data.cptsName} — adhérents actifs au ${situation}` : data.cptsName;
  const noticeWidth = CONTENT_WIDTH - NOTICE.border - 2 * NOTICE.paddingX;
  const notice = {
    label: noticeLabel(data),
    lines: noticeLines(data).map((line, index) => linesOf(line, noticeWidth, NOTICE.textSize, index > 0)),
  };
  const summary = data.totalCount > 0 ? linesOf(summaryOf(data), CONTENT_WIDTH, SUMMARY.size) : [];
  const noticeTextLines = notice.lines.reduce((sum, lines) => sum + lines.length, 0);
  const height =
    linesOf(MEMBERS_LIST_TITLE, CONTENT_WIDTH, fontSizes.title, true).length * TITLE.title +
    TITLE.gap +
    TITLE.subtitle +
    TITLE.gap +
    linesOf(meta, CONTENT_WIDTH, fontSizes.body - 0.5).length * TITLE.meta +
    TITLE.bottom +
    (2 * NOTICE.paddingY + NOTICE.labelLine + NOTICE.labelGap + noticeTextLines * NOTICE.textLine + NOTICE.bottom) +
    (summary.length > 0 ? summary.length * SUMMARY.line + SUMMARY.bottom : 0);
  return { meta, notice, summary, height };
}

/** A row of the récapitulatif: one group, or two side by side (the first half of the list, then the second). */
type RecapRow = readonly [Group, Group | undefined];

/** The récapitulatif: the groups in the list's order, in two halves side by side when there are many. */
function recapOf(data: MembersListData): { columns: GridColumn<RecapRow>[]; rows: RecapRow[]; width: number } {
  const label = data.groupBy === 'college' ? 'Collège' : 'Profession';
  const half = (pick: (row: RecapRow) => Group | undefined): GridColumn<RecapRow>[] => [
    { header: label, width: 26, value: (row) => pick(row)?.title ?? '' },
    {
      header: 'Adhérents',
      width: 9,
      numeric: true,
      value: (row) => (pick(row) ? formatInteger(pick(row)!.count) : ''),
    },
    {
      header: 'Part',
      width: 8,
      numeric: true,
      value: (row) => (pick(row) ? formatShare(pick(row)!.count, data.totalCount) : ''),
    },
  ];
  const groups = data.groups;
  if (groups.length <= RECAP_SINGLE_MAX) {
    return {
      columns: half((row) => row[0]),
      rows: groups.map((group) => [group, undefined]),
      width: 0.5 * CONTENT_WIDTH,
    };
  }
  const split = Math.ceil(groups.length / 2);
  const rows = groups.slice(0, split).map((group, index): RecapRow => [group, groups[split + index]]);
  const gap: GridColumn<RecapRow> = { header: '', width: 4, value: () => '' };
  return { columns: [...half((row) => row[0]), gap, ...half((row) => row[1])], rows, width: CONTENT_WIDTH };
}

const NOTE_LINE = (fontSizes.small + 0.5) * 1.35;

/**
 * Cuts the list into pages ahead of react-pdf (see flow.ts): each page gets the groups, or parts of groups,
 * that fit; a group continued on the next page repeats its heading with « (suite) » and its table header; the
 * récapitulatif closes the document. Rows are measured (grid.tsx), so render time grows linearly with the
 * number of members.
 */
export function planMembersList(data: MembersListData): MembersListPlan {
  const columns = membersListColumns(data);
  const grid = new Grid(columns, { width: CONTENT_WIDTH, fontSize: tableFontSize(columns.length) });
  const recap = recapOf(data);
  const recapGrid = new Grid(recap.columns, { width: recap.width, fontSize: 8.5 });
  const intro = introOf(data);
  const capacity = pageContentHeight(ORIENTATION, data.cptsName, runningTitle(data)) - SAFETY_MARGIN;
  const flow = new PageFlow<Slice>(capacity, intro.height);

  for (const group of data.groups) {
    flow.add({
      heading: {
        lines: (continued) => linesOf(groupHeading(group, continued), CONTENT_WIDTH, GROUP.size, true),
        lineHeight: GROUP.line,
        marginTop: GROUP.top,
        marginBottom: GROUP.bottom,
      },
      frameHeight: grid.frameHeight,
      unit: grid.singleRowHeight,
      rows: group.rows.map((row) => grid.row(row)),
      slice: ({ rows, startIndex, continued, spaced, heading }) => ({
        kind: 'group',
        heading,
        ...(continued ? {} : { bookmark: `${group.title} (${formatInteger(group.count)})` }),
        rows,
        startIndex,
        spaced,
      }),
    });
  }

  if (data.groups.length > 0) {
    const noteText =
      data.audience === 'annuaire' && data.withoutConsentCount > 0 ? noticeLines(data).at(-1) : undefined;
    const note = noteText ? linesOf(noteText, CONTENT_WIDTH, fontSizes.small + 0.5) : undefined;
    const total = recapGrid.total([
      'Total',
      formatInteger(data.totalCount),
      formatShare(data.totalCount, data.totalCount),
    ]);
    flow.add({
      heading: {
        lines: (continued) =>
          linesOf(continued ? 'Récapitulatif (suite)' : 'Récapitulatif', CONTENT_WIDTH, RECAP.size, true),
        lineHeight: RECAP.line,
        marginTop: RECAP.top,
        marginBottom: RECAP.bottom,
      },
      frameHeight: recapGrid.frameHeight,
      unit: recapGrid.singleRowHeight,
      rows: recap.rows.map((row) => recapGrid.row(row)),
      closing: total.height + (note ? RECAP.noteTop + note.length * NOTE_LINE : 0),
      keepTogether: true,
      slice: ({ rows, startIndex, continued, spaced, last, heading }) => ({
        kind: 'recap',
        heading,
        width: recap.width,
        ...(continued ? {} : { bookmark: 'Récapitulatif' }),
        rows,
        startIndex,
        spaced,
        ...(last ? { total } : {}),
        ...(last && note ? { note } : {}),
      }),
    });
  }

  const pages = flow.pages.map((slices, index) => ({ intro: index === 0, slices }));
  return { intro, grid, recapGrid, pages };
}

// ---------------------------------------------------------------------------------------------- document

function IntroBlock({ data, intro }: { data: MembersListData; intro: Intro }) {
  return (
    <>
      <DocumentTitle title={MEMBERS_LIST_TITLE} subtitle={subtitleOf(data)} meta={intro.meta} />
      <View style={styles.notice} wrap={false}>
        <Text style={styles.noticeLabel}>{intro.notice.label}</Text>
        {intro.notice.lines.map((lines, index) => (
          <TextLines key={index} lines={lines} style={index === 0 ? styles.noticeLine : styles.noticeStrong} />
        ))}
      </View>
      {intro.summary.length > 0 ? (
        <View style={styles.summaryBox}>
          <TextLines lines={intro.summary} style={styles.summary} />
        </View>
      ) : null}
    </>
  );
}

/** « Liste des adhérents » by profession or by collège, in its « bureau » or « annuaire » version. */
export function MembersList({ data }: { data: MembersListData }) {
  const { intro, grid, recapGrid, pages } = planMembersList(data);
  const frame = {
    orientation: ORIENTATION,
    cptsName: data.cptsName,
    reportTitle: runningTitle(data),
    footer: footerLabel(MEMBERS_LIST_TITLE, data.generatedAt),
  } as const;

  return (
    <ReportDocument
      title={`${MEMBERS_LIST_TITLE} ${subtitleOf(data)} — ${data.cptsName}`}
      author={data.cptsName}
      subject={MEMBERS_LIST_TITLE}
    >
      {pages.map((plan, pageIndex) => (
        <WidePage key={pageIndex} {...frame} {...(pageIndex === 0 ? { bookmark: MEMBERS_LIST_TITLE } : {})}>
          {plan.intro ? <IntroBlock data={data} intro={intro} /> : null}
          {plan.intro && data.groups.length === 0 ? <EmptyState>{emptyMessage(data)}</EmptyState> : null}
          {plan.slices.map((slice, index) => {
            const group = slice.kind === 'group';
            const headingBox = group
              ? slice.spaced
                ? styles.groupBoxSpaced
                : styles.groupBox
              : slice.spaced
                ? styles.recapBoxSpaced
                : styles.recapBox;
            return (
              <View key={index}>
                <View style={headingBox} {...(slice.bookmark ? { bookmark: slice.bookmark } : {})}>
                  <TextLines lines={slice.heading} style={group ? styles.group : styles.recapTitle} />
                </View>
                {group ? (
                  // The long tables are painted: see grid.tsx.
                  <GridTable grid={grid} rows={slice.rows} startIndex={slice.startIndex} painted />
                ) : (
                  <View style={{ width: slice.width ?? CONTENT_WIDTH }}>
                    <GridTable
                      grid={recapGrid}
                      rows={slice.rows}
                      startIndex={slice.startIndex}
                      {...(slice.total ? { totalRow: slice.total } : {})}
                    />
                  </View>
                )}
                {slice.note ? (
                  <View style={styles.recapNoteBox}>
                    <TextLines lines={slice.note} style={styles.recapNote} />
                  </View>
                ) : null}
              </View>
            );
          })}
        </WidePage>
      ))}
    </ReportDocument>
  );
}
