import { Link, Navigate, useParams } from 'react-router-dom';
import type { ActivityDraft } from '@shared/contract';
import type { ActivityReportData } from '@shared/reports/activity-report';
import { exportDateTime } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { Highlights } from './Highlights';
import { useActivityDraft, useActivityReportData } from './queries';
import { SectionFigures } from './ReportFigures';
import { ReportOutput } from './ReportOutput';
import { SectionEditor } from './SectionEditor';
import { SettingsForm } from './SettingsForm';
import './annual-report.css';

/** The year a coordinator writes the report of: the last full calendar year. */
export const lastReportYear = () => new Date().getFullYear() - 1;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** `/rapports/activite`: the report of last year. */
export function ActivityReportDefault() {
  return <Navigate to={`/rapports/activite/${lastReportYear()}`} replace />;
}

/** `/rapports/activite/:year`: write the rapport d’activité of a calendar year, preview it, export it. */
export function ActivityReportPage() {
  const { year: param } = useParams();
  const year = Number(param);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return <ActivityReportDefault />;
  return (
    <Page
      title={`Rapport d’activité ${year}`}
      intro="Le rapport de l’année civile pour l’assemblée générale, l’ARS et la CPAM : les chiffres viennent de Maillage, vous écrivez ce qu’ils ne disent pas."
    >
      <YearSwitcher year={year} />
      {/* A new year: new forms, with that year's draft. */}
      <ReportEditor key={year} year={year} />
    </Page>
  );
}

function YearSwitcher({ year }: { year: number }) {
  return (
    <nav className="annual-years" aria-label="Année du rapport">
      {year > MIN_YEAR && (
        <Link className="button button-secondary button-small" to={`/rapports/activite/${year - 1}`}>
          ← Année précédente ({year - 1})
        </Link>
      )}
      <span className="annual-year-current" aria-current="page">
        {year}
      </span>
      {year < MAX_YEAR && (
        <Link className="button button-secondary button-small" to={`/rapports/activite/${year + 1}`}>
          Année suivante ({year + 1}) →
        </Link>
      )}
    </nav>
  );
}

function savedLine(draft: ActivityDraft): string {
  if (draft.id === null || !draft.updatedAt)
    return 'Brouillon pas encore enregistré : les réglages proposés ci-dessous sont ceux par défaut.';
  return `Brouillon enregistré le ${exportDateTime(draft.updatedAt)}.`;
}

function ReportEditor({ year }: { year: number }) {
  const draft = useActivityDraft(year);
  const data = useActivityReportData(year);
  if (draft.isPending) return <Loading label="Chargement du brouillon…" />;
  if (draft.isError) return <QueryError message={errorMessage(draft.error)} onRetry={() => draft.refetch()} />;
  const current = draft.data;
  const figures = data.data ?? null;
  return (
    <div className="stack">
      <p className="annual-saved" role="status">
        {savedLine(current)}
      </p>
      <ReportOutput year={year} />
      <SettingsForm draft={current} />
      <Highlights draft={current} />
      {data.isError && (
        <QueryError
          message={`Les chiffres du rapport n’ont pas pu être calculés : ${errorMessage(data.error)}`}
          onRetry={() => data.refetch()}
        />
      )}
      {data.isPending && <Loading label="Calcul des chiffres du rapport…" />}
      {current.sections.map((section, index) => (
        <SectionEditor key={section.key} draft={current} section={section} number={index + 1}>
          <FiguresOf data={figures} sectionKey={section.key} year={year} />
        </SectionEditor>
      ))}
    </div>
  );
}

/** The figures and charts the report prints for a section (nothing for a section left out: it is not printed). */
function FiguresOf({ data, sectionKey, year }: { data: ActivityReportData | null; sectionKey: string; year: number }) {
  const section = data?.sections.find((entry) => entry.key === sectionKey);
  return section ? <SectionFigures section={section} year={year} /> : null;
}
