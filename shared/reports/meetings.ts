/** Plain data for the meeting PDFs. Built by electron/services/reports (meetings), rendered by electron/pdf. */

export interface MeetingMinutesData {
  generatedAt: string;
  cptsName: string;
  meeting: {
    type: string;
    typeLabel: string;
    title: string;
    date: string;
    startTime: string | null;
    endTime: string | null;
    place: string | null;
    visioUrl: string | null;
    organiser: string | null;
    /** « Tenue », « Prévue », « Annulée ». */
    statusLabel: string;
  };
  participants: { name: string; quality: string | null; attendanceLabel: string | null; minutesSpent: number | null }[];
  agenda: { title: string; minutes: string | null }[];
  /** General minutes not tied to an agenda item. */
  summary: string | null;
  decisions: { text: string; owner: string | null; dueOn: string | null; statusLabel: string }[];
  documents: string[];
  /** Present for an RCP: the CR is pseudonymised (no patient identity is ever stored). */
  rcp: null | {
    kindLabel: string;
    theme: string | null;
    professionCount: number;
    minProfessions: number;
    cases: {
      code: string;
      ageBandLabel: string;
      sexLabel: string | null;
      over75: boolean;
      ald: boolean;
      motif: string;
      summary: string | null;
      patientInformed: boolean;
      followUpOn: string | null;
      followUpStatusLabel: string;
      decisions: { action: string; owner: string | null; dueOn: string | null }[];
    }[];
  };
}

export interface RcpYearData {
  generatedAt: string;
  cptsName: string;
  year: number;
  totals: {
    sessions: number;
    clinical: number;
    thematic: number;
    cases: number;
    over75: number;
    ald: number;
    /** Cases ≥ 75 ans or ALD (counted once). */
    over75OrAld: number;
    patientInformed: number;
    followUpsPlanned: number;
    followUpsDone: number;
    averageProfessions: number;
    sessionsBelowMinimum: number;
    minProfessions: number;
  };
  sessions: {
    date: string;
    title: string;
    kindLabel: string;
    theme: string | null;
    professions: string[];
    caseCount: number;
  }[];
  byMotif: { label: string; count: number }[];
  byAgeBand: { label: string; count: number }[];
  themes: string[];
}
