import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useContractContext } from '../indicators/contractContext';
import { type YearChoice, useSelectedYear } from '../indicators/missions';
import { YearPicker } from '../indicators/YearPicker';
import { EvidenceSection } from './EvidenceSection';

/**
 * The evidence of a fiche action for a year of the ACI contract (`?annee=2` in the address, else the current year),
 * with the year's selector; a card that says why when no contract is entered yet.
 */
export function FicheEvidenceSection({ ficheId }: { ficheId: number }) {
  const context = useContractContext();
  if (context.isPending) return <Loading />;
  if (context.isError) {
    return <QueryError message={errorMessage(context.error)} onRetry={() => void context.refetch()} />;
  }
  if (context.data === null || context.data.years.length === 0) {
    return (
      <section className="card" aria-labelledby="fiche-justificatifs-titre">
        <h2 id="fiche-justificatifs-titre">Justificatifs</h2>
        <p className="muted">
          Les justificatifs se rassemblent par année du contrat ACI : saisissez d’abord le contrat pour suivre ceux de
          cette fiche.
        </p>
      </section>
    );
  }
  return <FicheEvidence ficheId={ficheId} years={context.data.years} />;
}

function FicheEvidence({ ficheId, years }: { ficheId: number; years: readonly YearChoice[] }) {
  const { year, select } = useSelectedYear(years);
  if (!year) return null;
  return (
    <EvidenceSection
      owner={{ ficheId }}
      year={year}
      picker={<YearPicker years={years} year={year} onSelect={select} />}
    />
  );
}
