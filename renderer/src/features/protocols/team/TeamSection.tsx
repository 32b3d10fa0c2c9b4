import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Link } from 'react-router-dom';
import {
  contract,
  type ProtocolDetail,
  type ProtocolTeamRow,
  protocolTeamAddSchema,
  protocolTeamUpdateSchema,
} from '@shared/contract';
import { formatDateLong, plural, toIsoDate } from '@shared/format';
import { errorMessage } from '../../../api';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { Loading, QueryError } from '../../../components/Page';
import { useContractForm } from '../../../components/useContractForm';
import { MemberCombobox } from '../../ag/proxies/MemberCombobox';
import { memberOptions } from '../../fiches/ficheFormValues';
import { CodeOptions } from '../../meetings/CodeOptions';
import { useMembers } from '../../members/queries';
import { useProtocolTeam, useProtocolTeamWrite } from './queries';
import { needsRpps, roleGroupsFor, rolesFor, rppsProblem } from './roles';
import './team.css';

type Editing = { kind: 'add' } | { kind: 'edit'; row: ProtocolTeamRow } | { kind: 'leave'; row: ProtocolTeamRow };

/**
 * The protocol's team, by role (délégants then délégués first for a cooperation protocol, each with profession and
 * RPPS): who joined, left and signed the adhesion; add a member, record a departure, correct or remove a line.
 */
export function TeamSection({ protocol }: { protocol: ProtocolDetail }) {
  const team = useProtocolTeam(protocol.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const remove = useConfirmedDelete(useProtocolTeamWrite('protocolTeam.remove'), {
    title: (row: ProtocolTeamRow) => `Retirer ${row.memberName} de l’équipe ?`,
    body: (row) => (
      <p>
        La ligne « {row.roleLabel} » sera effacée comme si elle n’avait jamais existé. Pour garder la trace d’un départ,
        utilisez plutôt « Départ ».
      </p>
    ),
    input: (row) => ({ id: row.id }),
    confirmLabel: 'Retirer de l’équipe',
    deletedMessage: (row) => `${row.memberName} retiré·e de l’équipe.`,
  });

  const rows = team.data ?? [];
  const active = rows.filter((row) => row.active).length;
  return (
    <section className="card" aria-labelledby="protocole-equipe-titre">
      <div className="card-header">
        <h2 id="protocole-equipe-titre">Équipe</h2>
        {team.data && (
          <p className="muted small">{active > 0 ? `${plural(active, 'membre actif', 'membres actifs')}` : ''}</p>
        )}
      </div>
      {protocol.isCooperation && (
        <p className="muted small">
          Protocole de coopération : les délégants et les délégués sont déclarés à l’ARS avec leur numéro RPPS, et au
          moins un médecin délégant est nécessaire pour le mettre en vigueur.
        </p>
      )}
      {team.isPending ? (
        <Loading />
      ) : team.isError ? (
        <QueryError message={errorMessage(team.error)} onRetry={() => void team.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">
          Personne dans l’équipe pour l’instant. Ajoutez les{' '}
          {protocol.isCooperation ? 'délégants, les délégués' : 'rédacteurs, les utilisateurs'} et le référent du
          protocole.
        </p>
      ) : (
        roleGroupsFor(protocol.family).map((role) => {
          const members = rows.filter((row) => row.role === role.code);
          if (members.length === 0) return null;
          const headingId = `protocole-equipe-${role.code}`;
          return (
            <div key={role.code} className="team-group">
              <h3 id={headingId}>
                {members.length > 1 ? role.plural : role.label} <span className="muted small">({members.length})</span>
              </h3>
              <TeamTable
                rows={members}
                labelledBy={headingId}
                showRpps={protocol.isCooperation || needsRpps(role.code)}
                onEdit={(row) => setEditing({ kind: 'edit', row })}
                onLeave={(row) => setEditing({ kind: 'leave', row })}
                onRemove={remove.ask}
              />
            </div>
          );
        })
      )}
      {editing?.kind === 'add' || editing?.kind === 'edit' ? (
        <TeamMemberForm
          key={editing.kind === 'edit' ? editing.row.id : 'nouveau'}
          protocol={protocol}
          row={editing.kind === 'edit' ? editing.row : null}
          onDone={() => setEditing(null)}
        />
      ) : editing?.kind === 'leave' ? (
        <LeaveForm key={editing.row.id} row={editing.row} onDone={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing({ kind: 'add' })}>
            Ajouter à l’équipe
          </button>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}

function TeamTable({
  rows,
  labelledBy,
  showRpps,
  onEdit,
  onLeave,
  onRemove,
}: {
  rows: ProtocolTeamRow[];
  labelledBy: string;
  showRpps: boolean;
  onEdit: (row: ProtocolTeamRow) => void;
  onLeave: (row: ProtocolTeamRow) => void;
  onRemove: (row: ProtocolTeamRow) => void;
}) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      compact
      className="team-table"
      aria-labelledby={labelledBy}
      rowProps={(row) => ({ className: row.active ? undefined : 'team-left' })}
      columns={[
        {
          header: 'Membre',
          rowHeader: true,
          cell: (row) => (
            <>
              <Link to={`/adherents/${row.memberId}`}>{row.memberName}</Link>
              {otherWarnings(row, showRpps).map((warning) => (
                <span key={warning} className="cell-sub error-text">
                  {warning}
                </span>
              ))}
            </>
          ),
        },
        { header: 'Profession', cell: (row) => row.professionLabel ?? '—' },
        ...(showRpps
          ? [
              {
                header: 'RPPS',
                cell: (row: ProtocolTeamRow) => <RppsCell row={row} />,
              },
            ]
          : []),
        { header: 'Entrée', className: 'nowrap', cell: (row) => formatDateLong(row.joinedOn) },
        {
          header: 'Adhésion signée',
          className: 'nowrap',
          cell: (row) => (row.adhesionSignedOn ? formatDateLong(row.adhesionSignedOn) : '—'),
        },
        {
          header: 'Départ',
          className: 'nowrap',
          cell: (row) => (row.leftOn ? formatDateLong(row.leftOn) : <span className="muted">actif</span>),
        },
      ]}
      actionsClassName="row-actions"
      actions={(row) => (
        <>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => onEdit(row)}
            aria-label={`Modifier la ligne de ${row.memberName}`}
          >
            Modifier
          </button>
          {row.active && (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => onLeave(row)}
              aria-label={`Départ de ${row.memberName}`}
            >
              Départ
            </button>
          )}
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => onRemove(row)}
            aria-label={`Retirer ${row.memberName} de l’équipe`}
          >
            Retirer
          </button>
        </>
      )}
    />
  );
}

