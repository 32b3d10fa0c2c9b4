/** What the vote forms hold: the four figures as typed, and how a figure typed is read. */
import type { AgResolutionRow, AgState } from '@shared/contract';

export type VoteKey = 'pour' | 'contre' | 'abstention' | 'blanc';
export type Draft = Record<VoteKey, string>;

export const FIELDS: { key: VoteKey; label: string; required: boolean }[] = [
  { key: 'pour', label: 'Pour', required: true },
  { key: 'contre', label: 'Contre', required: true },
  { key: 'abstention', label: 'Abstentions', required: false },
  { key: 'blanc', label: 'Blancs ou nuls', required: false },
];

export const EMPTY: Draft = { pour: '', contre: '', abstention: '', blanc: '' };

/** « 12 », « 2,5 » → number; '' → null; anything else → NaN. */
export function parseCount(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (clean === '') return null;
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

/** The head counts per collège of a weighted vote, by `collegeKey`. */
export type HeadDraft = Record<string, Draft>;

export const collegeKey = (collegeId: number | null) => String(collegeId ?? 'aucun');

/** « 12 » → 12; '' → 0; anything else (decimals, letters) → NaN: head counts are whole members. */
export function parseHeads(text: string): number {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '');
  if (clean === '') return 0;
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

export interface FormProps {
  state: AgState;
  resolution: AgResolutionRow;
  title: string;
  initial: Draft;
  /** After « Corriger le vote »: the focus goes to the first figure. */
  focusFirst: boolean;
}
