import { useState } from 'react';
import { Controller } from 'react-hook-form';
import {
  type DeclaredTeamMember,
  type ProtocolDeclarationRow,
  type ProtocolDeclarationStatus,
  type ProtocolDetail,
  protocolDeclareSchema,
} from '@shared/contract';
import { formatDateLong, plural, toIsoDate } from '@shared/format';
import { errorMessage } from '../../../api';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
import { exportToasts } from '../../../components/exportToasts';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { Loading, QueryError } from '../../../components/Page';
import { PdfExportProgress } from '../../../components/PdfExportProgress';
import { useToast } from '../../../components/Toasts';
import { useContractForm } from '../../../components/useContractForm';
import { MemberCombobox } from '../../ag/proxies/MemberCombobox';
import { memberOptions } from '../../fiches/ficheFormValues';
import { useMembers } from '../../members/queries';
import { useDeclarations, useDeclarationStatus, useProtocolTeamWrite } from './queries';
import './team.css';

/** Where cooperation protocols are declared: the ARS's form on démarches simplifiées. */
const DEFAULT_CHANNEL = 'Démarches simplifiées';

/**
 * The declarations of a cooperation protocol's team to the ARS: what is owed now (the first declaration, or the
 * arrivals and departures since the last one, named), recording a declaration, the past ones, and the one-page
 * « déclaration d’équipe » PDF to copy into the ARS form.
 */
export function DeclarationSection({ protocol }: { protocol: ProtocolDetail }) {
  const status = useDeclarationStatus(protocol.id);
  const declarations = useDeclarations(protocol.id);
  const toast = useToast();
  const [declaring, setDeclaring] = useState(false);
  const exportPdf = useProtocolTeamWrite('reports.exportTeamDeclaration');
  const onExport = () =>
    exportPdf.mutate(
      { protocolId: protocol.id },
      exportToasts(toast.notify, {
        saved: 'Déclaration d’équipe enregistrée',
        failed: 'La déclaration d’équipe n’a pas été exportée',
      }),
    );
  const remove = useConfirmedDelete(useProtocolTeamWrite('protocolTeam.deleteDeclaration'), {
    title: (row: ProtocolDeclarationRow) => `Supprimer la déclaration du ${formatDateLong(row.declaredOn)} ?`,
    body: () => (
      <p>
        La déclaration sera effacée de Maillage (pas auprès de l’ARS) ; l’équipe sera comparée à la déclaration
        précédente.
      </p>
    ),
    input: (row) => ({ id: row.id }),
    confirmLabel: 'Supprimer la déclaration',
    deletedMessage: () => 'Déclaration supprimée.',
  });

  return (
    <section className="card" aria-labelledby="protocole-ars-titre">
      <h2 id="protocole-ars-titre">Déclaration à l’ARS</h2>
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <QueryError message={errorMessage(status.error)} onRetry={() => void status.refetch()} />
      ) : (
        <DeclarationBanner status={status.data} />
      )}
      {declaring ? (
        <DeclareForm protocol={protocol} status={status.data ?? null} onDone={() => setDeclaring(false)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setDeclaring(true)}>
            Enregistrer une déclaration
          </button>
          <button type="button" className="button button-secondary" disabled={exportPdf.isPending} onClick={onExport}>
            {exportPdf.isPending ? 'Génération du PDF…' : 'Déclaration d’équipe (PDF)'}
          </button>
        </div>
      )}
      <PdfExportProgress pending={exportPdf.isPending} />
      <h3 id="protocole-ars-historique" className="team-ars-history">
        Déclarations enregistrées
      </h3>
      {declarations.isPending ? (
        <Loading />
      ) : declarations.isError ? (
        <QueryError message={errorMessage(declarations.error)} onRetry={() => void declarations.refetch()} />
      ) : (
        <DataTable
          rows={declarations.data}
          rowKey={(row) => row.id}
          compact
          aria-labelledby="protocole-ars-historique"
          empty="Aucune déclaration enregistrée. Une fois le dossier déposé auprès de l’ARS, notez-le ici : Maillage dira quand un changement d’équipe est à redéclarer."
          columns={[
            {
              header: 'Déclarée le',
              rowHeader: true,
              className: 'nowrap',
              cell: (row) => formatDateLong(row.declaredOn),
            },
            { header: 'Type', cell: (row) => row.kindLabel },
            {
              header: 'Canal et référence',
              cell: (row) => [row.channel, row.reference].filter(Boolean).join(' — ') || '—',
            },
            { header: 'Référent', cell: (row) => row.referentName ?? '—' },
            {
              header: 'Projet de santé attesté le',
              cell: (row) => (row.projectAttestedOn ? formatDateLong(row.projectAttestedOn) : '—'),
            },
            { header: 'Équipe déclarée', cell: (row) => declaredTeam(row.team) },
          ]}
          actionsClassName="row-actions"
          actions={(row) => (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => remove.ask(row)}
              aria-label={`Supprimer la déclaration du ${formatDateLong(row.declaredOn)}`}
            >
              Supprimer
            </button>
          )}
        />
      )}
      {remove.dialog}
    </section>
  );
}

