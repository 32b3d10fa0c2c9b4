import { Link, StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import { colors, fontSizes, weights } from '../components/theme';

/**
 * A table of contents with real page numbers, in one render.
 *
 * react-pdf calls the `render` prop of a node each time it cuts the page that node is on, with that page's number,
 * and once more at the very end (with `totalPages`), page after page. A heading drawn by <TocHeading> notes its
 * page through its `render` prop while pages are being cut: the last note is the page it lands on. The page
 * numbers of <Toc> are `render` props too, so they are drawn in the final pass, once every heading has landed,
 * although the contents come before the headings they list.
 *
 * What <Toc> draws during the cuts never changes its height (the number sits in a column of fixed width), so the
 * final numbers do not move anything. Each heading is also a PDF bookmark (outline) and a link target.
 */

/** The pages the headings of one document landed on. Create one per render. */
export class TocPages {
  private readonly pages = new Map<string, number>();

  mark(id: string, pageNumber: number): void {
    this.pages.set(id, pageNumber);
  }

  pageOf(id: string): number | null {
    return this.pages.get(id) ?? null;
  }
}

export interface TocEntry {
  /** Identifier of the heading (also the link destination). */
  id: string;
  title: string;
  /** 1 for a section, 2 for a subsection (indented). */
  level?: 1 | 2;
}

type Style = Styles[string];

/** Width of the page number column, in points: « 999 » at the body size, never wrapping. */
const PAGE_COLUMN = 28;

// No lineHeight on the page number (see TocHeading), hence none on the title either: both sit on the same
// default line box, so that they share their baseline.
const styles = StyleSheet.create({
  toc: { marginBottom: 12 },
  row: { flexDirection: 'row', alignItems: 'flex-end', paddingVertical: 3 },
  rowTop: { marginTop: 3 },
  title: { fontSize: fontSizes.body + 0.5, maxWidth: '86%', flexShrink: 1, color: colors.text },
  titleTop: { fontWeight: weights.semibold },
  titleSub: { paddingLeft: 16, color: colors.muted },
  leader: {
    flexGrow: 1,
    marginHorizontal: 4,
    marginBottom: 3,
    borderBottomWidth: 0.6,
    borderBottomColor: colors.rule,
    borderBottomStyle: 'dotted',
  },
  page: { fontSize: fontSizes.body + 0.5, width: PAGE_COLUMN, textAlign: 'right', color: colors.accent },
  link: { textDecoration: 'none' },
});

/**
 * A heading whose page ends up in the table of contents: one <Text> that notes its page as react-pdf lays it out.
 * Give it the style of the document's titles; `minPresenceAhead` keeps it with what follows.
 */
export function TocHeading({
  pages,
  id,
  title,
  style,
  bookmark = true,
  minPresenceAhead = 60,
}: {
  pages: TocPages;
  id: string;
  title: string;
  style: Style | Style[];
  /** Also an entry of the PDF's outline (bookmarks pane). */
  bookmark?: boolean;
  minPresenceAhead?: number;
}) {
  // The render prop sits on a View: a lineHeight on a <Text render> (or on any of its ancestors) makes react-pdf
  // 4.9 draw nothing (issues #3402, #3566), and titles do set their lineHeight. Never cut: a heading cut at the
  // foot of a page would leave its (empty) first part, bookmark included, on that page.
  return (
    <View
      id={id}
      wrap={false}
      minPresenceAhead={minPresenceAhead}
      {...(bookmark ? { bookmark: { title, fit: true } } : {})}
      render={({ pageNumber }) => {
        pages.mark(id, pageNumber);
        return <Text style={style}>{title}</Text>;
      }}
    />
  );
}

/**
 * The table of contents: one line per entry, its title linking to the heading and its page number on the right.
 * A line never breaks across pages.
 */
export function Toc({ pages, entries }: { pages: TocPages; entries: readonly TocEntry[] }) {
  return (
    <View style={styles.toc}>
      {entries.map((entry, index) => {
        const sub = entry.level === 2;
        const titleStyle: Style[] = [styles.title, sub ? styles.titleSub : styles.titleTop];
        return (
          <View key={entry.id} style={!sub && index > 0 ? [styles.row, styles.rowTop] : styles.row} wrap={false}>
            <Link src={`#${entry.id}`} style={[styles.link, ...titleStyle]}>
              {entry.title}
            </Link>
            <View style={styles.leader} />
            <Text style={styles.page} render={() => String(pages.pageOf(entry.id) ?? '')} />
          </View>
        );
      })}
    </View>
  );
}