/** The RPPS of a délégant or délégué: the number, or in red what is wrong with a link to complete the member. */
function RppsCell({ row }: { row: ProtocolTeamRow }) {
  const problem = rppsProblem(row.rpps);
  if (!problem) return <span className="mono">{row.rpps}</span>;
  return (
    <span className="team-rpps-problem">
      <span className="error-text">
        {problem}
        {row.rpps ? ` (${row.rpps})` : ''}
      </span>{' '}
      <Link to={`/adherents/${row.memberId}`} aria-label={`Compléter la fiche de ${row.memberName}`}>
        compléter la fiche
      </Link>
    </span>
  );
}

/** The server's warnings, minus the RPPS one when the RPPS column already says it. */
const otherWarnings = (row: ProtocolTeamRow, showRpps: boolean) =>
  showRpps ? row.warnings.filter((warning) => !/RPPS/i.test(warning)) : row.warnings;

interface TeamMemberValues {
  memberId: number | null;
  role: string;
  joinedOn: string;
  adhesionSignedOn: string;
  leftOn: string;
}

/** Add a member to the team (role limited by the family), or correct a line. */
function TeamMemberForm({
  protocol,
  row,
  onDone,
}: {
  protocol: ProtocolDetail;
  row: ProtocolTeamRow | null;
  onDone: () => void;
}) {
  const members = useMembers();
  const add = useProtocolTeamWrite('protocolTeam.add');
  const update = useProtocolTeamWrite('protocolTeam.update');
  const roles = rolesFor(protocol.family);
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: row ? protocolTeamUpdateSchema : protocolTeamAddSchema,
    defaultValues: {
      memberId: row?.memberId ?? null,
      role: row?.role ?? roles[0]!.code,
      joinedOn: row?.joinedOn ?? toIsoDate(new Date()),
      adhesionSignedOn: row?.adhesionSignedOn ?? '',
      leftOn: row?.leftOn ?? '',
    } satisfies TeamMemberValues,
    prepare: (values: TeamMemberValues) => ({
      ...(row ? { id: row.id, leftOn: values.leftOn } : { protocolId: protocol.id }),
      memberId: values.memberId ?? undefined,
      role: values.role,
      joinedOn: values.joinedOn,
      adhesionSignedOn: values.adhesionSignedOn,
    }),
    submit: (data) =>
      row
        ? update.mutateAsync(data as Parameters<typeof update.mutateAsync>[0])
        : add.mutateAsync(data as Parameters<typeof add.mutateAsync>[0]),
    savedMessage: (saved) =>
      row
        ? `Ligne de ${saved.memberName} enregistrée.`
        : `${saved.memberName} ajouté·e à l’équipe (${saved.roleLabel}).`,
    onSaved: onDone,
  });
  const title = row ? `Modifier la ligne de ${row.memberName}` : 'Ajouter à l’équipe';
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field
          id="equipe-membre"
          label="Adhérent"
          required
          hint={row ? undefined : 'Tapez un nom puis choisissez dans la liste.'}
          error={errors.memberId?.message}
        >
          {(a) => (
            <Controller
              control={control}
              name="memberId"
              render={({ field }) => (
                <MemberCombobox
                  control={a}
                  options={memberOptions(members.data ?? [], row ? [row.memberId] : [])}
                  value={field.value}
                  onChange={field.onChange}
                  listLabel="Adhérents proposés"
                />
              )}
            />
          )}
        </Field>
        <Field
          id="equipe-role"
          label="Rôle"
          required
          hint={protocol.isCooperation ? undefined : 'Sans transfert d’actes : ni délégant ni délégué.'}
          error={errors.role?.message}
        >
          {(a) => (
            <select {...a} {...register('role')}>
              <CodeOptions items={roles} />
            </select>
          )}
        </Field>
        <Field id="equipe-entree" label="Entrée dans l’équipe le" required error={errors.joinedOn?.message}>
          {(a) => <input type="date" {...a} {...register('joinedOn')} />}
        </Field>
        <Field id="equipe-adhesion" label="Adhésion signée le" error={errors.adhesionSignedOn?.message}>
          {(a) => <input type="date" {...a} {...register('adhesionSignedOn')} />}
        </Field>
        {row && (
          <Field id="equipe-depart" label="Départ le" error={errors.leftOn?.message}>
            {(a) => <input type="date" {...a} {...register('leftOn')} />}
          </Field>
        )}
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer' : 'Ajouter à l’équipe'}
        onCancel={onDone}
        small
      />
    </form>
  );
}

/** « Départ »: the date a member left the team (kept in the history, and owed to the ARS for a cooperation one). */
function LeaveForm({ row, onDone }: { row: ProtocolTeamRow; onDone: () => void }) {
  const leave = useProtocolTeamWrite('protocolTeam.leave');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: contract['protocolTeam.leave'].input,
    defaultValues: { leftOn: toIsoDate(new Date()) },
    prepare: (values: { leftOn: string }) => ({ id: row.id, leftOn: values.leftOn }),
    submit: (data) => leave.mutateAsync(data),
    savedMessage: (saved) => `Départ de ${saved.memberName} enregistré.`,
    onSaved: onDone,
  });
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label={`Départ de ${row.memberName}`}>
      <h3>
        Départ de {row.memberName} ({row.roleLabel.toLocaleLowerCase('fr-FR')})
      </h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="equipe-sortie" label="Quitte l’équipe le" required error={errors.leftOn?.message}>
          {(a) => <input type="date" {...a} {...register('leftOn')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le départ" onCancel={onDone} small />
    </form>
  );
}
