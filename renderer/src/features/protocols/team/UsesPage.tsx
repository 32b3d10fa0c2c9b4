import { Link, useParams } from 'react-router-dom';
import { type ProtocolDetail, type ProtocolUseRow, type ProtocolUseStatsRow, contract } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { errorMessage } from '../../../api';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { Loading, Page, QueryError } from '../../../components/Page';
import { useRememberedState } from '../../../components/UiState';
import { useContractForm } from '../../../components/useContractForm';
import { useProtocol } from '../queries';
import { useProtocolTeam, useProtocolTeamWrite, useProtocolUses, useProtocolUseStats } from './queries';
import { UseForm } from './UseForm';
import { UseStats } from './UseStats';
import './team.css';

/** The years offered: this one and the four before. */
const yearsUpTo = (current: number) => Array.from({ length: 5 }, (_, index) => current - index);

function BackLink({ protocol }: { protocol?: ProtocolDetail }) {
  return (
    <p className="back-link">
      {protocol ? (
        <Link to={`/protocoles/${protocol.id}`}>← {protocol.title}</Link>
      ) : (
        <Link to="/protocoles">← Protocoles</Link>
      )}
    </p>
  );
}

/** /protocoles/:id/utilisations — the anonymous use log of a protocol and its yearly figures. */
export function ProtocolUsesPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Protocole introuvable">
        <BackLink />
        <QueryError message="Cette adresse ne correspond à aucun protocole." />
      </Page>
    );
  }
  return <UsesLoader key={id} id={id} />;
}