/** « 2 délégants, 3 délégués », the names on hover. */
function declaredTeam(team: readonly DeclaredTeamMember[]) {
  const delegants = team.filter((member) => member.role === 'delegant').length;
  const delegues = team.filter((member) => member.role === 'delegue').length;
  if (team.length === 0) return '—';
  return (
    <span
      title={team.map((member) => `${member.memberName} (${member.roleLabel.toLocaleLowerCase('fr-FR')})`).join(', ')}
    >
      {plural(delegants, 'délégant')}, {plural(delegues, 'délégué')}
    </span>
  );
}

const named = (members: readonly DeclaredTeamMember[]) =>
  members.map((member) => `${member.memberName} (${member.roleLabel.toLocaleLowerCase('fr-FR')})`).join(', ');

/** What the ARS is owed now, naming the people; or that the declared team is up to date. */
export function DeclarationBanner({ status }: { status: ProtocolDeclarationStatus }) {
  if (status.owed && status.kind === 'initiale') {
    return (
      <div className="alert alert-warning" role="status">
        <p className="alert-title">Déclaration initiale à faire</p>
        <p>
          L’équipe n’a pas encore été déclarée à l’ARS
          {status.arrivals.length > 0 ? ` : ${named(status.arrivals)}.` : '.'}
        </p>
      </div>
    );
  }
  if (status.owed) {
    const changes = [
      status.arrivals.length > 0 ? plural(status.arrivals.length, 'arrivée') : null,
      status.departures.length > 0 ? plural(status.departures.length, 'départ') : null,
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <div className="alert alert-warning" role="status">
        <p className="alert-title">
          L’équipe a changé depuis la déclaration du {formatDateLong(status.lastDeclaredOn)} : {changes} — à déclarer à
          l’ARS
        </p>
        <ul>
          {status.arrivals.length > 0 && <li>Arrivées : {named(status.arrivals)}.</li>}
          {status.departures.length > 0 && <li>Départs : {named(status.departures)}.</li>}
        </ul>
      </div>
    );
  }
  if (status.lastDeclaredOn) {
    return (
      <p className="success-text">
        Équipe déclarée à l’ARS le {formatDateLong(status.lastDeclaredOn)} : aucun changement depuis.
      </p>
    );
  }
  return (
    <p className="muted">
      Aucun délégant ni délégué dans l’équipe pour l’instant : la déclaration à l’ARS viendra avec eux.
    </p>
  );
}

interface DeclareValues {
  declaredOn: string;
  channel: string;
  reference: string;
  referentMemberId: number | null;
  projectAttestedOn: string;
  note: string;
}

function DeclareForm({
  protocol,
  status,
  onDone,
}: {
  protocol: ProtocolDetail;
  status: ProtocolDeclarationStatus | null;
  onDone: () => void;
}) {
  const members = useMembers();
  const declare = useProtocolTeamWrite('protocolTeam.declare');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: protocolDeclareSchema,
    defaultValues: {
      declaredOn: toIsoDate(new Date()),
      channel: DEFAULT_CHANNEL,
      reference: '',
      referentMemberId: null,
      projectAttestedOn: '',
      note: '',
    } satisfies DeclareValues,
    prepare: (values: DeclareValues) => ({ ...values, protocolId: protocol.id }),
    submit: (data) => declare.mutateAsync(data),
    savedMessage: (saved) => `${saved.kindLabel} du ${formatDateLong(saved.declaredOn)} enregistrée.`,
    onSaved: onDone,
  });
  const kind = status?.kind === 'modification_equipe' ? 'modification de l’équipe' : 'déclaration initiale';
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label="Nouvelle déclaration à l’ARS">
      <h3>Nouvelle déclaration à l’ARS</h3>
      <p className="muted small">
        Ce sera une {kind} : l’équipe active aujourd’hui (délégants et délégués) est enregistrée avec elle.
      </p>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="ars-date" label="Déclarée le" required error={errors.declaredOn?.message}>
          {(a) => <input type="date" {...a} {...register('declaredOn')} />}
        </Field>
        <Field id="ars-canal" label="Canal" error={errors.channel?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('channel')} />}
        </Field>
        <Field
          id="ars-reference"
          label="Référence du dossier"
          hint="Le numéro du dossier déposé."
          error={errors.reference?.message}
        >
          {(a) => <input type="text" autoComplete="off" {...a} {...register('reference')} />}
        </Field>
        <Field id="ars-referent" label="Référent de la déclaration" error={errors.referentMemberId?.message}>
          {(a) => (
            <Controller
              control={control}
              name="referentMemberId"
              render={({ field }) => (
                <MemberCombobox
                  control={a}
                  options={memberOptions(members.data ?? [])}
                  value={field.value}
                  onChange={field.onChange}
                  listLabel="Adhérents proposés comme référent"
                />
              )}
            />
          )}
        </Field>
        <Field
          id="ars-attestation"
          label="Intégration au projet de santé attestée le"
          hint="Par le représentant légal de la CPTS."
          error={errors.projectAttestedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('projectAttestedOn')} />}
        </Field>
        <Field id="ars-note" label="Note" wide error={errors.note?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer la déclaration" onCancel={onDone} small />
    </form>
  );
}
