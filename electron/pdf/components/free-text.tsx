import { frenchSpacing } from '@shared/format';
import { StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import { colors, fontSizes, textSize } from './theme';
import { breakLongWords } from '../layout';
import { paragraphsOf } from '../text';

/** Free texts and short bulleted lists, as the general-assembly documents (convocation, procès-verbal) print them. */

type Style = Styles[string];

const styles = StyleSheet.create({
  paragraph: { marginBottom: 5 },
  line: textSize(fontSizes.body),
  muted: { ...textSize(fontSizes.body), color: colors.muted },
  bullet: { flexDirection: 'row', marginBottom: 2 },
  bulletMark: { ...textSize(fontSizes.body), width: 12, color: colors.accent },
  // flexBasis 0: without it react-pdf lays the text out at the full row width and the end of a line overflows.
  bulletBody: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
});

/**
 * A free text (resolution, summary of debates): blank lines separate paragraphs, every other line stays its
 * own <Text> (a '\n' inside a Text makes react-pdf fall back to Helvetica), « - » lines become bullets and
 * words longer than a line (URLs) are cut.
 */
export function FreeText({
  text,
  maxChars,
  empty,
  lineStyle,
}: {
  text: string | null;
  maxChars: number;
  empty?: string;
  lineStyle?: Style;
}) {
  const paragraphs = paragraphsOf(text);
  const line = lineStyle ? [styles.line, lineStyle] : styles.line;
  if (paragraphs.length === 0) return empty ? <Text style={styles.muted}>{empty}</Text> : null;
  return (
    <View>
      {paragraphs.map((lines, index) => (
        <View key={index} style={index < paragraphs.length - 1 ? styles.paragraph : undefined}>
          {lines.map((raw, lineIndex) => {
            const bullet = /^\s*[-•*–]\s+(.*)$/.exec(raw);
            const content = frenchSpacing(bullet ? (bullet[1] ?? '') : raw.trim());
            const pieces = breakLongWords(content, maxChars - (bullet ? 3 : 0)) ?? [content];
            const texts = pieces.map((piece, pieceIndex) => (
              <Text key={pieceIndex} style={line}>
                {piece}
              </Text>
            ));
            if (!bullet) return <View key={lineIndex}>{texts}</View>;
            return (
              <View key={lineIndex} style={styles.bullet}>
                <Text style={styles.bulletMark}>•</Text>
                <View style={styles.bulletBody}>{texts}</View>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

/** A short bulleted list (rule reminders), each item kept on one page. */
export function BulletList({
  items,
  maxChars,
  lineStyle,
}: {
  items: readonly string[];
  maxChars: number;
  lineStyle?: Style;
}) {
  const line = lineStyle ? [styles.line, lineStyle] : styles.line;
  return (
    <View>
      {items.map(frenchSpacing).map((item, index) => (
        <View key={index} style={styles.bullet} wrap={false}>
          <Text style={lineStyle ? [styles.bulletMark, lineStyle] : styles.bulletMark}>•</Text>
          <View style={styles.bulletBody}>
            {(breakLongWords(item, maxChars - 3) ?? [item]).map((piece, pieceIndex) => (
              <Text key={pieceIndex} style={line}>
                {piece}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
