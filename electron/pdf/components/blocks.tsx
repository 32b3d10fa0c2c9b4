import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { NO_DATE, NOT_PROVIDED } from '../text';
import { colors, contentWidth, fontSizes, textSize, weights } from './theme';
import { breakLongWords, maxCharsFor } from '../layout';

const styles = StyleSheet.create({
  titleBlock: { marginBottom: 14 },
  title: { ...textSize(fontSizes.title, 1.2), fontWeight: weights.bold, color: colors.accent },
  subtitle: { ...textSize(fontSizes.lead + 1.5), fontWeight: weights.semibold, marginTop: 4 },
  titleMeta: { ...textSize(fontSizes.body - 0.5), color: colors.muted, marginTop: 4 },

  section: { marginBottom: 16 },
  sectionTitle: {
    fontSize: fontSizes.section,
    fontWeight: weights.bold,
    color: colors.accent,
    marginBottom: 8,
  },
  subsectionTitle: {
    fontSize: fontSizes.lead,
    fontWeight: weights.semibold,
    color: colors.text,
    marginTop: 12,
    marginBottom: 6,
  },

  kvRow: {
    flexDirection: 'row',
    paddingVertical: 3,
    borderBottomWidth: 0.5,
    borderBottomColor: colors.rule,
  },
  kvFirst: { borderTopWidth: 0.5, borderTopColor: colors.rule },
  kvLabel: { ...textSize(fontSizes.body), width: '34%', paddingRight: 10, color: colors.muted },
  kvValue: { ...textSize(fontSizes.body), width: '66%' },
  kvValueBox: { width: '66%' },
  kvLine: textSize(fontSizes.body),
  missing: { color: colors.faint },

  highlight: {
    backgroundColor: colors.accentSoft,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    paddingVertical: 7,
    paddingHorizontal: 10,
    marginBottom: 10,
  },
  highlightLabel: { fontSize: fontSizes.small, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.6 },
  highlightValue: { fontSize: fontSizes.lead + 1.5, fontWeight: weights.bold, color: colors.accent, marginTop: 2 },

  figures: { flexDirection: 'row', marginBottom: 10 },
  figure: {
    flexGrow: 1,
    flexBasis: 0,
    borderWidth: 0.5,
    borderColor: colors.rule,
    borderTopWidth: 2.5,
    borderTopColor: colors.accent,
    paddingVertical: 7,
    paddingHorizontal: 9,
  },
  figureGap: { marginLeft: 8 },
  figureLabel: { fontSize: fontSizes.small, color: colors.muted, textTransform: 'uppercase', letterSpacing: 0.6 },
  figureValue: { fontSize: 15, fontWeight: weights.bold, color: colors.accent, marginTop: 2 },
  figureDetail: { fontSize: fontSizes.small + 0.5, color: colors.muted, marginTop: 1 },

  paragraph: { ...textSize(fontSizes.body), marginBottom: 8 },
  note: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginTop: 6 },
  empty: {
    backgroundColor: colors.zebra,
    borderLeftWidth: 2,
    borderLeftColor: colors.rule,
    paddingVertical: 8,
    paddingHorizontal: 10,
    color: colors.muted,
  },
  emptyText: textSize(fontSizes.body),

  milestone: { flexDirection: 'row', alignItems: 'center', paddingVertical: 2.5 },
  dot: { width: 7, height: 7, borderRadius: 3.5, marginRight: 9, borderWidth: 1, borderColor: colors.accent },
  dotDone: { backgroundColor: colors.accent },
  dotPending: { backgroundColor: '#ffffff', borderColor: colors.faint },
  milestoneLabel: { ...textSize(fontSizes.body), flexGrow: 1, flexShrink: 1, paddingRight: 10 },
  milestoneLabelPending: { color: colors.muted },
  milestoneDate: { ...textSize(fontSizes.body), width: 130, textAlign: 'right' },
  milestoneDatePending: { color: colors.faint },
});

const KV_VALUE_MAX_CHARS = maxCharsFor(contentWidth * 0.66, fontSizes.body);

/** The title block at the top of the first page. */
export function DocumentTitle({ title, subtitle, meta }: { title: string; subtitle?: string; meta?: string }) {
  return (
    <View style={styles.titleBlock}>
      <Text style={styles.title}>{title}</Text>
      {subtitle ? <Text style={styles.subtitle}>{subtitle}</Text> : null}
      {meta ? <Text style={styles.titleMeta}>{meta}</Text> : null}
    </View>
  );
}

