/** Plain data for the « Fiche d'identité de la CPTS » PDF. Everything is already formatted for display except numbers. */
export interface IdentitySheetData {
  /** ISO date-time of the export, shown in French in the footer. */
  generatedAt: string;
  cpts: {
    name: string;
    legalForm: string;
    rna: string | null;
    siren: string | null;
    siret: string | null;
    /** Address lines of the siège, e.g. ["12 rue de la Paix", "38400 Saint-Martin-d'Hères"]. */
    addressLines: string[];
    presidentName: string | null;
    coordinatorName: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    /** e.g. « ARS Auvergne-Rhône-Alpes » */
    ars: string | null;
    /** e.g. « CPAM de l'Isère » */
    cpam: string | null;
  };
  lifecycle: {
    /** Current stage, e.g. « Contrat ACI signé — année 2 sur 5 ». */
    stageLabel: string;
    contractNumber: string | null;
    /** The dated milestones in order; date is an ISO date or null when not reached. */
    steps: { label: string; date: string | null }[];
    nextAnniversary: string | null;
    contractEnd: string | null;
  };
  territory: {
    /** Label of the reference data, e.g. « Code officiel géographique 2026, populations légales ». */
    referenceLabel: string;
    communeCount: number;
    totalPopulation: number;
    sizeClass: { taille: number; label: string; tableVersion: string } | null;
    /** Sorted by département then commune name. */
    communes: { code: string; nom: string; departementCode: string; departementNom: string; population: number }[];
    departements: { code: string; nom: string; communeCount: number; population: number }[];
    epcis: { code: string; nom: string; communesInTerritory: number; communesTotal: number }[];
  };
}
