/** The fixed fields a column can be mapped to (cotisation fields are `cotisation:YYYY` and `cotisation_payee:YYYY`). */
export const IMPORT_FIELDS = [
  { code: 'civilite', label: 'Civilité' },
  { code: 'nom', label: 'Nom' },
  { code: 'prenom', label: 'Prénom' },
  { code: 'nom_prenom', label: 'Nom et prénom (dans une seule colonne)' },
  { code: 'type_membre', label: 'Type de membre (personne ou structure)' },
  { code: 'profession', label: 'Profession' },
  { code: 'specialite', label: 'Spécialité' },
  { code: 'rpps', label: 'N° RPPS' },
  { code: 'adeli', label: 'N° ADELI' },
  { code: 'mode_exercice', label: 'Mode d’exercice' },
  { code: 'structure', label: 'Nom de la structure (ou structure d’exercice)' },
  { code: 'type_structure', label: 'Type de structure' },
  { code: 'finess_ej', label: 'FINESS EJ (entité juridique)' },
  { code: 'finess_et', label: 'FINESS ET (établissement)' },
  { code: 'siret', label: 'SIRET' },
  { code: 'representant', label: 'Représentant·e de la structure' },
  { code: 'commune', label: 'Commune (nom ou code INSEE)' },
  { code: 'code_insee', label: 'Code INSEE de la commune' },
  { code: 'code_postal', label: 'Code postal' },
  { code: 'adresse', label: 'Adresse' },
  { code: 'telephone', label: 'Téléphone' },
  { code: 'email', label: 'Courriel' },
  { code: 'college', label: 'Collège (nom)' },
  { code: 'date_adhesion', label: 'Date d’adhésion' },
  { code: 'consentement_annuaire', label: 'Consentement annuaire (oui/non ou date)' },
  { code: 'notes', label: 'Notes' },
] as const;

export type FixedImportField = (typeof IMPORT_FIELDS)[number]['code'];

const FIXED_CODES = new Set<string>(IMPORT_FIELDS.map((field) => field.code));
const COTISATION_FIELD = /^cotisation:(\d{4})$/;
const COTISATION_PAID_FIELD = /^cotisation_payee:(\d{4})$/;

export const cotisationField = (year: number): string => `cotisation:${year}`;
export const cotisationPaidField = (year: number): string => `cotisation_payee:${year}`;

/** The year of a `cotisation:YYYY` field, or null. */
export function cotisationYearOf(field: string): number | null {
  const match = COTISATION_FIELD.exec(field);
  return match ? Number(match[1]) : null;
}

/** The year of a `cotisation_payee:YYYY` field, or null. */
export function cotisationPaidYearOf(field: string): number | null {
  const match = COTISATION_PAID_FIELD.exec(field);
  return match ? Number(match[1]) : null;
}

const validYear = (year: number | null): boolean => year !== null && year >= 2000 && year <= 2100;

/** Whether a mapping value is a field the import knows. */
export function isImportField(field: string): boolean {
  return FIXED_CODES.has(field) || validYear(cotisationYearOf(field)) || validYear(cotisationPaidYearOf(field));
}

/** The French label of a field (« Cotisation 2025 (montant) » for `cotisation:2025`). */
export function importFieldLabel(field: string): string {
  const fixed = IMPORT_FIELDS.find((candidate) => candidate.code === field);
  if (fixed) return fixed.label;
  const year = cotisationYearOf(field);
  if (year !== null) return `Cotisation ${year} (montant)`;
  const paidYear = cotisationPaidYearOf(field);
  if (paidYear !== null) return `Cotisation ${paidYear} : date de paiement`;
  return field;
}

/** Every field a column can be mapped to, with the cotisation fields of the given years (sorted, most recent first). */
export function importFields(years: number[]): { code: string; label: string }[] {
  const sorted = [...new Set(years.filter((year) => validYear(year)))].sort((a, b) => b - a);
  return [
    ...IMPORT_FIELDS.map((field) => ({ code: field.code as string, label: field.label as string })),
    ...sorted.flatMap((year) => [
      { code: cotisationField(year), label: importFieldLabel(cotisationField(year)) },
      { code: cotisationPaidField(year), label: importFieldLabel(cotisationPaidField(year)) },
    ]),
  ];
}
