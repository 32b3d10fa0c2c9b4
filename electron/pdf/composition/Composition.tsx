import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CompositionData, CountWithChange } from '@shared/reports/members';
import {
  dateLong,
  formatChange,
  formatDecimal,
  formatInteger,
  formatShare,
  keepNumbersTogether,
  nonBreaking,
  plural,
  shortDate,
  sinceLabel,
  sumPrevious,
} from '@shared/format';
import {
  DocumentTitle,
  EmptyState,
  KeyFigures,
  Note,
  Paragraph,
  Section,
  SectionTitle,
  SubsectionTitle,
  type KeyFigure,
} from '../components';
import {
  Grid,
  type GridColumn,
  type GridRow,
  GridTable,
  type Orientation,
  pageContentHeight,
  pageContentWidth,
  PageFlow,
  ReportDocument,
  ReportPage,
  Table,
  type TableColumn,
  TextLines,
  WidePage,
  wrapToWidth,
} from '../layout';
import { colors, fontSizes, weights } from '../components/theme';
import { footerLabel } from '../text';

export const COMPOSITION_TITLE = 'Composition de la CPTS';

/** At most this many commune columns in one table of the profession × commune matrix. */
export const MAX_COMMUNE_COLUMNS = 8;
/** Up to this many communes (« Hors territoire » included) the matrix fits a portrait page. */
const PORTRAIT_MAX_COMMUNES = 4;

const MATRIX_FONT_SIZE = 8.5;
const MATRIX_HEADER_FONT_SIZE = 8;
const PROFESSION_WIDTH = 150;
const TOTAL_WIDTH = 52;
const MAX_COMMUNE_WIDTH = 80;
/** Kept free at the foot of every matrix page, in points. */
const SAFETY_MARGIN = 3;

type Matrix = CompositionData['professionByCommune'];
type MatrixRow = Matrix['rows'][number];
type CollegeRow = CompositionData['byCollege'][number];

const styles = StyleSheet.create({
  matrix: { marginBottom: 14 },
  // Explicit heights (lineHeight, margins) on the landscape pages: they are cut ahead of layout.
  introTitle: { fontSize: fontSizes.section, lineHeight: 1.25, fontWeight: weights.bold, color: colors.accent },
  introTitleBox: { marginBottom: 8 },
  introLine: { fontSize: fontSizes.body, lineHeight: 1.35 },
  introNote: { fontSize: fontSizes.small + 0.5, lineHeight: 1.35, color: colors.muted },
  introNoteBox: { marginTop: 4, marginBottom: 12 },
  partHeading: { fontSize: fontSizes.lead, lineHeight: 1.25, fontWeight: weights.semibold, color: colors.text },
  partHeadingBox: { marginBottom: 6 },
  partHeadingBoxSpaced: { marginTop: 14, marginBottom: 6 },
  legend: { marginTop: -4, marginBottom: 14 },
  section: { marginBottom: 16 },
});

// ---------------------------------------------------------------------------------------------- texts

/** « Composition de la CPTS au 31 décembre 2025 ». */
export function compositionTitle(data: Pick<CompositionData, 'asOf'>): string {
  const date = dateLong(data.asOf);
  return date ? `${COMPOSITION_TITLE} au ${date}` : COMPOSITION_TITLE;
}

/** « 18 communes du territoire sur 20 comptent au moins un adhérent. » */
export function coverageSentence(territory: CompositionData['territory']): string {
  const { covered, communes } = territory;
  const verb = covered > 1 ? 'comptent' : 'compte';
  const subject = `${formatInteger(covered)} ${covered > 1 ? 'communes' : 'commune'} du territoire`;
  return keepNumbersTogether(`${subject} sur ${formatInteger(communes)} ${verb} au moins un adhérent.`);
}

