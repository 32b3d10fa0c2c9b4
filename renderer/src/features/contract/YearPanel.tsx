import type { ContractDetail, ContractYearRow } from '@shared/contract';
import { ContractDocuments } from './ContractDocuments';
import { DialogueSection } from './DialogueSection';
import { EnvelopesSection } from './EnvelopesSection';
import { PaymentsSection } from './PaymentsSection';

/** One contract year: its envelopes, payments (expected against received), dialogue de gestion and documents. */
export function YearPanel({ contract, year }: { contract: ContractDetail; year: ContractYearRow }) {
  return (
    <section className="contract-year-panel stack" aria-labelledby="annee-choisie-titre">
      <h2 id="annee-choisie-titre" className="contract-year-heading">
        {year.label} <span className="muted contract-year-heading-period">{year.periodLabel}</span>
      </h2>
      <EnvelopesSection contract={contract} year={year} />
      <PaymentsSection contract={contract} year={year} />
      <DialogueSection contract={contract} year={year} />
      <ContractDocuments contract={contract} year={year} />
    </section>
  );
}
