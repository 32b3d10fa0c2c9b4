import { exportDateTime } from '@shared/format';

/** Placeholder shown for a missing value. */
export const NOT_PROVIDED = 'Non renseigné';
/** Placeholder shown for a date not reached yet. */
export const NO_DATE = '—';

/** The footer's left part: « Fiche d'identité de la CPTS — exporté le 23 novembre 2026 à 14 h 05 ». */
export function footerLabel(reportTitle: string, generatedAt: string): string {
  const when = exportDateTime(generatedAt);
  return when ? `${reportTitle} — exporté le ${when}` : reportTitle;
}

/**
 * Paragraphs of a free text: blank lines separate paragraphs, each remaining line is kept as its own line
 * (one <Text> each: a '\n' inside a Text makes react-pdf fall back to Helvetica).
 */
export function paragraphsOf(text: string | null | undefined): string[][] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\t/g, ' ').replace(/\s+$/, ''))
        .filter((line) => line.trim() !== ''),
    )
    .filter((lines) => lines.length > 0);
}