function summaryOf(data: CompositionData): string {
  const { active, persons, structures, joined, left } = data.totals;
  const date = dateLong(data.asOf);
  const delta = formatChange(active.count, active.previous ?? active.count);
  const change =
    active.previous === null ? '' : ` (${delta === '=' ? 'stable' : delta} depuis ${sinceLabel(data.previousAsOf)})`;
  const members = `${plural(active.count, 'adhérent actif', 'adhérents actifs')}${change}`;
  const split = `${plural(persons.count, 'personne')} et ${plural(structures.count, 'structure')}`;
  const joinedText = plural(joined, 'adhésion nouvelle', 'adhésions nouvelles');
  const moves = `En ${data.year}, ${joinedText} et ${plural(left, 'sortie')}.`;
  return nonBreaking(`Au ${date}, la CPTS compte ${members} : ${split}. ${moves}`);
}

function changeDetail(value: CountWithChange, previousAsOf: string): string {
  if (value.previous === null) return 'Pas de comparaison';
  const change = formatChange(value.count, value.previous);
  const since = sinceLabel(previousAsOf);
  return change === '=' ? `Stable (=) depuis ${since}` : `${change} depuis ${since}`;
}

function keyFigures(data: CompositionData): KeyFigure[] {
  const { active, persons, structures, joined, left } = data.totals;
  const since = data.previousAsOf;
  return [
    { label: 'Adhérents', value: formatInteger(active.count), detail: changeDetail(active, since) },
    { label: 'Personnes', value: formatInteger(persons.count), detail: changeDetail(persons, since) },
    { label: 'Structures', value: formatInteger(structures.count), detail: changeDetail(structures, since) },
    { label: 'Entrées', value: formatInteger(joined), detail: `en ${data.year}` },
    { label: 'Sorties', value: formatInteger(left), detail: `en ${data.year}` },
  ];
}

// ---------------------------------------------------------------------------------------------- count tables

function countColumns(data: CompositionData, label: string, total: number): TableColumn<CountWithChange>[] {
  return [
    { header: label, width: 43, value: (row) => row.label },
    { header: `Au ${shortDate(data.asOf)}`, width: 16, numeric: true, value: (row) => formatInteger(row.count) },
    { header: 'Part', width: 11, numeric: true, value: (row) => formatShare(row.count, total) },
    {
      header: `Au ${shortDate(data.previousAsOf)}`,
      width: 16,
      numeric: true,
      value: (row) => (row.previous === null ? '—' : formatInteger(row.previous)),
    },
    { header: 'Évolution', width: 14, numeric: true, value: (row) => formatChange(row.count, row.previous) },
  ];
}

function CountTable({ data, label, rows }: { data: CompositionData; label: string; rows: readonly CountWithChange[] }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const previous = sumPrevious(rows);
  const totalRow = [
    'Total',
    formatInteger(total),
    formatShare(total, total),
    previous === null ? '—' : formatInteger(previous),
    formatChange(total, previous),
  ];
  return <Table columns={countColumns(data, label, total)} rows={rows} totalRow={totalRow} />;
}

function collegeColumns(data: CompositionData): TableColumn<CollegeRow>[] {
  return [
    { header: 'Collège', width: 29, value: (row) => row.label },
    { header: 'Voix', width: 17, value: (row) => row.votingRight },
    {
      header: 'Sièges',
      width: 8,
      numeric: true,
      value: (row) => (row.seats === null ? '—' : formatInteger(row.seats)),
    },
    { header: 'Poids de vote', width: 10, numeric: true, value: (row) => formatDecimal(row.voteWeight) },
    { header: `Au ${shortDate(data.asOf)}`, width: 12, numeric: true, value: (row) => formatInteger(row.count) },
    {
      header: `Au ${shortDate(data.previousAsOf)}`,
      width: 12,
      numeric: true,
      value: (row) => (row.previous === null ? '—' : formatInteger(row.previous)),
    },
    { header: 'Évolution', width: 10, numeric: true, value: (row) => formatChange(row.count, row.previous) },
  ];
}

function CollegeTable({ data }: { data: CompositionData }) {
  const rows = data.byCollege;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const previous = sumPrevious(rows);
  const seats = rows.some((row) => row.seats !== null) ? rows.reduce((sum, row) => sum + (row.seats ?? 0), 0) : null;
  const totalRow = [
    'Total',
    '',
    seats === null ? '—' : formatInteger(seats),
    '',
    formatInteger(total),
    previous === null ? '—' : formatInteger(previous),
    formatChange(total, previous),
  ];
  return <Table columns={collegeColumns(data)} rows={rows} totalRow={totalRow} />;
}

