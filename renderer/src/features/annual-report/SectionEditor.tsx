import { useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  type ActivityDraft,
  type ActivityDraftPhoto,
  type ActivityDraftSection,
  activitySectionSaveSchema,
} from '@shared/contract';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';
import { useToast } from '../../components/Toasts';
import { useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { useContractForm } from '../../components/useContractForm';
import { useAnnualReportWrite } from './queries';

interface SectionValues {
  year: number;
  key: ActivityDraftSection['key'];
  included: boolean;
  body: string;
  difficulties: string;
  nextSteps: string;
}

const toForm = (year: number, section: ActivityDraftSection): SectionValues => ({
  year,
  key: section.key,
  included: section.included,
  body: section.body ?? '',
  difficulties: section.difficulties ?? '',
  nextSteps: section.nextSteps ?? '',
});

/**
 * One section of the report: « Inclure », the coordinator's text (and, for a mission, its difficulties and next
 * steps), its photos, and what the data says of it (`children`: figures and charts).
 */
export function SectionEditor({
  draft,
  section,
  number,
  children,
}: {
  draft: ActivityDraft;
  section: ActivityDraftSection;
  number: number;
  children?: ReactNode;
}) {
  const save = useAnnualReportWrite('reportDrafts.saveSection');
  const form = useContractForm({
    schema: activitySectionSaveSchema,
    defaultValues: toForm(draft.year, section),
    submit: save.mutateAsync,
    savedMessage: (_saved, values) =>
      values.included
        ? `Partie « ${section.title} » enregistrée.`
        : `Partie « ${section.title} » enregistrée : elle ne sera pas imprimée.`,
    onSaved: (saved, _data, self) => {
      const fresh = saved.sections.find((entry) => entry.key === section.key);
      if (fresh) self.reset(toForm(saved.year, fresh));
    },
  });
  const { register, errors, control } = form;
  const included = useWatch({ control, name: 'included' });
  const id = `partie-${section.key}`;
  const photos = draft.photos.filter((photo) => photo.sectionKey === section.key);

  return (
    <section className={`card annual-section${included ? '' : ' annual-section-excluded'}`} aria-labelledby={id}>
      <form onSubmit={form.onSubmit} noValidate>
        <div className="annual-section-head">
          <h2 id={id}>
            <span className="annual-section-number">{number}.</span> {section.title}
          </h2>
          <label className="checkbox-label">
            <input type="checkbox" {...register('included')} aria-describedby={`${id}-inclure`} /> Inclure
          </label>
        </div>
        <p id={`${id}-inclure`} className="muted small">
          {included
            ? 'Cette partie est imprimée dans le rapport.'
            : 'Cette partie est laissée de côté : ni le rapport ni son sommaire ne la montrent.'}
        </p>
        {included && children}
        <FormError message={form.formError} />
        <div className="form-grid">
          <Field
            id={`${id}-texte`}
            label="Texte de la partie"
            wide
            hint="Ce que les chiffres ne disent pas : le contexte, ce qui a été fait, ce qu’il faut retenir."
            error={errors.body?.message}
          >
            {(props) => <textarea {...props} rows={5} {...register('body')} />}
          </Field>
          {section.missionCode && (
            <>
              <Field id={`${id}-difficultes`} label="Difficultés" error={errors.difficulties?.message}>
                {(props) => <textarea {...props} rows={3} {...register('difficulties')} />}
              </Field>
              <Field id={`${id}-perspectives`} label="Perspectives" error={errors.nextSteps?.message}>
                {(props) => <textarea {...props} rows={3} {...register('nextSteps')} />}
              </Field>
            </>
          )}
        </div>
        <FormActions pending={form.isSubmitting} submitLabel="Enregistrer la partie" secondary />
      </form>
      <SectionPhotos year={draft.year} sectionKey={section.key} title={section.title} photos={photos} />
    </section>
  );
}

/** The photos printed in a section: add (PNG or JPEG), caption, remove. */
function SectionPhotos({
  year,
  sectionKey,
  title,
  photos,
}: {
  year: number;
  sectionKey: ActivityDraftSection['key'];
  title: string;
  photos: ActivityDraftPhoto[];
}) {
  const toast = useToast();
  const add = useAnnualReportWrite('reportDrafts.addPhoto');
  const remove = useAnnualReportWrite('reportDrafts.deletePhoto');
  const confirm = useConfirmedDelete(remove, {
    title: (photo: ActivityDraftPhoto) => `Retirer la photo « ${photo.fileName} » ?`,
    body: () => 'Elle ne sera plus imprimée dans le rapport, et le fichier conservé par Maillage sera supprimé.',
    input: (photo) => ({ id: photo.id }),
    confirmLabel: 'Retirer',
    deletedMessage: (photo) => `Photo « ${photo.fileName} » retirée.`,
  });
  const headingId = `photos-${sectionKey}`;
  return (
    <div className="annual-photos">
      <h3 id={headingId} className="small">
        Photos de la partie
      </h3>
      {photos.length === 0 ? (
        <p className="muted small">Aucune photo. Une image PNG ou JPEG de 10 Mo au plus peut illustrer la partie.</p>
      ) : (
        <ul className="plain-list annual-photo-list" aria-labelledby={headingId}>
          {photos.map((photo) => (
            <PhotoCaption key={photo.id} photo={photo} onRemove={() => confirm.ask(photo)} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={`Ajouter une photo à la partie « ${title} »`}
        disabled={add.isPending}
        onClick={() =>
          add.mutate(
            { year, sectionKey },
            {
              onSuccess: (result) => {
                if (!('cancelled' in result)) toast.notify({ kind: 'success', message: 'Photo ajoutée.' });
              },
              onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
            },
          )
        }
      >
        {add.isPending ? 'Ajout…' : 'Ajouter une photo…'}
      </button>
      {add.isError && (
        <p role="alert" className="field-error">
          {errorMessage(add.error)}
        </p>
      )}
      {confirm.dialog}
    </div>
  );
}

/** A photo of a section: its file, its caption (saved on its own), « Retirer ». */
function PhotoCaption({ photo, onRemove }: { photo: ActivityDraftPhoto; onRemove: () => void }) {
  const update = useAnnualReportWrite('reportDrafts.updatePhoto');
  const toast = useToast();
  const [caption, setCaption] = useState(photo.caption ?? '');
  useUnsavedValuesGuard([caption], photo);
  const inputId = `photo-${photo.id}-legende`;
  const failure = update.isError ? errorMessage(update.error) : null;
  return (
    <li className="annual-photo">
      <form
        className="annual-photo-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { id: photo.id, caption, sectionKey: photo.sectionKey },
            { onSuccess: () => toast.notify({ kind: 'success', message: 'Légende enregistrée.' }) },
          );
        }}
      >
        <span className="annual-photo-file">{photo.fileName}</span>
        <label htmlFor={inputId} className="visually-hidden">
          Légende de {photo.fileName}
        </label>
        <input
          id={inputId}
          value={caption}
          placeholder="Légende"
          aria-invalid={Boolean(failure)}
          aria-describedby={failure ? `${inputId}-erreur` : undefined}
          onChange={(event) => setCaption(event.target.value)}
        />
        <button type="submit" className="button button-secondary button-small" disabled={update.isPending}>
          Enregistrer la légende
        </button>
        <OpenDocumentButton target={{ documentId: photo.documentId }} name={photo.fileName} />
        <DeleteButton label={`Retirer la photo ${photo.fileName}`} onClick={onRemove} />
      </form>
      {failure && (
        <p id={`${inputId}-erreur`} className="field-error">
          {failure}
        </p>
      )}
    </li>
  );
}
