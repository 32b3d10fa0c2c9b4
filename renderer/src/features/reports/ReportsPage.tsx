import { plural } from '../../../../shared/format';
import { errorMessage, useApiMutation } from '../../api';
import { Page } from '../../components/Page';

const COMING_SOON: { title: string; description: string }[] = [
  {
    title: 'Rapport d’activité annuel',
    description: 'Territoire, adhérents, réunions, missions et indicateurs, finances : le rapport remis chaque année à l’ARS et à la CPAM.',
  },
  {
    title: 'Tableau de bord des indicateurs',
    description: 'Une page par mission, cible et réalisé, pour préparer le dialogue de gestion.',
  },
  {
    title: 'Dossier de renouvellement du contrat ACI',
    description: 'Le bilan des cinq années du contrat, mission par mission.',
  },
  {
    title: 'Dossier d’assemblée générale',
    description: 'Convocation, pouvoirs, feuille d’émargement et procès-verbal.',
  },
];

export function ReportsPage() {
  const exportSheet = useApiMutation('reports.exportIdentitySheet', { invalidate: false });
  const result = exportSheet.data;

  return (
    <Page title="Rapports" intro="Les documents PDF que Maillage prépare à partir de vos données.">
      <div className="report-grid">
        <section className="card report-card" aria-labelledby="rapport-identite">
          <h2 id="rapport-identite">Fiche d'identité de la CPTS</h2>
          <p className="muted">
            Identité de l’association, étapes et contrat ACI, territoire (communes, population, taille) : deux pages à
            joindre à un dossier ou à envoyer à un partenaire.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={exportSheet.isPending}
              onClick={() => exportSheet.mutate(undefined)}
            >
              Exporter en PDF
            </button>
          </div>
          <div className="report-outcome">
            {exportSheet.isPending && (
              <p role="status" className="busy">
                <span className="spinner" aria-hidden="true" />
                Génération du PDF en cours…
              </p>
            )}
            {exportSheet.isSuccess && result?.saved && (
              <p role="status" className="success-text">
                PDF enregistré : <span className="path">{result.path}</span> ({plural(result.pages, 'page')})
              </p>
            )}
            {exportSheet.isSuccess && result && !result.saved && (
              <p role="status" className="muted">
                Export annulé : aucun fichier n'a été enregistré.
              </p>
            )}
            {exportSheet.isError && (
              <p role="alert" className="error-text">
                {errorMessage(exportSheet.error)}
              </p>
            )}
          </div>
        </section>

        {COMING_SOON.map((report) => (
          <section key={report.title} className="card report-card report-soon" aria-label={`${report.title} (bientôt)`}>
            <h2>
              {report.title} <span className="badge badge-muted">bientôt</span>
            </h2>
            <p className="muted">{report.description}</p>
          </section>
        ))}
      </div>
    </Page>
  );
}