// ---------------------------------------------------------------------------------------------- matrix

/** Splits `count` columns into parts of at most `max`, as even as possible (21 → 7 + 7 + 7, not 8 + 8 + 5). */
export function splitColumns(count: number, max: number = MAX_COMMUNE_COLUMNS): { start: number; end: number }[] {
  if (count <= 0) return [];
  const parts = Math.ceil(count / max);
  const base = Math.floor(count / parts);
  const extra = count % parts;
  const result: { start: number; end: number }[] = [];
  let start = 0;
  for (let index = 0; index < parts; index += 1) {
    const size = base + (index < extra ? 1 : 0);
    result.push({ start, end: start + size });
    start += size;
  }
  return result;
}

interface MatrixPart {
  /** « Partie 1 sur 3 : de Brié-et-Angonnes à Jarrie », or '' when the matrix is in one table. */
  title: string;
  grid: Grid<MatrixRow>;
  rows: GridRow[];
  total: GridRow;
  /** Width of the table, in points (narrower than the page when there are few communes). */
  width: number;
}

function matrixParts(matrix: Matrix, orientation: Orientation): MatrixPart[] {
  const pageWidth = pageContentWidth(orientation);
  const parts = splitColumns(matrix.communes.length);
  const grandTotal = matrix.totals.reduce((sum, value) => sum + value, 0);
  return parts.map(({ start, end }, index) => {
    const communes = matrix.communes.slice(start, end);
    const room = pageWidth - PROFESSION_WIDTH - TOTAL_WIDTH;
    const communeWidth = Math.min(MAX_COMMUNE_WIDTH, room / Math.max(1, communes.length));
    const width = PROFESSION_WIDTH + TOTAL_WIDTH + communeWidth * communes.length;
    const columns: GridColumn<MatrixRow>[] = [
      { header: 'Profession', width: PROFESSION_WIDTH, value: (row) => row.profession },
      ...communes.map(
        (commune, offset): GridColumn<MatrixRow> => ({
          header: commune,
          width: communeWidth,
          numeric: true,
          value: (row) => formatInteger(row.counts[start + offset] ?? 0),
          faint: (row) => (row.counts[start + offset] ?? 0) === 0,
        }),
      ),
      { header: 'Total', width: TOTAL_WIDTH, numeric: true, value: (row) => formatInteger(row.total) },
    ];
    const grid = new Grid(columns, { width, fontSize: MATRIX_FONT_SIZE, headerFontSize: MATRIX_HEADER_FONT_SIZE });
    const first = communes[0] ?? '';
    const last = communes.at(-1) ?? '';
    const range = first === last ? first : `de ${first} à ${last}`;
    return {
      title: parts.length > 1 ? `Partie ${index + 1} sur ${parts.length} : ${range}` : '',
      grid,
      rows: matrix.rows.map((row) => grid.row(row)),
      total: grid.total([
        'Total',
        ...matrix.totals.slice(start, end).map((value) => formatInteger(value)),
        formatInteger(grandTotal),
      ]),
      width,
    };
  });
}

function MatrixIntro({ data, split }: { data: CompositionData; split: boolean }) {
  return (
    <>
      <Paragraph>{coverageSentence(data.territory)}</Paragraph>
      <Note>{matrixNote(split)}</Note>
    </>
  );
}

const MATRIX_SECTION_TITLE = 'Répartition par profession et par commune';

/** The matrix on portrait pages, inside the flow of the report (few communes). */
function PortraitMatrix({ data }: { data: CompositionData }) {
  const parts = matrixParts(data.professionByCommune, 'portrait');
  return (
    <Section title={MATRIX_SECTION_TITLE}>
      <MatrixIntro data={data} split={parts.length > 1} />
      {parts.map((part, index) => (
        <View key={index} style={[styles.matrix, { width: part.width, marginTop: 8 }]}>
          {part.title ? <SubsectionTitle>{part.title}</SubsectionTitle> : null}
          <GridTable grid={part.grid} rows={part.rows} totalRow={part.total} />
        </View>
      ))}
    </Section>
  );
}

