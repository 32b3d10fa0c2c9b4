export type IdentifierKind = 'nir' | 'date_naissance' | 'email' | 'telephone' | 'civilite_nom' | 'ins' | 'adresse';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** the matched text */
  match: string;
  index: number;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

/**
 * How a finding is named in the messages: singular with its article, plural without (a count is prepended), and
 * an optional relative clause written after the quoted text.
 */
export interface Label {
  one: string;
  many: string;
  /** « , qui peut être une date de naissance »: written after the quoted matches. */
  clauseOne?: string;
  clauseMany?: string;
  /**
   * `remove`: a number or contact details, to be deleted (nothing replaces them). `replace`: what to write instead,
   * gathered in the « par exemple … » of the last sentence.
   */
  remove?: true;
  replace?: readonly string[];
}

const AGE = "l'âge ou la tranche d'âge plutôt que la date de naissance";

export const LABELS = {
  nir: { one: 'un numéro de sécurité sociale', many: 'numéros de sécurité sociale', remove: true },
  ins: { one: 'un identifiant national de santé', many: 'identifiants nationaux de santé', remove: true },
  ipp: { one: 'un identifiant patient hospitalier', many: 'identifiants patient hospitaliers', remove: true },
  birth: { one: 'une date de naissance', many: 'dates de naissance', replace: [AGE] },
  oldDate: {
    one: 'une date complète antérieure à 2000',
    many: 'dates complètes antérieures à 2000',
    clauseOne: ', qui peut être une date de naissance',
    clauseMany: ', qui peuvent être des dates de naissance',
    replace: [AGE, "l'année seule pour un antécédent"],
  },
  email: { one: 'une adresse électronique', many: 'adresses électroniques', remove: true },
  telephone: { one: 'un numéro de téléphone', many: 'numéros de téléphone', remove: true },
  civilite_nom: {
    one: "un nom précédé d'une civilité",
    many: "noms précédés d'une civilité",
    replace: [
      '« le patient », « la patiente » ou le code du cas plutôt que le nom',
      '« Dr » ou la profession pour désigner un professionnel',
    ],
  },
  nomNaissance: {
    one: "un nom de naissance ou d'épouse",
    many: "noms de naissance ou d'épouse",
    replace: ['« le patient », « la patiente » ou le code du cas plutôt que le nom'],
  },
  adresse: {
    one: 'une adresse postale',
    many: 'adresses postales',
    replace: ["le lieu de vie (domicile, EHPAD, résidence autonomie…) plutôt que l'adresse"],
  },
} satisfies Record<string, Label>;

export type LabelKey = keyof typeof LABELS;

export interface Candidate {
  kind: IdentifierKind;
  label: LabelKey;
  index: number;
  match: string;
}
