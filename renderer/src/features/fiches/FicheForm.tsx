import { useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { ficheSchema, type FicheData, type FicheDetail, type PartnershipRow } from '@shared/contract';
import { CPTS_ROLES, FICHE_STATUSES } from '@shared/domain/fiche-labels';
import type { MemberListRow } from '@shared/domain/members';
import { plural } from '@shared/format';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { MemberCombobox } from '../ag/proxies/MemberCombobox';
import { CodeOptions } from '../meetings/CodeOptions';
import { useTerritory } from '../territory/queries';
import { FICHE_FIELDS, type FicheFormValues, ficheToForm, formToFiche, memberOptions } from './ficheFormValues';
import { MISSION_OPTIONS, partnershipName } from './labels';

interface Props {
  /** The fiche being edited, or null for a new one. */
  detail: FicheDetail | null;
  members: MemberListRow[];
  partnerships: PartnershipRow[];
  /** A new fiche under this partnership (from the partnerships page). */
  partnershipId?: number;
  save: (data: FicheData) => Promise<FicheDetail>;
  onSaved: (saved: FicheDetail) => void;
  onCancel: () => void;
}

/**
 * The fiche as a CLS fiche reads: identification and links, role of the CPTS, texts (context, objectives,
 * description, public), communes of the territory, pilot and référents, partner organisations, status and dates,
 * difficulties and next steps. Milestones, budget and meetings are edited in their own sections of the fiche page.
 */
export function FicheForm({ detail, members, partnerships, partnershipId, save, onSaved, onCancel }: Props) {
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: ficheSchema,
    defaultValues: ficheToForm(detail?.data ?? null, partnershipId),
    prepare: (values: FicheFormValues) => formToFiche(values, detail?.data ?? null),
    fields: FICHE_FIELDS,
    serverPrefix: detail ? 'data.' : undefined,
    submit: save,
    savedMessage: (saved) => (detail ? `Fiche « ${saved.title} » enregistrée.` : `Fiche « ${saved.title} » créée.`),
    failedMessage: (message) => `La fiche n’a pas été enregistrée : ${message}`,
    onSaved: (saved, _data, form) => {
      form.reset(ficheToForm(saved.data));
      onSaved(saved);
    },
  });
  const cptsRole = useWatch({ control, name: 'cptsRole' });
  const referents = useFieldArray({ control, name: 'referents' });
  const partners = useFieldArray({ control, name: 'partners' });
  const referentIds = useWatch({ control, name: 'referents' }).map((r) => r.memberId);
  const pilotId = useWatch({ control, name: 'pilotMemberId' });
  const [adding, setAdding] = useState<number | null>(null);
  const keep = [...referentIds, ...(pilotId ? [pilotId] : [])];
  const options = memberOptions(members, keep);
  const nameOf = (id: number) => options.find((o) => o.id === id)?.name ?? `Adhérent n° ${id}`;

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="fiche-form-titre">
      <h2 id="fiche-form-titre">{detail ? 'Modifier la fiche action' : 'Nouvelle fiche action'}</h2>
      <FormError message={formError} />

      <fieldset className="form-section">
        <legend>Identification</legend>
        <div className="form-grid">
          <Field id="f-title" label="Titre" required wide error={errors.title?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
          </Field>
          <Field
            id="f-code"
            label="Code"
            hint="Par exemple « FA-01 » : unique dans la CPTS."
            error={errors.code?.message}
          >
            {(a) => <input type="text" autoComplete="off" {...a} {...register('code')} />}
          </Field>
          <Field id="f-axis" label="Axe du projet de santé" error={errors.axis?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('axis')} />}
          </Field>
          <Field id="f-mission" label="Mission de l’ACI" error={errors.missionCode?.message}>
            {(a) => (
              <select {...a} {...register('missionCode')}>
                <option value="">— Aucune —</option>
                <CodeOptions items={MISSION_OPTIONS} />
              </select>
            )}
          </Field>
          <Field id="f-status" label="Statut" error={errors.status?.message}>
            {(a) => (
              <select {...a} {...register('status')}>
                <CodeOptions items={FICHE_STATUSES} />
              </select>
            )}
          </Field>
          <Field id="f-partnership" label="Partenariat" error={errors.partnershipId?.message}>
            {(a) => (
              <select {...a} {...register('partnershipId')}>
                <option value="">— Aucun —</option>
                {partnerships.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {partnershipName(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="f-external-ref"
            label="Référence chez le partenaire"
            hint="Par exemple « CLS III, fiche 3 »."
            error={errors.externalRef?.message}
          >
            {(a) => <input type="text" autoComplete="off" {...a} {...register('externalRef')} />}
          </Field>
          <Field id="f-role" label="Rôle de la CPTS" error={errors.cptsRole?.message}>
            {(a) => (
              <select {...a} {...register('cptsRole')}>
                {CPTS_ROLES.map((role) => (
                  <option key={role.code} value={role.code}>
                    {role.label} — {role.long.charAt(0).toLocaleLowerCase('fr-FR') + role.long.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {cptsRole !== 'porteur' ? (
            <Field
              id="f-porteur"
              label="Organisation porteuse"
              hint="GHRMSA, Ville de Mulhouse…"
              error={errors.porteurOrg?.message}
            >
              {(a) => <input type="text" autoComplete="off" {...a} {...register('porteurOrg')} />}
            </Field>
          ) : (
            <div className="field-spacer" aria-hidden="true" />
          )}
          <Field id="f-starts" label="Début de l’action" error={errors.startsOn?.message}>
            {(a) => <input type="date" {...a} {...register('startsOn')} />}
          </Field>
          <Field id="f-ends" label="Fin de l’action" error={errors.endsOn?.message}>
            {(a) => <input type="date" {...a} {...register('endsOn')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Contenu de l’action</legend>
        <div className="form-grid">
          <Field id="f-context" label="Contexte et constat" wide error={errors.context?.message}>
            {(a) => <textarea rows={3} {...a} {...register('context')} />}
          </Field>
          <Field id="f-general" label="Objectif général" wide error={errors.generalObjective?.message}>
            {(a) => <textarea rows={2} {...a} {...register('generalObjective')} />}
          </Field>
          <Field
            id="f-operational"
            label="Objectifs opérationnels"
            hint="Un objectif par ligne."
            wide
            error={errors.operationalObjectives?.message}
          >
            {(a) => <textarea rows={3} {...a} {...register('operationalObjectives')} />}
          </Field>
          <Field id="f-description" label="Description et étapes" wide error={errors.description?.message}>
            {(a) => <textarea rows={3} {...a} {...register('description')} />}
          </Field>
          <Field id="f-public" label="Public visé" wide error={errors.targetPublic?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('targetPublic')} />}
          </Field>
        </div>
        <Controller
          control={control}
          name="communes"
          render={({ field }) => (
            <CommuneChoices value={field.value} onChange={field.onChange} error={errors.communes?.message} />
          )}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Pilote, référents et partenaires</legend>
        <div className="form-grid">
          <Field id="f-pilot" label="Pilote (adhérent)" error={errors.pilotMemberId?.message}>
            {(a) => (
              <Controller
                control={control}
                name="pilotMemberId"
                render={({ field }) => (
                  <MemberCombobox
                    control={a}
                    options={options}
                    value={field.value}
                    onChange={field.onChange}
                    listLabel="Adhérents proposés comme pilote"
                  />
                )}
              />
            )}
          </Field>
          <Field id="f-referent-add" label="Ajouter un référent" hint="Tapez un nom puis choisissez dans la liste.">
            {(a) => (
              <MemberCombobox
                control={a}
                options={options.filter((o) => !referentIds.includes(o.id))}
                value={adding}
                onChange={(id) => {
                  if (id === null) return setAdding(null);
                  referents.append({ memberId: id, role: '' });
                  setAdding(null);
                }}
                listLabel="Adhérents proposés comme référents"
              />
            )}
          </Field>
        </div>
        {referents.fields.length > 0 && (
          <ul className="plain-list fiche-people" aria-label="Référents">
            {referents.fields.map((field, index) => (
              <li key={field.id} className="fiche-person">
                <span>{nameOf(field.memberId)}</span>
                <label className="visually-hidden" htmlFor={`f-referent-${index}-role`}>
                  Rôle de {nameOf(field.memberId)}
                </label>
                <input
                  id={`f-referent-${index}-role`}
                  type="text"
                  autoComplete="off"
                  placeholder="Rôle (facultatif)"
                  {...register(`referents.${index}.role`)}
                />
                <button
                  type="button"
                  className="button button-small button-ghost"
                  onClick={() => referents.remove(index)}
                  aria-label={`Retirer ${nameOf(field.memberId)} des référents`}
                >
                  Retirer
                </button>
                {errors.referents?.[index]?.memberId?.message && (
                  <p className="field-error">{errors.referents[index]?.memberId?.message}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3 className="fiche-subtitle">Organisations partenaires</h3>
        {partners.fields.length === 0 && <p className="muted small">Aucune organisation partenaire.</p>}
        {partners.fields.map((field, index) => (
          <div key={field.id} className="form-grid fiche-partner-row">
            <Field
              id={`f-partner-${index}`}
              label={`Organisation ${index + 1}`}
              error={errors.partners?.[index]?.organisation?.message}
            >
              {(a) => <input type="text" autoComplete="off" {...a} {...register(`partners.${index}.organisation`)} />}
            </Field>
            <div className="fiche-partner-role">
              <Field
                id={`f-partner-${index}-role`}
                label={`Rôle de l’organisation ${index + 1}`}
                error={errors.partners?.[index]?.role?.message}
              >
                {(a) => <input type="text" autoComplete="off" {...a} {...register(`partners.${index}.role`)} />}
              </Field>
              <button type="button" className="button button-small button-ghost" onClick={() => partners.remove(index)}>
                Retirer l’organisation {index + 1}
              </button>
            </div>
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => partners.append({ organisation: '', role: '' })}
          >
            Ajouter une organisation partenaire
          </button>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Suivi</legend>
        <div className="form-grid">
          <Field id="f-difficulties" label="Difficultés rencontrées" wide error={errors.difficulties?.message}>
            {(a) => <textarea rows={2} {...a} {...register('difficulties')} />}
          </Field>
          <Field id="f-next" label="Perspectives et prochaines étapes" wide error={errors.nextSteps?.message}>
            {(a) => <textarea rows={2} {...a} {...register('nextSteps')} />}
          </Field>
        </div>
      </fieldset>

      <FormActions
        pending={isSubmitting}
        submitLabel={detail ? 'Enregistrer la fiche' : 'Créer la fiche action'}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The communes of the action, ticked among the territory's communes (a filter box when there are many). */
function CommuneChoices({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error: string | undefined;
}) {
  const territory = useTerritory();
  const [filter, setFilter] = useState('');
  const communes = territory.data?.communes ?? [];
  const shown = filter.trim()
    ? communes.filter((c) =>
        `${c.nom} ${c.code}`.toLocaleLowerCase('fr-FR').includes(filter.trim().toLocaleLowerCase('fr-FR')),
      )
    : communes;
  const toggle = (code: string) => onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
  // A stored commune that left the territory stays visible, to be unticked.
  const outside = value.filter((code) => !communes.some((c) => c.code === code));

  return (
    <fieldset className={`radio-field fiche-communes${error ? ' field-invalid' : ''}`}>
      <legend>Communes concernées</legend>
      {territory.isPending ? (
        <p className="muted small">Chargement du territoire…</p>
      ) : communes.length === 0 ? (
        <p className="muted small">
          Le territoire de la CPTS n’a encore aucune commune : ajoutez-les dans « Territoire » pour les choisir ici.
        </p>
      ) : (
        <div className="fiche-communes-body">
          {communes.length > 12 && (
            <div className="field">
              <label htmlFor="f-communes-filtre">Filtrer les communes</label>
              <input
                id="f-communes-filtre"
                type="search"
                autoComplete="off"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </div>
          )}
          <p className="muted small">
            {value.length === 0
              ? 'Aucune commune cochée : l’action concerne tout le territoire.'
              : plural(value.length, 'commune cochée', 'communes cochées')}
          </p>
          <div className="commune-choices">
            {[...shown.map((c) => ({ code: c.code, nom: c.nom })), ...outside.map((code) => ({ code, nom: code }))].map(
              (c) => (
                <label key={c.code} className="checkbox-label">
                  <input type="checkbox" checked={value.includes(c.code)} onChange={() => toggle(c.code)} />
                  {c.nom} <span className="muted small">({c.code})</span>
                </label>
              ),
            )}
          </div>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
