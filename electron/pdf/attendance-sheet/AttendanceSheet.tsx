import { Text, View } from '@react-pdf/renderer';
import type { AttendanceSheetData } from '@shared/reports/ag';
import { dateLong, formatInteger, formatVoix } from '@shared/format';
import { type KeyFigure, KeyFigures } from '../components';
import { ReportDocument, TextLines, WidePage } from '../layout';
import { footerLabel } from '../text';
import { SheetTableView } from './SheetTable';
import { type AttendanceSheetPlan, type Intro, planAttendanceSheet, type Slice } from './plan';
import { ORIENTATION, SIGNATORIES, SIGNATURE_HINT, styles, type TextBlock } from './styles';
import { ATTENDANCE_SHEET_TITLE, closingLine, NON_VOTERS_TITLE, runningTitle } from './texts';

export {
  ATTENDANCE_SHEET_TITLE,
  closingLine,
  collegeHeading,
  NON_VOTERS_TITLE,
  nonVotersHeading,
  RECAP_TITLE,
  representedLabel,
  sessionLine,
  VOTERS_TITLE,
} from './texts';
export {
  type CellTone,
  type SheetCell,
  type SheetColumn,
  type SheetRow,
  SheetTable,
  type SheetTableOptions,
  SheetTableView,
} from './SheetTable';
export { nonVoterColumns, voterColumns } from './columns';
export { type AttendanceSheetPlan, planAttendanceSheet, type Slice } from './plan';

function Blocks({ blocks }: { blocks: readonly TextBlock[] }) {
  return (
    <>
      {blocks.map((b, index) => (
        <View key={index} style={b.marginTop ? { marginTop: b.marginTop } : {}}>
          <TextLines lines={b.lines} style={b.style} />
        </View>
      ))}
    </>
  );
}

function IntroBlock({ intro }: { intro: Intro }) {
  return (
    <>
      {intro.association.length > 0 ? (
        <View style={styles.association}>
          <Blocks blocks={intro.association} />
        </View>
      ) : null}
      <Blocks blocks={intro.head} />
      <View style={styles.notice} wrap={false}>
        <Blocks blocks={intro.notice} />
      </View>
      <View style={styles.sectionBox}>
        <TextLines lines={intro.votersTitle} style={styles.section} />
      </View>
    </>
  );
}

function totalFigures(data: AttendanceSheetData): KeyFigure[] {
  const { totals } = data;
  const figures: KeyFigure[] = [
    { label: 'Membres votants inscrits', value: formatInteger(totals.voters) },
    { label: 'Pouvoirs enregistrés', value: formatInteger(totals.proxies) },
  ];
  if (totals.weighted) figures.push({ label: 'Total des voix', value: formatVoix(totals.totalWeight) });
  figures.push({ label: NON_VOTERS_TITLE, value: formatInteger(data.nonVoters.length) });
  return figures;
}

function Closing({ data }: { data: AttendanceSheetData }) {
  return (
    <View wrap={false}>
      <KeyFigures items={totalFigures(data)} />
      <View style={styles.closingLineBox}>
        <Text style={styles.closingLine}>{closingLine(data.totals.weighted)}</Text>
      </View>
      <View style={styles.signatures}>
        {SIGNATORIES.map((label) => (
          <View key={label} style={styles.signature}>
            <Text style={styles.signatureLabel}>{label}</Text>
            <View style={styles.signatureLine}>
              <Text style={styles.signatureHint}>{SIGNATURE_HINT}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function SliceView({ slice, plan, data }: { slice: Slice; plan: AttendanceSheetPlan; data: AttendanceSheetData }) {
  const section = slice.level === 'section';
  const headingBox = section
    ? slice.spaced
      ? styles.sectionBoxSpaced
      : styles.sectionBox
    : slice.spaced
      ? styles.groupBoxSpaced
      : styles.groupBox;
  return (
    <View>
      {slice.heading.length > 0 ? (
        <View style={headingBox} {...(slice.bookmark ? { bookmark: slice.bookmark } : {})}>
          <TextLines lines={slice.heading} style={section ? styles.section : styles.group} />
        </View>
      ) : null}
      {slice.empty ? (
        <View style={styles.emptyBox}>
          <Text style={styles.empty}>{slice.empty}</Text>
        </View>
      ) : slice.kind === 'voters' ? (
        <SheetTableView table={plan.voterTable} rows={slice.rows} />
      ) : slice.kind === 'nonVoters' ? (
        <SheetTableView table={plan.nonVoterTable} rows={slice.rows} />
      ) : (
        <Closing data={data} />
      )}
    </View>
  );
}

/**
 * « Feuille d'émargement » of a general assembly: the voting members by collège with their pouvoirs and a
 * signature column, the participants without a deliberative vote apart, then the totals, the line closing the
 * attendance by hand and the signatures of the président and secrétaire de séance.
 */
export function AttendanceSheet({ data }: { data: AttendanceSheetData }) {
  const plan = planAttendanceSheet(data);
  const day = dateLong(data.meeting.date);
  const frame = {
    orientation: ORIENTATION,
    cptsName: data.association.name,
    reportTitle: runningTitle(data.meeting),
    footer: footerLabel(ATTENDANCE_SHEET_TITLE, data.generatedAt),
  } as const;

  return (
    <ReportDocument
      title={`${ATTENDANCE_SHEET_TITLE} — ${data.meeting.organLabel}${day ? ` du ${day}` : ''}`}
      author={data.association.name}
      subject={ATTENDANCE_SHEET_TITLE}
    >
      {plan.pages.map((page, pageIndex) => (
        <WidePage key={pageIndex} {...frame} {...(pageIndex === 0 ? { bookmark: ATTENDANCE_SHEET_TITLE } : {})}>
          {page.intro ? <IntroBlock intro={plan.intro} /> : null}
          {page.slices.map((slice, index) => (
            <SliceView key={index} slice={slice} plan={plan} data={data} />
          ))}
        </WidePage>
      ))}
    </ReportDocument>
  );
}
