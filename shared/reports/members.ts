/** Plain data for the member PDFs. Built by electron/services/reports.ts, rendered by electron/pdf. */

export interface MembersListRowData {
  name: string;
  /** Profession (with the specialty of a médecin) or structure type. */
  profession: string;
  commune: string | null;
  /** Structure d'exercice, or the representative of a structure. */
  structure: string | null;
  phone: string | null;
  email: string | null;
  /** RPPS, ADELI or FINESS, whichever applies; only in the « bureau » list. */
  identifier: string | null;
  college: string | null;
  practiceMode: string | null;
}

export interface MembersListData {
  generatedAt: string;
  cptsName: string;
  /** « bureau »: every active member, full details; « annuaire »: only members who consented, for sharing. */
  audience: 'bureau' | 'annuaire';
  groupBy: 'profession' | 'college';
  /** Sentence shown under the title, e.g. on confidentiality or consent. */
  notice: string;
  totalCount: number;
  /** Active members left out of an « annuaire » list because they did not consent. */
  withoutConsentCount: number;
  groups: { title: string; count: number; rows: MembersListRowData[] }[];
}

export interface CountWithChange {
  label: string;
  count: number;
  /** Count at the end of the previous year, null when not comparable. */
  previous: number | null;
}

export interface CompositionData {
  generatedAt: string;
  cptsName: string;
  /** Situation on 31 December of `year` (or today for the current year). */
  year: number;
  asOf: string;
  previousAsOf: string;
  totals: {
    active: CountWithChange;
    persons: CountWithChange;
    structures: CountWithChange;
    joined: number;
    left: number;
  };
  byProfession: CountWithChange[];
  byStructureType: CountWithChange[];
  byPracticeMode: CountWithChange[];
  byCollege: (CountWithChange & {
    votingRight: 'délibérative' | 'consultative';
    seats: number | null;
    voteWeight: number;
  })[];
  /** Profession × commune: columns are communes (the territory's, then « Hors territoire »), rows professions. */
  professionByCommune: {
    communes: string[];
    rows: { profession: string; counts: number[]; total: number }[];
    totals: number[];
  };
  territory: { communes: number; covered: number };
}
