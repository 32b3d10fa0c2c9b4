/**
 * French typography: the non-breaking spaces that keep numbers, units and punctuation with their neighbours.
 * Every French text the app generates (screens, PDFs, documents) takes its spaces from here.
 */

/** Non-breaking space: French thousands separator and the space before « : ; ! ? » (safe in every font we ship). */
export const NBSP = '\u00a0';
/** Narrow non-breaking space: what `Intl` puts between digit groups in fr-FR (not in every font we ship). */
export const NARROW_NBSP = '\u202f';

/** Both kinds of non-breaking space become NBSP, so a text holds one kind of space everywhere. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, NBSP);
}

/** Keeps "40 000" on one line: a plain space between digit groups becomes a non-breaking one. */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}\b)/g, `$1${NBSP}`);
}

/**
 * French typographic non-breaking spaces for generated sentences: digit groups ("40 000") and a short number
 * after its word ("taille 2", "avenant 2") stay on one line.
 */
export function nonBreaking(text: string): string {
  return keepNumbersTogether(text).replace(/ (\d{1,2})(?=[\s).,;:]|$)/g, `${NBSP}$1`);
}

/**
 * French spacing for a sentence or a line of free text: non-breaking spaces in numbers (nonBreaking), before
 * « € », « % », « : », « ; », « ! », « ? », « » » and after « « », so none of them starts a line.
 */
export function frenchSpacing(text: string): string {
  return nonBreaking(text)
    .replace(/ ([€%:;!?»])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`);
}
