/** The feuille d'émargement cut into pages ahead of react-pdf: intro, signature tables by collège, closing. */
import type { AttendanceSheetData } from '@shared/reports/ag';
import { formatInteger, keepNumbersTogether } from '@shared/format';
import { fontSizes } from '../components/theme';
import { pageContentHeight, PageFlow, wrapToWidth } from '../layout';
import { type SheetRow, SheetTable } from './SheetTable';
import { nonVoterColumns, voterColumns } from './columns';
import {
  block,
  blockHeight,
  CLOSING_LINE_TOP,
  CONTENT_WIDTH,
  EMPTY_COLLEGE,
  EMPTY_GAP,
  EMPTY_LINE,
  FIGURES_HEIGHT,
  GROUP,
  NO_NON_VOTERS,
  NO_VOTERS,
  NOTICE,
  ORIENTATION,
  SAFETY_MARGIN,
  SECTION,
  SIGNATURE_ROW_HEIGHT,
  SIGNATURE_SPACE,
  SIGNATURES_TOP,
  SPEC,
  TABLE_FONT_SIZE,
  type TextBlock,
} from './styles';
import {
  ATTENDANCE_SHEET_TITLE,
  collegeHeading,
  COTISATION_NOTE,
  INSTRUCTIONS,
  NON_VOTERS_TITLE,
  type NonVoter,
  nonVotersHeading,
  type NumberedVoter,
  RECAP_TITLE,
  runningTitle,
  sessionLine,
  VOTERS_TITLE,
} from './texts';

export interface Intro {
  association: TextBlock[];
  head: TextBlock[];
  notice: TextBlock[];
  votersTitle: string[];
  height: number;
}

function introOf(data: AttendanceSheetData): Intro {
  const { association, meeting } = data;
  const width = CONTENT_WIDTH;
  const associationBlocks = [
    block(association.name, SPEC.association, width),
    block(association.legalLine, SPEC.legal, width),
    ...(association.address ? [block(association.address, SPEC.legal, width)] : []),
  ].filter((b) => b.lines.some((line) => line.trim() !== ''));

  const head = [block(ATTENDANCE_SHEET_TITLE, SPEC.title, width), block(meeting.organLabel, SPEC.organ, width, 4)];
  if (meeting.title.trim() && meeting.title.trim() !== meeting.organLabel.trim()) {
    head.push(block(meeting.title, SPEC.meetingTitle, width, 1));
  }
  head.push(block(sessionLine(meeting), SPEC.detail, width, 6));
  if (meeting.place) head.push(block(`Lieu : ${meeting.place}`, SPEC.detail, width));
  if (meeting.visioUrl) head.push(block(`Visioconférence : ${meeting.visioUrl}`, SPEC.detail, width));

  const noticeWidth = width - NOTICE.border - 2 * NOTICE.paddingX;
  const notice = [
    block(keepNumbersTogether(data.quorumLine), SPEC.quorum, noticeWidth),
    block(INSTRUCTIONS, SPEC.instruction, noticeWidth, NOTICE.gap),
  ];
  const lateFees = data.colleges.some((college) => college.voters.some((voter) => !voter.upToDate));
  if (lateFees) notice.push(block(COTISATION_NOTE, SPEC.warningNote, noticeWidth));

  const votersTitle = wrapToWidth(VOTERS_TITLE, width, SECTION.size, 'bold');
  const sum = (blocks: TextBlock[]) => blocks.reduce((total, b) => total + blockHeight(b), 0);
  const height =
    (associationBlocks.length > 0 ? sum(associationBlocks) + 12 : 0) +
    sum(head) +
    NOTICE.top +
    2 * NOTICE.paddingY +
    sum(notice) +
    NOTICE.bottom +
    votersTitle.length * SECTION.size * SECTION.ratio +
    SECTION.bottom;
  return { association: associationBlocks, head, notice, votersTitle, height };
}

/** What one page holds of a table, or of the closing block. */
export interface Slice {
  kind: 'voters' | 'nonVoters' | 'closing';
  /** Heading lines (« (suite) » included on the following pages). */
  heading: string[];
  /** Section headings (non-voters, closing) are larger than the collège headings. */
  level: 'section' | 'group';
  bookmark?: string;
  rows: SheetRow[];
  /** Whether something precedes the slice on its page (its heading then gets a top margin). */
  spaced: boolean;
  /** Sentence shown instead of an empty table. */
  empty?: string;
}

export interface AttendanceSheetPlan {
  intro: Intro;
  voterTable: SheetTable<NumberedVoter>;
  nonVoterTable: SheetTable<NonVoter>;
  pages: { intro: boolean; slices: Slice[] }[];
}