interface MatrixSlice {
  part: MatrixPart;
  heading: string[];
  rows: GridRow[];
  startIndex: number;
  spaced: boolean;
  last: boolean;
}

/** Heights used to cut the landscape matrix into pages (styles below). */
const PART_HEADING = { size: fontSizes.lead, line: fontSizes.lead * 1.25, top: 14, bottom: 6 };
const INTRO = {
  titleLine: fontSizes.section * 1.25,
  titleBottom: 8,
  line: fontSizes.body * 1.35,
  gap: 4,
  noteLine: (fontSizes.small + 0.5) * 1.35,
  bottom: 12,
};

function matrixNote(split: boolean): string {
  return split
    ? `Les communes sont réparties sur plusieurs tableaux de ${MAX_COMMUNE_COLUMNS} colonnes au plus ; ` +
        'la colonne Total compte toutes les communes.'
    : "Adhérents par profession et par commune d'exercice.";
}

interface MatrixIntroLines {
  coverage: string[];
  note: string[];
  height: number;
}

function matrixIntroLines(data: CompositionData, split: boolean, width: number): MatrixIntroLines {
  const coverage = wrapToWidth(coverageSentence(data.territory), width, fontSizes.body);
  const note = wrapToWidth(matrixNote(split), width, fontSizes.small + 0.5);
  const height =
    INTRO.titleLine +
    INTRO.titleBottom +
    coverage.length * INTRO.line +
    INTRO.gap +
    note.length * INTRO.noteLine +
    INTRO.bottom;
  return { coverage, note, height };
}

/**
 * The landscape matrix cut into pages (see layout/flow.ts): the parts follow one another, a part that
 * goes on over the next page repeats its heading with « (suite) » and its header row.
 */
function planMatrixPages(
  data: CompositionData,
  parts: MatrixPart[],
  intro: MatrixIntroLines,
  reportTitle: string,
): MatrixSlice[][] {
  if (parts.length === 0) return [];
  const width = pageContentWidth('landscape');
  const capacity = pageContentHeight('landscape', data.cptsName, reportTitle) - SAFETY_MARGIN;
  const flow = new PageFlow<MatrixSlice>(capacity, intro.height);
  for (const part of parts) {
    flow.add({
      heading: part.title
        ? {
            lines: (continued) =>
              wrapToWidth(continued ? `${part.title} (suite)` : part.title, width, PART_HEADING.size, 'bold'),
            lineHeight: PART_HEADING.line,
            marginTop: PART_HEADING.top,
            marginBottom: PART_HEADING.bottom,
          }
        : null,
      frameHeight: part.grid.frameHeight,
      unit: part.grid.singleRowHeight,
      rows: part.rows,
      closing: part.total.height,
      keepTogether: true,
      slice: ({ rows, startIndex, spaced, last, heading }) => ({ part, heading, rows, startIndex, spaced, last }),
    });
  }
  return flow.pages;
}

// ---------------------------------------------------------------------------------------------- document

/**
 * « Composition de la CPTS au 31 décembre 2025 »: key figures, counts by profession, structure type, mode
 * d'exercice and collège with their change since the previous year, and the profession × commune matrix.
 */
