import type { ReactNode } from 'react';
import { Image, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReportImage, SectionTexts } from '@shared/reports/activity-report';
import { KeyFigures, type KeyFigure as FigureItem, SubsectionTitle } from '../components';
import { FreeText } from '../components/free-text';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import { imageSource, maxCharsFor, TocHeading, type TocPages, wrapToWidth } from '../layout';

/** Pieces every section of the rapport d’activité uses: its title, the coordinator’s texts, figures and photos. */

export const TEXT_MAX_CHARS = maxCharsFor(contentWidth, fontSizes.body);

const HEADING = { size: fontSizes.title - 3, ratio: 1.25, paddingBottom: 5, rule: 0.8, marginBottom: 12 };

/** Height of a section's title (see SectionHeading), for the pages cut ahead of react-pdf. */
export function sectionHeadingHeight(title: string): number {
  const lines = wrapToWidth(title, contentWidth, HEADING.size, 'bold').length;
  return lines * HEADING.size * HEADING.ratio + HEADING.paddingBottom + HEADING.rule + HEADING.marginBottom;
}

const styles = StyleSheet.create({
  sectionTitle: {
    ...textSize(HEADING.size, HEADING.ratio),
    fontWeight: weights.bold,
    color: colors.accent,
    paddingBottom: HEADING.paddingBottom,
    marginBottom: HEADING.marginBottom,
    borderBottomWidth: HEADING.rule,
    borderBottomColor: colors.rule,
  },
  text: { marginBottom: 10 },
  label: { ...textSize(fontSizes.body), fontWeight: weights.semibold, color: colors.accent, marginBottom: 3 },
  figureRows: { marginBottom: 4 },
  photo: { marginTop: 6, marginBottom: 10, alignItems: 'center' },
  caption: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 3, textAlign: 'center' },
  block: { marginBottom: 10 },
});

/** A section’s numbered title: an entry of the contents and of the PDF’s bookmarks. */
export function SectionHeading({ pages, id, title }: { pages: TocPages; id: string; title: string }) {
  return <TocHeading pages={pages} id={id} title={title} style={styles.sectionTitle} minPresenceAhead={80} />;
}

/** A free text of the coordinator, kept with its (optional) label. */
export function CoordinatorText({ label, text }: { label?: string; text: string | null }) {
  if (!text || text.trim() === '') return null;
  return (
    <View style={styles.text}>
      {label ? <SubsectionTitle>{label}</SubsectionTitle> : null}
      <FreeText text={text} maxChars={TEXT_MAX_CHARS} />
    </View>
  );
}

/** Key figures three by three. */
export function FigureGrid({ items }: { items: readonly FigureItem[] }) {
  const rows: FigureItem[][] = [];
  for (let index = 0; index < items.length; index += 3) rows.push(items.slice(index, index + 3));
  return (
    <View style={styles.figureRows}>
      {rows.map((row, index) => (
        <KeyFigures key={index} items={row} />
      ))}
    </View>
  );
}

/** Largest width of a photo on the page, and its largest height (a portrait photo stays readable). */
const PHOTO_MAX_WIDTH = contentWidth * 0.75;
const PHOTO_MAX_HEIGHT = 220;

/** A photo at its aspect ratio, never cut, its caption under it. */
export function Photo({ image, caption }: { image: ReportImage; caption: string | null }) {
  const ratio = image.height > 0 ? image.width / image.height : 1;
  let width = PHOTO_MAX_WIDTH;
  let height = width / ratio;
  if (height > PHOTO_MAX_HEIGHT) {
    height = PHOTO_MAX_HEIGHT;
    width = height * ratio;
  }
  return (
    <View style={styles.photo} wrap={false}>
      <Image src={imageSource(image)} style={{ width, height }} />
      {caption ? <Text style={styles.caption}>{caption}</Text> : null}
    </View>
  );
}

export function Photos({ photos }: { photos: SectionTexts['photos'] }) {
  return (
    <>
      {photos.map((photo, index) => (
        <Photo key={index} image={photo.image} caption={photo.caption} />
      ))}
    </>
  );
}

/** Up to this many rows a table stays whole with its title on one page (see Block). */
export const KEEP_TOGETHER_ROWS = 5;

/**
 * A block with a subsection title that stays with its first lines; `rows` (of the table it holds) up to
 * KEEP_TOGETHER_ROWS keep the whole block on one page, so that a title and a header row never end a page alone.
 */
export function Block({ title, rows, children }: { title: string; rows?: number; children: ReactNode }) {
  const whole = rows !== undefined && rows <= KEEP_TOGETHER_ROWS;
  return (
    <View style={styles.block} wrap={!whole}>
      <SubsectionTitle>{title}</SubsectionTitle>
      {children}
    </View>
  );
}

/** A small accent label above a list (« Fiches portées par la CPTS »). */
export function Label({ children }: { children: string }) {
  return (
    <Text style={styles.label} minPresenceAhead={30}>
      {children}
    </Text>
  );
}
