/**
 * Plain data for the general-assembly PDFs (convocation with pouvoir form, feuille d'émargement, procès-verbal).
 * Built by electron/services/ag/reports from the database and the statutory rules, rendered by electron/pdf.
 * Dates are ISO `yyyy-mm-dd`, times `hh:mm`; every label is already French.
 */

/** The association as the AG documents name it. */
export interface AgAssociation {
  /** « CPTS Sud-Est Grenoblois ». */
  name: string;
  /** « Association loi 1901 », plus the RNA when known: « Association loi 1901 — RNA W381234567 ». */
  legalLine: string;
  /** Siège address on one line, or null. */
  address: string | null;
}

export interface AgMeetingHead {
  /** « Assemblée générale ordinaire ». */
  organLabel: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  visioUrl: string | null;
  /** 1 or 2: « sur deuxième convocation » when 2. */
  round: 1 | 2;
}

export interface AgResolutionText {
  /** « Résolution 1 ». */
  number: number;
  title: string;
  text: string;
  /** « Majorité simple des suffrages exprimés ». */
  majorityLabel: string;
}

/** « Convocation » with the ordre du jour and a pouvoir form to detach. */
export interface ConvocationData {
  generatedAt: string;
  association: AgAssociation;
  meeting: AgMeetingHead;
  /** Who convenes, e.g. « Le président, Dr Paul Martin » (null: « Le bureau »). */
  convener: string | null;
  /** Date the convocation is sent (null: not sent yet — the PDF says « date d'envoi : à compléter »). */
  sentOn: string | null;
  /** Agenda items in order, the resolutions they carry listed under them. */
  agenda: { title: string; resolutions: AgResolutionText[] }[];
  /** Short rule reminders, e.g. « Quorum : un quart des membres votants présents ou représentés. » */
  ruleReminders: string[];
  /** null when the statuts forbid proxies: the PDF then has no pouvoir form and says so. */
  proxyForm: null | {
    /** « Chaque mandataire peut détenir au plus 2 pouvoirs. » or « sans limite ». */
    capLine: string;
    /** « Le mandataire doit être membre votant de l'association. » or null. */
    mandataireLine: string | null;
  };
  /** Name of the recipient when the PDF is personalised for one member (one .eml each), else null. */
  recipient: string | null;
}

/** One voting member on the feuille d'émargement. */
export interface AttendanceSheetVoter {
  name: string;
  /** Profession or quality, e.g. « Infirmier·ère ». */
  quality: string | null;
  /** « À jour 2026 » / « Non à jour 2026 ». */
  cotisationLabel: string;
  upToDate: boolean;
  /** Vote weight in voix when weighted (null when one member one vote). */
  weight: number | null;
  /** Mandants whose pouvoir this member holds (names). */
  proxiesHeld: string[];
  /** When this member gave a pouvoir: the mandataire's name (« Représenté·e par … »). */
  representedBy: string | null;
}

/** « Feuille d'émargement »: voting members by collège, then non-voting participants apart. */
export interface AttendanceSheetData {
  generatedAt: string;
  association: AgAssociation;
  meeting: AgMeetingHead;
  colleges: { name: string; votingRightLabel: string; voters: AttendanceSheetVoter[] }[];
  /** Members without a vote (with the reason) and guests: they sign apart. */
  nonVoters: { name: string; quality: string | null; reason: string }[];
  totals: { voters: number; proxies: number; weighted: boolean; totalWeight: number };
  /** « Quorum requis : 375 membres votants présents ou représentés sur 1 500. » */
  quorumLine: string;
}

/** One resolution and its vote in the procès-verbal. */
export interface PvResolution extends AgResolutionText {
  votes: { pour: number; contre: number; abstention: number; blanc: number } | null;
  /** « Adoptée » / « Rejetée » / « Non votée ». */
  resultLabel: string;
  adopted: boolean | null;
  /** The arithmetic in words: « Base : 120 suffrages exprimés ; requis : 61 voix pour ; obtenu : 98. » */
  arithmetic: string | null;
  /** The count the resolution was voted with: « Votée avec 4 membres présents et 1 membre représenté, soit 5… ». */
  countLine?: string | null;
}

/** « Procès-verbal » with every mention a PV needs (domain.md §4). */
export interface PvData {
  generatedAt: string;
  association: AgAssociation;
  meeting: AgMeetingHead;
  /** « Brouillon » or « Approuvé le 12 juin 2026 ». */
  statusLabel: string;
  draft: boolean;
  /** « Convocation adressée par courriel le 1er juin 2026 » (mode and date). */
  convocationLine: string;
  presidentSeance: string | null;
  secretaireSeance: string | null;
  /** Quorum sentence from the check-in (computeQuorum), e.g. « Quorum atteint : 412 présents ou représentés… ». */
  quorumSentence: string;
  attendance: {
    presentCount: number;
    representedCount: number;
    votingCount: number;
    /** Present voting members, by name. */
    present: string[];
    /** « Mme A — représentée par M. B ». */
    represented: string[];
    /** Non-voting participants present (guests, consultative collège). */
    others: string[];
  };
  /** « M. X a quitté la séance à 19 h 40, avant le vote de la résolution n° 4. », in the order they happened. */
  departures?: string[];
  /** Ordre du jour with the summary of debates per item and the resolutions voted under it. */
  items: { title: string; summary: string | null; resolutions: PvResolution[] }[];
  /** Closing time « hh:mm » or null. */
  closingTime: string | null;
  /** Signature blocks: « Le président de séance », « Le secrétaire de séance » with names. */
  signatories: { capacity: string; name: string | null }[];
}