export function Composition({ data }: { data: CompositionData }) {
  const title = compositionTitle(data);
  const footer = footerLabel(COMPOSITION_TITLE, data.generatedAt);
  const frame = { cptsName: data.cptsName, reportTitle: COMPOSITION_TITLE, footer };
  const matrix = data.professionByCommune;
  const hasMatrix = matrix.communes.length > 0 && matrix.rows.length > 0;
  const landscape = hasMatrix && matrix.communes.length > PORTRAIT_MAX_COMMUNES;
  const landscapeParts = landscape ? matrixParts(matrix, 'landscape') : [];
  const intro = matrixIntroLines(data, landscapeParts.length > 1, pageContentWidth('landscape'));
  const matrixPages = planMatrixPages(data, landscapeParts, intro, COMPOSITION_TITLE);
  const previous = dateLong(data.previousAsOf);

  return (
    <ReportDocument title={`${title} — ${data.cptsName}`} author={data.cptsName} subject={COMPOSITION_TITLE}>
      <ReportPage {...frame} bookmark="Chiffres clés">
        <DocumentTitle
          title={title}
          subtitle={data.cptsName}
          {...(previous ? { meta: `Évolution par rapport au ${previous}` } : {})}
        />
        <KeyFigures items={keyFigures(data)} />
        <Paragraph>{summaryOf(data)}</Paragraph>
        <Paragraph>{coverageSentence(data.territory)}</Paragraph>
        <View style={styles.legend}>
          <Note>
            {`Évolution : écart avec la situation au ${previous || shortDate(data.previousAsOf)} ` +
              '(« = » : effectif inchangé ; « — » : pas de comparaison possible).'}
          </Note>
        </View>

        <Section title="Adhérents par profession">
          {data.byProfession.length > 0 ? (
            <CountTable data={data} label="Profession" rows={data.byProfession} />
          ) : (
            <EmptyState>Aucune personne adhérente.</EmptyState>
          )}
        </Section>
        <Section title="Structures adhérentes par type">
          {data.byStructureType.length > 0 ? (
            <CountTable data={data} label="Type de structure" rows={data.byStructureType} />
          ) : (
            <EmptyState>Aucune structure adhérente.</EmptyState>
          )}
        </Section>
        <Section title="Adhérents par mode d'exercice">
          {data.byPracticeMode.length > 0 ? (
            <CountTable data={data} label="Mode d'exercice" rows={data.byPracticeMode} />
          ) : (
            <EmptyState>Aucun mode d'exercice renseigné.</EmptyState>
          )}
        </Section>
        {/* A short table stays whole with its title and note rather than leaving them alone on a page. */}
        <View style={styles.section} wrap={data.byCollege.length > 12}>
          <SectionTitle>Adhérents par collège</SectionTitle>
          {data.byCollege.length > 0 ? (
            <>
              <CollegeTable data={data} />
              <Note>
                {'Voix délibérative : les membres du collège votent en assemblée générale, avec le poids ' +
                  'de vote indiqué ; voix consultative : ils sont entendus sans voter.'}
              </Note>
            </>
          ) : (
            <EmptyState>Aucun collège n'est défini.</EmptyState>
          )}
        </View>
        {hasMatrix && !landscape ? <PortraitMatrix data={data} /> : null}
        {!hasMatrix ? (
          <Section title={MATRIX_SECTION_TITLE}>
            <Paragraph>{coverageSentence(data.territory)}</Paragraph>
            <EmptyState>Aucun adhérent à répartir par commune.</EmptyState>
          </Section>
        ) : null}
      </ReportPage>

      {matrixPages.map((slices, pageIndex) => (
        <WidePage
          key={pageIndex}
          orientation="landscape"
          {...frame}
          {...(pageIndex === 0 ? { bookmark: MATRIX_SECTION_TITLE } : {})}
        >
          {pageIndex === 0 ? (
            <>
              <View style={styles.introTitleBox}>
                <Text style={styles.introTitle}>{MATRIX_SECTION_TITLE}</Text>
              </View>
              <TextLines lines={intro.coverage} style={styles.introLine} />
              <View style={styles.introNoteBox}>
                <TextLines lines={intro.note} style={styles.introNote} />
              </View>
            </>
          ) : null}
          {slices.map((slice, index) => (
            <View key={index} style={{ width: slice.part.width }}>
              {slice.heading.length > 0 ? (
                <View style={slice.spaced ? styles.partHeadingBoxSpaced : styles.partHeadingBox}>
                  <TextLines lines={slice.heading} style={styles.partHeading} />
                </View>
              ) : null}
              <GridTable
                grid={slice.part.grid}
                rows={slice.rows}
                startIndex={slice.startIndex}
                painted
                {...(slice.last ? { totalRow: slice.part.total } : {})}
              />
            </View>
          ))}
        </WidePage>
      ))}
    </ReportDocument>
  );
}