function UsesLoader({ id }: { id: number }) {
  const protocol = useProtocol(id);
  const team = useProtocolTeam(id);
  if (protocol.isPending || protocol.isError || team.isPending || team.isError) {
    const error = protocol.error ?? team.error;
    return (
      <Page title="Utilisations du protocole">
        <BackLink />
        {error ? (
          <QueryError
            message={errorMessage(error)}
            onRetry={
              error.code === 'not_found'
                ? undefined
                : () => {
                    void protocol.refetch();
                    void team.refetch();
                  }
            }
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  return <UsesScreen protocol={protocol.data} team={team.data} />;
}

function UsesScreen({
  protocol,
  team,
}: {
  protocol: ProtocolDetail;
  team: NonNullable<ReturnType<typeof useProtocolTeam>['data']>;
}) {
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useRememberedState(`protocole-${protocol.id}-utilisations-annee`, currentYear);
  return (
    <Page
      title={`Utilisations — ${protocol.title}`}
      intro="Chaque application du protocole, sans rien qui identifie le patient : de quoi remplir le suivi annuel transmis à l’ARS et les indicateurs du contrat."
      wide
    >
      <BackLink protocol={protocol} />
      <div className="stack uses-page">
        {team.length === 0 ? (
          <div className="alert alert-warning" role="note">
            Personne dans l’équipe du protocole : ajoutez d’abord les professionnels qui l’appliquent, depuis la{' '}
            <Link to={`/protocoles/${protocol.id}`}>page du protocole</Link>.
          </div>
        ) : (
          <UseForm protocol={protocol} team={team} />
        )}
        <div className="uses-year">
          <label htmlFor="utilisations-annee">Année</label>
          <select id="utilisations-annee" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {yearsUpTo(currentYear).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <YearSections protocol={protocol} year={year} />
      </div>
    </Page>
  );
}

function YearSections({ protocol, year }: { protocol: ProtocolDetail; year: number }) {
  const uses = useProtocolUses(protocol.id, year);
  const stats = useProtocolUseStats(protocol.id, year);
  const remove = useConfirmedDelete(useProtocolTeamWrite('protocolUses.delete'), {
    title: (row: ProtocolUseRow) => `Supprimer l’utilisation du ${formatDateLong(row.usedOn)} ?`,
    body: (row) => (
      <p>
        L’utilisation ({row.outcomeLabel.toLocaleLowerCase('fr-FR')}
        {row.professionalName ? `, par ${row.professionalName}` : ''}) sera retirée du journal et des statistiques.
      </p>
    ),
    input: (row) => ({ id: row.id }),
    confirmLabel: 'Supprimer l’utilisation',
    deletedMessage: () => 'Utilisation supprimée.',
  });
  const row = stats.data?.protocols.find((entry) => entry.protocolId === protocol.id) ?? null;
  return (
    <>
      <section className="card" aria-labelledby="utilisations-stats-titre">
        <h2 id="utilisations-stats-titre">Bilan {year}</h2>
        {stats.isPending || uses.isPending ? (
          <Loading />
        ) : stats.isError ? (
          <QueryError message={errorMessage(stats.error)} onRetry={() => void stats.refetch()} />
        ) : uses.isError ? (
          <QueryError message={errorMessage(uses.error)} onRetry={() => void uses.refetch()} />
        ) : (
          <>
            <UseStats stats={row ?? stats.data.totals} uses={uses.data} year={year} />
            <ReportSent protocol={protocol} year={year} row={row} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="utilisations-liste-titre">
        <h2 id="utilisations-liste-titre">Journal {year}</h2>
        {uses.isPending ? (
          <Loading />
        ) : uses.isError ? (
          <QueryError message={errorMessage(uses.error)} onRetry={() => void uses.refetch()} />
        ) : (
          <DataTable
            rows={uses.data}
            rowKey={(use) => use.id}
            compact
            scroll
            aria-labelledby="utilisations-liste-titre"
            empty={`Aucune utilisation notée en ${year}. Saisissez-les au fil de l’eau avec le formulaire ci-dessus.`}
            columns={[
              { header: 'Date', rowHeader: true, className: 'nowrap', cell: (use) => formatDateLong(use.usedOn) },
              {
                header: protocol.isCooperation ? 'Professionnel et délégant' : 'Professionnel',
                cell: (use) => (
                  <>
                    {use.professionalName ?? '—'}
                    {use.delegantName && <span className="cell-sub uses-delegant">délégant : {use.delegantName}</span>}
                  </>
                ),
              },
              { header: 'Âge', className: 'nowrap', cell: (use) => use.ageBandLabel ?? '—' },
              { header: 'Sexe', cell: (use) => use.sexLabel ?? '—' },
              {
                header: 'Médecin traitant',
                cell: (use) => (use.hasMt === null ? '—' : use.hasMt ? 'Oui' : 'Non'),
              },
              { header: 'Issue', cell: (use) => use.outcomeLabel },
              {
                header: 'Événement indésirable',
                cell: (use) =>
                  use.adverseEvent ? <span className="error-text">{use.adverseEventText ?? 'Oui'}</span> : 'Non',
              },
              { header: 'Note', cell: (use) => use.note ?? '' },
            ]}
            actionsClassName="row-actions"
            actions={(use) => (
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => remove.ask(use)}
                aria-label={`Supprimer l’utilisation du ${formatDateLong(use.usedOn)}`}
              >
                Supprimer
              </button>
            )}
          />
        )}
      </section>
      {remove.dialog}
    </>
  );
}

/** « Suivi annuel transmis à l’ARS le … », or the date to note it. */
function ReportSent({
  protocol,
  year,
  row,
}: {
  protocol: ProtocolDetail;
  year: number;
  row: ProtocolUseStatsRow | null;
}) {
  const mark = useProtocolTeamWrite('protocolUses.markReportSent');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: contract['protocolUses.markReportSent'].input,
    defaultValues: { sentOn: toIsoDate(new Date()) },
    prepare: (values: { sentOn: string }) => ({ protocolId: protocol.id, year, sentOn: values.sentOn }),
    submit: (data) => mark.mutateAsync(data),
    savedMessage: (saved) => `Suivi annuel ${year} transmis à l’ARS le ${formatDateLong(saved.sentOn)}.`,
    guard: false,
  });
  if (row?.reportSentOn) {
    return (
      <p className="success-text uses-report">
        Suivi annuel {year} transmis à l’ARS le {formatDateLong(row.reportSentOn)}.
      </p>
    );
  }
  if (!protocol.isCooperation) return null;
  return (
    <form className="subform uses-report" onSubmit={onSubmit} noValidate aria-label={`Suivi annuel ${year}`}>
      <p className="muted small">Le suivi annuel {year} n’est pas encore noté comme transmis à l’ARS.</p>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="suivi-annuel-date" label="Suivi annuel transmis à l’ARS le" error={errors.sentOn?.message}>
          {(a) => <input type="date" {...a} {...register('sentOn')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Noter la transmission" small secondary />
    </form>
  );
}
