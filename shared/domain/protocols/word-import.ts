/**
 * A protocol written in Word, brought in as a draft: the HTML that mammoth makes of the .docx is cut into blocks, and
 * the blocks under a heading that names a HAS section (« Objectifs », « Critères d’inclusion », « Points critiques »…)
 * go into that field. Steps written « Profession : action » become steps; anything else is kept in « situation »
 * under its heading, so nothing of the text is lost.
 */
import { matchProfession } from '../import-mapping/professions';

/** The text fields of a version that the import can fill. */
export type WordSectionField =
  | 'situation'
  | 'need'
  | 'population'
  | 'inclusionCriteria'
  | 'exclusionCriteria'
  | 'objectives'
  | 'criticalPoints'
  | 'traceability'
  | 'referencesText'
  | 'evaluation'
  | 'derogatoryActs';

type SectionTarget = WordSectionField | 'steps';

/** Headings (accent-free, lower-case, as they start) → field. More specific ones first. */
const SECTION_HEADINGS: readonly [string, SectionTarget][] = [
  ['criteres d inclusion', 'inclusionCriteria'],
  ['critere d inclusion', 'inclusionCriteria'],
  ['criteres d exclusion', 'exclusionCriteria'],
  ['critere d exclusion', 'exclusionCriteria'],
  ['contre indications', 'exclusionCriteria'],
  ['population', 'population'],
  ['patients concernes', 'population'],
  ['patientele', 'population'],
  ['public cible', 'population'],
  ['objectif', 'objectives'],
  ['points critiques', 'criticalPoints'],
  ['point critique', 'criticalPoints'],
  ['points de vigilance', 'criticalPoints'],
  ['tracabilite', 'traceability'],
  ['modalites de communication', 'traceability'],
  ['communication', 'traceability'],
  ['references', 'referencesText'],
  ['reference', 'referencesText'],
  ['bibliographie', 'referencesText'],
  ['recommandations', 'referencesText'],
  ['evaluation', 'evaluation'],
  ['indicateurs', 'evaluation'],
  ['actes derogatoires', 'derogatoryActs'],
  ['actes delegues', 'derogatoryActs'],
  ['derogations', 'derogatoryActs'],
  ['besoin', 'need'],
  ['justification', 'need'],
  ['pourquoi', 'need'],
  ['situation', 'situation'],
  ['contexte', 'situation'],
  ['probleme', 'situation'],
  ['etapes', 'steps'],
  ['etape', 'steps'],
  ['logigramme', 'steps'],
  ['deroulement', 'steps'],
  ['arbre decisionnel', 'steps'],
];

export interface WordBlock {
  text: string;
  heading: boolean;
}

export interface WordProtocol {
  /** The first heading that names no section (the document's title), or null. */
  title: string | null;
  sections: Partial<Record<WordSectionField, string>>;
  steps: { professionCode: string; action: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Mammoth's HTML → paragraphs, headings, list items and table rows, in order, blank ones dropped. */
export function htmlBlocks(html: string): WordBlock[] {
  const HEADING = '\u0001';
  const text = html
    // A table cell's paragraphs stay on the row's line.
    .replace(
      /<t([dh])[^>]*>([\s\S]*?)<\/t\1>/gi,
      (_whole, kind: string, inner: string) => `<t${kind}>${inner.replace(/<\/?p[^>]*>/gi, ' ')}</t${kind}>`,
    )
    .replace(/<h[1-6][^>]*>/gi, `\n${HEADING}`)
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<\/(?:p|h[1-6]|li|tr|table|ul|ol)>|<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>(?=\s*<t[dh])/gi, ' | ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => {
      const heading = line.includes(HEADING);
      return {
        heading,
        text: line
          .replace(HEADING, '')
          .replace(/[ \t\u00a0]+/g, ' ')
          .trim(),
      };
    })
    .filter((block) => block.text && block.text !== '•');
}

/** « 2.1. Critères d’inclusion : » → « criteres d inclusion ». */
function headingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^[\s•]*((\d+|[ivx]+|[a-h])[.)°-]\s*)*(\d+(\.\d+)*\s*)?/, '')
    .replace(/['’\-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionOf(text: string): SectionTarget | null {
  const key = headingKey(text);
  for (const [start, target] of SECTION_HEADINGS)
    if (key === start || key.startsWith(`${start} `) || key.startsWith(`${start}s`) || key.startsWith(`${start}:`))
      return target;
  return null;
}

/**
 * A block that opens a section: a Word heading naming one, or a short line naming one (bold text used as a heading),
 * possibly followed by its content on the same line (« Objectifs : réduire… »).
 */
function sectionStart(block: WordBlock): { target: SectionTarget; rest: string } | null {
  const colon = block.text.indexOf(':');
  const label = colon > 0 ? block.text.slice(0, colon) : block.text;
  const target = sectionOf(label);
  if (!target) return null;
  if (block.heading) return { target, rest: '' };
  if (colon > 0 && label.length <= 50) return { target, rest: block.text.slice(colon + 1).trim() };
  return label.length <= 50 ? { target, rest: '' } : null;
}

/** « Pharmacien : réalise le TROD » or a table row « Pharmacien | réalise le TROD » → a step. */
function stepOf(line: string): { professionCode: string; action: string } | null {
  const match = line.replace(/^•\s*/, '').match(/^([^:|–—]{2,60})\s*[:|–—]\s*(.+)$/);
  if (!match) return null;
  const profession = matchProfession(match[1]!.replace(/^\d+[.)]\s*/, ''));
  const action = match[2]!.trim();
  return profession && action.length >= 2 ? { professionCode: profession.code, action } : null;
}

/** Splits the blocks of a Word protocol into the HAS sections of a version. */
export function splitWordProtocol(blocks: readonly WordBlock[]): WordProtocol {
  let title: string | null = null;
  const parts = new Map<WordSectionField, string[]>();
  const steps: WordProtocol['steps'] = [];
  const push = (field: WordSectionField, line: string) => {
    const list = parts.get(field) ?? [];
    list.push(line);
    parts.set(field, list);
  };
  let current: SectionTarget = 'situation';
  for (const block of blocks) {
    const start = sectionStart(block);
    if (start) {
      current = start.target;
      if (current === 'steps') {
        if (start.rest) {
          const step = stepOf(start.rest);
          if (step) steps.push(step);
          else push('situation', `Étapes : ${start.rest}`);
        }
      } else if (start.rest) push(current, start.rest);
      continue;
    }
    if (block.heading && title === null && !parts.size && !steps.length) {
      title = block.text;
      continue;
    }
    if (block.heading && current !== 'situation') {
      // A heading that names no section ends the previous one: its text is kept with its heading.
      current = 'situation';
    }
    if (current === 'steps') {
      const step = stepOf(block.text);
      if (step) steps.push(step);
      else push('situation', block.text);
      continue;
    }
    push(current, block.text);
  }
  const sections: WordProtocol['sections'] = {};
  for (const [field, lines] of parts) sections[field] = lines.join('\n');
  return { title, sections, steps };
}