/** A section: its title is kept with the start of its content (no orphan title at the foot of a page). */
export function Section({
  title,
  children,
  breakBefore,
}: {
  title: string;
  children?: ReactNode;
  breakBefore?: boolean;
}) {
  return (
    <View style={styles.section} {...(breakBefore ? { break: true } : {})}>
      <SectionTitle>{title}</SectionTitle>
      {children}
    </View>
  );
}

export function SectionTitle({ children }: { children: string }) {
  return (
    <Text style={styles.sectionTitle} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

export function SubsectionTitle({ children }: { children: string }) {
  return (
    <Text style={styles.subsectionTitle} minPresenceAhead={50}>
      {children}
    </Text>
  );
}

export interface KeyValueItem {
  label: string;
  /** null shows « Non renseigné »; an array is shown one line per item (e.g. an address). */
  value: string | readonly string[] | null;
}

/** « Label : value » rows; a missing value reads « Non renseigné » in grey. */
export function KeyValueList({ items }: { items: readonly KeyValueItem[] }) {
  return (
    <View>
      {items.map((item, index) => {
        const lines = item.value === null ? [] : typeof item.value === 'string' ? [item.value] : item.value;
        const present = lines
          .filter((line) => line.trim() !== '')
          .flatMap((line) => breakLongWords(line, KV_VALUE_MAX_CHARS) ?? [line]);
        return (
          <View
            key={`${item.label}-${index}`}
            style={index === 0 ? [styles.kvRow, styles.kvFirst] : styles.kvRow}
            wrap={false}
          >
            <Text style={styles.kvLabel}>{item.label}</Text>
            {present.length === 0 ? (
              <Text style={[styles.kvValue, styles.missing]}>{NOT_PROVIDED}</Text>
            ) : (
              // One Text per line: a '\n' inside a Text makes react-pdf reference (unembedded) Helvetica.
              <View style={styles.kvValueBox}>
                {present.map((line, lineIndex) => (
                  <Text key={lineIndex} style={styles.kvLine}>
                    {line}
                  </Text>
                ))}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}

/** A prominent boxed value, e.g. the current stage of the project. */
export function Highlight({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.highlight} wrap={false}>
      <Text style={styles.highlightLabel}>{label}</Text>
      <Text style={styles.highlightValue}>{value}</Text>
    </View>
  );
}

export interface KeyFigure {
  label: string;
  value: string;
  detail?: string;
}

/** A row of key figures (count, population, size class…). */
export function KeyFigures({ items }: { items: readonly KeyFigure[] }) {
  return (
    <View style={styles.figures} wrap={false}>
      {items.map((item, index) => (
        <View key={item.label} style={index === 0 ? styles.figure : [styles.figure, styles.figureGap]}>
          <Text style={styles.figureLabel}>{item.label}</Text>
          <Text style={styles.figureValue}>{item.value}</Text>
          {item.detail ? <Text style={styles.figureDetail}>{item.detail}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export interface Milestone {
  label: string;
  /** Already formatted date, or null when the step is not reached (shown « — »). */
  date: string | null;
}

/** Ordered steps with a marker: filled when reached, hollow otherwise. */
export function MilestoneList({ items }: { items: readonly Milestone[] }) {
  return (
    <View>
      {items.map((item, index) => {
        const done = item.date !== null;
        return (
          <View key={`${item.label}-${index}`} style={styles.milestone} wrap={false}>
            <View style={done ? [styles.dot, styles.dotDone] : [styles.dot, styles.dotPending]} />
            <Text style={done ? styles.milestoneLabel : [styles.milestoneLabel, styles.milestoneLabelPending]}>
              {item.label}
            </Text>
            <Text style={done ? styles.milestoneDate : [styles.milestoneDate, styles.milestoneDatePending]}>
              {item.date ?? NO_DATE}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

export function Paragraph({ children }: { children: string }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

/** Small grey note, e.g. the source of reference data. */
export function Note({ children }: { children: string }) {
  return <Text style={styles.note}>{children}</Text>;
}

/** A framed sentence standing in for content that does not exist yet. */
export function EmptyState({ children }: { children: string }) {
  return (
    <View style={styles.empty} wrap={false}>
      <Text style={styles.emptyText}>{children}</Text>
    </View>
  );
}
