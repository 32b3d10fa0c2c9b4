import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ExportResult } from '@shared/contract';
import { plural } from '@shared/format';
import { errorMessage, type ApiCallError } from '../../api';
import { Page } from '../../components/Page';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { lastReportYear } from '../annual-report/ActivityReportPage';
import { useReportsWrite } from './queries';
import './reports.css';

const COMING_SOON: { title: string; description: string }[] = [
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
  const exportSheet = useReportsWrite('reports.exportIdentitySheet');
  const result = exportSheet.data;

  return (
    <Page title="Rapports" intro="Les documents PDF que Maillage prépare à partir de vos données.">
      <div className="report-grid">
        <ActivityReportCard />
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
          <ExportOutcome
            pending={exportSheet.isPending}
            result={exportSheet.isSuccess ? result : undefined}
            error={exportSheet.error}
          />
        </section>

        <MembersListCard />
        <CompositionCard />
        <RcpYearCard />

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

/** Busy indicator, then the saved file (or a calm « cancelled »), or the French error. */
function ExportOutcome({
  pending,
  result,
  error,
}: {
  pending: boolean;
  result: ExportResult | undefined;
  error: ApiCallError | null;
}) {
  return (
    <div className="report-outcome">
      <PdfExportProgress pending={pending} />
      {!pending && result?.saved && (
        <p role="status" className="success-text">
          PDF enregistré : <span className="path">{result.path}</span> ({plural(result.pages, 'page')})
        </p>
      )}
      {!pending && result && !result.saved && (
        <p role="status" className="muted">
          Export annulé : aucun fichier n'a été enregistré.
        </p>
      )}
      {!pending && error && (
        <p role="alert" className="error-text">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}

/** The rapport d’activité is written in its own screen: the card opens last year's. */
function ActivityReportCard() {
  const year = lastReportYear();
  return (
    <section className="card report-card" aria-labelledby="rapport-activite">
      <h2 id="rapport-activite">Rapport d’activité {year}</h2>
      <p className="muted">
        Territoire, adhérents, réunions, missions et indicateurs, finances : le rapport remis chaque année à l’ARS et à
        la CPAM. Vous y écrivez l’introduction, les faits marquants et le texte de chaque partie ; aperçu, PDF et Word.
      </p>
      <div className="form-actions">
        <Link className="button" to={`/rapports/activite/${year}`} aria-label={`Ouvrir le rapport d’activité ${year}`}>
          Ouvrir
        </Link>
      </div>
    </section>
  );
}

function MembersListCard() {
  const exportList = useReportsWrite('reports.exportMembersList');
  const [groupBy, setGroupBy] = useState<'profession' | 'college'>('profession');
  const [audience, setAudience] = useState<'bureau' | 'annuaire'>('bureau');
  return (
    <section className="card report-card" aria-labelledby="rapport-adherents">
      <h2 id="rapport-adherents">Liste des adhérents</h2>
      <p className="muted">
        Les adhérents actifs, regroupés par profession ou par collège. La version complète, avec les coordonnées et les
        identifiants, est réservée au bureau ; l’annuaire ne montre que les adhérents qui ont accepté d’y figurer.
      </p>
      <fieldset className="choice-group">
        <legend>Regrouper</legend>
        <label className="radio-label">
          <input
            type="radio"
            name="liste-groupe"
            checked={groupBy === 'profession'}
            onChange={() => setGroupBy('profession')}
          />{' '}
          par profession
        </label>
        <label className="radio-label">
          <input
            type="radio"
            name="liste-groupe"
            checked={groupBy === 'college'}
            onChange={() => setGroupBy('college')}
          />{' '}
          par collège
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>Version</legend>
        <label className="radio-label">
          <input
            type="radio"
            name="liste-version"
            checked={audience === 'bureau'}
            onChange={() => setAudience('bureau')}
          />{' '}
          complète (bureau)
        </label>
        <label className="radio-label">
          <input
            type="radio"
            name="liste-version"
            checked={audience === 'annuaire'}
            onChange={() => setAudience('annuaire')}
          />{' '}
          annuaire (adhérents ayant consenti)
        </label>
      </fieldset>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={exportList.isPending}
          onClick={() => exportList.mutate({ groupBy, audience })}
        >
          Exporter la liste en PDF
        </button>
      </div>
      <ExportOutcome
        pending={exportList.isPending}
        result={exportList.isSuccess ? exportList.data : undefined}
        error={exportList.error}
      />
    </section>
  );
}

function CompositionCard() {
  const exportComposition = useReportsWrite('reports.exportComposition');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  return (
    <section className="card report-card" aria-labelledby="rapport-composition">
      <h2 id="rapport-composition">Composition de la CPTS</h2>
      <p className="muted">
        Effectifs par profession, type de structure, mode d’exercice et collège, évolution sur un an et couverture des
        communes : la partie « adhérents » du rapport d’activité.
      </p>
      <div className="inline-field">
        <label htmlFor="composition-annee">Année</label>
        <select id="composition-annee" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y === thisYear ? `${y} (à ce jour)` : `${y} (au 31 décembre)`}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={exportComposition.isPending}
          onClick={() => exportComposition.mutate({ year })}
        >
          Exporter la composition en PDF
        </button>
      </div>
      <ExportOutcome
        pending={exportComposition.isPending}
        result={exportComposition.isSuccess ? exportComposition.data : undefined}
        error={exportComposition.error}
      />
    </section>
  );
}

function RcpYearCard() {
  const exportRcp = useReportsWrite('reports.exportRcpYear');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  return (
    <section className="card report-card" aria-labelledby="rapport-rcp">
      <h2 id="rapport-rcp">Bilan annuel des RCP</h2>
      <p className="muted">
        Nombre de RCP et de cas présentés, professions réunies, motifs, part des 75 ans ou plus et des ALD, suivi des
        décisions : sans aucune donnée identifiante de patient.
      </p>
      <div className="inline-field">
        <label htmlFor="rcp-annee">Année</label>
        <select id="rcp-annee" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={exportRcp.isPending}
          onClick={() => exportRcp.mutate({ year })}
        >
          Exporter le bilan des RCP en PDF
        </button>
      </div>
      <ExportOutcome
        pending={exportRcp.isPending}
        result={exportRcp.isSuccess ? exportRcp.data : undefined}
        error={exportRcp.error}
      />
    </section>
  );
}