function closingHeight(): number {
  return (
    FIGURES_HEIGHT +
    CLOSING_LINE_TOP +
    fontSizes.lead * 1.35 +
    SIGNATURES_TOP +
    (fontSizes.body * 1.35 + SIGNATURE_SPACE + 0.5 + 3 + fontSizes.small * 1.35)
  );
}

/**
 * Cuts the sheet into pages ahead of react-pdf (layout/flow.ts): each page gets the collèges, or parts
 * of them, that fit; a collège continued on the next page repeats its heading with « (suite) » and the header
 * row of its table; a heading never stays alone at the foot of a page. Rows are measured, so render time grows
 * linearly with the number of voters.
 */
export function planAttendanceSheet(data: AttendanceSheetData): AttendanceSheetPlan {
  const options = {
    width: CONTENT_WIDTH,
    fontSize: TABLE_FONT_SIZE,
    headerFontSize: 8,
    minRowHeight: SIGNATURE_ROW_HEIGHT,
  };
  const voterTable = new SheetTable(voterColumns(data.totals.weighted), options);
  const nonVoterTable = new SheetTable(nonVoterColumns, options);
  const intro = introOf(data);
  const capacity = pageContentHeight(ORIENTATION, data.association.name, runningTitle(data.meeting)) - SAFETY_MARGIN;
  const flow = new PageFlow<Slice>(capacity, intro.height);
  const headingOf = (level: Slice['level'], text: (continued: boolean) => string) => {
    const spec = level === 'section' ? SECTION : GROUP;
    return {
      lines: (continued: boolean) => wrapToWidth(text(continued), CONTENT_WIDTH, spec.size, 'bold'),
      lineHeight: spec.size * spec.ratio,
      marginTop: spec.top,
      marginBottom: spec.bottom,
    };
  };
  const emptyFrame = EMPTY_LINE + EMPTY_GAP;

  let number = 0;
  for (const college of data.colleges) {
    const voters = college.voters.map((voter) => ({ ...voter, number: (number += 1) }));
    const rows = voters.map((voter) => voterTable.row(voter));
    const count = voters.length;
    flow.add({
      heading: headingOf('group', (continued) => collegeHeading({ ...college, count }, continued)),
      frameHeight: count > 0 ? voterTable.frameHeight : emptyFrame,
      // Rows counted in points rather than in one-line rows: signature rows are tall, and rounding a page down
      // to whole rows would leave a row's height empty at the foot of most pages.
      unit: 1,
      rows,
      slice: ({ rows: sliceRows, startIndex, continued, spaced, heading }) => ({
        kind: 'voters',
        level: 'group',
        heading,
        ...(continued ? {} : { bookmark: `${college.name} (${formatInteger(count)})` }),
        rows: rows.slice(startIndex, startIndex + sliceRows.length),
        spaced,
        ...(count === 0 ? { empty: EMPTY_COLLEGE } : {}),
      }),
    });
  }

  if (data.colleges.length === 0) {
    flow.add({
      heading: null,
      frameHeight: emptyFrame,
      unit: 1,
      rows: [],
      slice: ({ spaced }) => ({ kind: 'voters', level: 'group', heading: [], rows: [], spaced, empty: NO_VOTERS }),
    });
  }

  const nonVoters = data.nonVoters;
  const nonVoterRows = nonVoters.map((participant) => nonVoterTable.row(participant));
  flow.add({
    heading: headingOf('section', (continued) => nonVotersHeading(nonVoters.length, continued)),
    frameHeight: nonVoters.length > 0 ? nonVoterTable.frameHeight : emptyFrame,
    unit: 1,
    rows: nonVoterRows,
    slice: ({ rows: sliceRows, startIndex, continued, spaced, heading }) => ({
      kind: 'nonVoters',
      level: 'section',
      heading,
      ...(continued ? {} : { bookmark: NON_VOTERS_TITLE }),
      rows: nonVoterRows.slice(startIndex, startIndex + sliceRows.length),
      spaced,
      ...(nonVoters.length === 0 ? { empty: NO_NON_VOTERS } : {}),
    }),
  });

  flow.add({
    heading: headingOf('section', () => RECAP_TITLE),
    frameHeight: 0,
    unit: 1,
    rows: [],
    closing: closingHeight(),
    keepTogether: true,
    slice: ({ spaced, heading }) => ({
      kind: 'closing',
      level: 'section',
      heading,
      bookmark: RECAP_TITLE,
      rows: [],
      spaced,
    }),
  });

  const pages = flow.pages.map((slices, index) => ({ intro: index === 0, slices }));
  return { intro, voterTable, nonVoterTable, pages };
}
