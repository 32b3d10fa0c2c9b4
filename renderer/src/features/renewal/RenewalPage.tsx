import { Link, useSearchParams } from 'react-router-dom';
import type { ContractListRow, RenewalDraft } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { exportToasts } from '../../components/exportToasts';
import { Loading, Page, QueryError } from '../../components/Page';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { useToast } from '../../components/Toasts';
import { useContracts } from '../contract/queries';
import { DeliberationForm } from './DeliberationForm';
import { IntroductionForm } from './IntroductionForm';
import { ProposalsEditor } from './ProposalsEditor';
import { useRenewalDraft, useRenewalWrite } from './queries';
import { SectionForm } from './SectionForm';
import './renewal.css';

const INTRO =
  'Le dossier remis à la CPAM et à l’ARS pour renouveler le contrat : le bilan des cinq années, que Maillage rédige à partir de vos données, vos textes section par section, la délibération qui autorise le renouvellement et l’annexe des indicateurs que vous proposez pour le contrat suivant.';

/** The contract named in the address (`?contrat=`), else the active one, else the one signed last. */
function chosenContract(rows: readonly ContractListRow[], wanted: number | null): ContractListRow | null {
  const named = rows.find((row) => row.id === wanted);
  if (named) return named;
  const active = rows.filter((row) => row.status === 'actif');
  return [...(active.length > 0 ? active : rows)].sort((a, b) => b.signedOn.localeCompare(a.signedOn))[0] ?? null;
}

/** « Dossier de renouvellement »: the draft of the renewal dossier of a contract, and its PDF export. */
export function RenewalPage() {
  const [params] = useSearchParams();
  const contracts = useContracts();
  const wanted = Number(params.get('contrat')) || null;
  const contract = chosenContract(contracts.data ?? [], wanted);
  return (
    <Page title="Dossier de renouvellement du contrat" intro={INTRO} wide>
      <p>
        <Link to="/projet-de-sante/contrat">← Retour au contrat ACI</Link>
      </p>
      {contracts.isPending ? (
        <Loading />
      ) : contracts.isError ? (
        <QueryError message={errorMessage(contracts.error)} onRetry={() => void contracts.refetch()} />
      ) : contract ? (
        <RenewalEditor key={contract.id} contract={contract} />
      ) : (
        <section className="card call-to-action" aria-labelledby="renouvellement-vide">
          <h2 id="renouvellement-vide">Aucun contrat ACI enregistré</h2>
          <p>
            Le dossier de renouvellement fait le bilan d’un contrat : saisissez d’abord le contrat signé avec la CPAM et
            l’ARS dans la page <Link to="/projet-de-sante/contrat">Contrat ACI</Link>.
          </p>
        </section>
      )}
    </Page>
  );
}

function RenewalEditor({ contract }: { contract: ContractListRow }) {
  const query = useRenewalDraft(contract.id);
  if (query.isPending) return <Loading label="Chargement du dossier…" />;
  if (query.isError) return <QueryError message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  const draft = query.data;
  return (
    <div className="stack renewal">
      <section className="card" aria-labelledby="renouvellement-contrat">
        <div className="card-header">
          <h2 id="renouvellement-contrat">
            {contract.number ? `Contrat n° ${contract.number}` : 'Contrat ACI'}, signé le{' '}
            {formatDateLong(contract.signedOn)}
          </h2>
        </div>
        <p className="muted">
          {draft.id === null
            ? 'Dossier pas encore enregistré : les textes par défaut sont affichés, toutes les sections sont incluses.'
            : `Dossier enregistré${draft.updatedAt ? ` le ${formatDateLong(draft.updatedAt.slice(0, 10))}` : ''}.`}
        </p>
        <RenewalExport contractId={contract.id} />
      </section>
      <IntroductionForm draft={draft} />
      {draft.sections.map((section) => (
        <section key={section.key} className="card" aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`}>{section.title}</h2>
          <SectionForm draft={draft} section={section} />
          {section.key === 'annexe_proposee' && <ProposalsEditor draft={draft} />}
          {section.key === 'deliberation' && <DeliberationForm draft={draft} />}
        </section>
      ))}
    </div>
  );
}

function RenewalExport({ contractId }: { contractId: RenewalDraft['contractId'] }) {
  const toast = useToast();
  const pdf = useRenewalWrite('reports.exportRenewalDossier');
  return (
    <>
      <div className="page-actions">
        <button
          type="button"
          className="button"
          disabled={pdf.isPending}
          onClick={() =>
            pdf.mutate(
              { contractId },
              exportToasts(toast.notify, {
                saved: 'Dossier de renouvellement enregistré',
                failed: 'Le dossier de renouvellement n’a pas été exporté',
              }),
            )
          }
        >
          {pdf.isPending ? 'Génération du PDF…' : 'Exporter le dossier (PDF)'}
        </button>
      </div>
      <PdfExportProgress pending={pdf.isPending} />
    </>
  );
}
