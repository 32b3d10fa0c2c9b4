import { addYears, differenceInCalendarDays, format, parseISO, subDays } from 'date-fns';
import { ACI_CONTRACT_YEARS, contractYearAt, contractYears } from './aci';
import type { CptsLifecycle } from '../schemas/cpts';

export type LifecycleStageCode =
  | 'emergence'
  | 'letter_submitted'
  | 'letter_validated'
  | 'project_submitted'
  | 'project_validated'
  | 'contract_running'
  | 'contract_renewal'
  | 'contract_ended';

export interface LifecycleStep {
  key: keyof CptsLifecycle;
  label: string;
  date: string | null;
}

export interface LifecycleStatus {
  code: LifecycleStageCode;
  label: string;
  /** Year of the contract (1..5) while it runs. */
  contractYear: number | null;
  contractEnd: string | null;
  nextAnniversary: string | null;
  /** Days until the end of the contract, negative once ended. */
  daysToContractEnd: number | null;
  steps: LifecycleStep[];
}

/** How long before the end of the contract the renewal stage starts. */
export const RENEWAL_WINDOW_DAYS = 183;

const STEP_LABELS: [keyof CptsLifecycle, string][] = [
  ['letterOfIntentSubmittedOn', 'Lettre d’intention déposée'],
  ['letterOfIntentValidatedOn', 'Lettre d’intention validée'],
  ['healthProjectSubmittedOn', 'Projet de santé déposé'],
  ['healthProjectValidatedOn', 'Projet de santé validé par l’ARS'],
  ['aciSignedOn', 'Contrat ACI signé'],
];

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * End of an ACI contract signed on `signedOn`: the day before the fifth anniversary of its first contract year
 * (which starts on the date anniversaire when it differs from the signature).
 */
export function contractEndDate(signedOn: string, anniversaryOn?: string | null): string {
  return contractYears(signedOn, anniversaryOn).at(-1)!.endOn;
}

/** The first anniversary of `anchor` strictly after `today`. */
export function nextAnniversaryAfter(anchor: string, today: string): string {
  const start = parseISO(anchor);
  const now = parseISO(today);
  let years = Math.max(1, now.getFullYear() - start.getFullYear());
  let candidate = addYears(start, years);
  while (candidate <= now) candidate = addYears(start, ++years);
  return iso(candidate);
}

/** Where the CPTS stands in its life: from emergence to the end of its 5-year ACI contract. */
export function lifecycleStatus(lifecycle: CptsLifecycle, today: string): LifecycleStatus {
  const steps: LifecycleStep[] = STEP_LABELS.map(([key, label]) => ({
    key,
    label,
    date: (lifecycle[key] as string | null) ?? null,
  }));
  const base = { contractYear: null, contractEnd: null, nextAnniversary: null, daysToContractEnd: null, steps };

  if (lifecycle.aciSignedOn) {
    const years = contractYears(lifecycle.aciSignedOn, lifecycle.aciAnniversaryOn);
    const contractEnd = contractEndDate(lifecycle.aciSignedOn, lifecycle.aciAnniversaryOn);
    const daysToContractEnd = differenceInCalendarDays(parseISO(contractEnd), parseISO(today));
    const anchor = lifecycle.aciAnniversaryOn ?? lifecycle.aciSignedOn;
    if (daysToContractEnd < 0) {
      return {
        ...base,
        code: 'contract_ended',
        label: 'Contrat ACI arrivé à échéance : renouvellement à conclure',
        contractEnd,
        daysToContractEnd,
      };
    }
    if (lifecycle.aciSignedOn > today) {
      return {
        ...base,
        code: 'project_validated',
        label: 'Signature du contrat ACI programmée',
        contractEnd,
        nextAnniversary: anchor > today ? anchor : nextAnniversaryAfter(anchor, today),
        daysToContractEnd,
      };
    }
    // Between the signature and a later first anniversary, the contract is in its first year.
    const contractYear = contractYearAt(years, today)?.index ?? 1;
    const upcoming = nextAnniversaryAfter(anchor, today);
    // The last anniversary falls after the end of the contract: there is none to come under this contract.
    const nextAnniversary = upcoming <= contractEnd ? upcoming : null;
    if (daysToContractEnd <= RENEWAL_WINDOW_DAYS) {
      return {
        ...base,
        code: 'contract_renewal',
        label: `Contrat ACI en année ${contractYear} sur ${ACI_CONTRACT_YEARS} : dossier de renouvellement à préparer`,
        contractYear,
        contractEnd,
        nextAnniversary,
        daysToContractEnd,
      };
    }
    return {
      ...base,
      code: 'contract_running',
      label: `Contrat ACI signé — année ${contractYear} sur ${ACI_CONTRACT_YEARS}`,
      contractYear,
      contractEnd,
      nextAnniversary,
      daysToContractEnd,
    };
  }
  if (lifecycle.healthProjectValidatedOn)
    return { ...base, code: 'project_validated', label: 'Projet de santé validé : contrat ACI à signer' };
  if (lifecycle.healthProjectSubmittedOn)
    return { ...base, code: 'project_submitted', label: 'Projet de santé déposé, en attente de validation par l’ARS' };
  if (lifecycle.letterOfIntentValidatedOn)
    return { ...base, code: 'letter_validated', label: 'Lettre d’intention validée : projet de santé à rédiger' };
  if (lifecycle.letterOfIntentSubmittedOn)
    return { ...base, code: 'letter_submitted', label: 'Lettre d’intention déposée, en attente de validation' };
  return { ...base, code: 'emergence', label: 'Émergence : lettre d’intention à déposer' };
}
