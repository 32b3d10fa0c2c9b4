/**
 * Paramètres › Sauvegardes: the copies in `sauvegardes/` with their check, « Sauvegarder maintenant »,
 * the restore (preview, then confirmation) and the transfer file for another computer.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { contract, type BackupsOverview, type RestoreInspection } from '@shared/contract';
import { BACKUP_KIND_LABELS, DEFAULT_BACKUP_KEEP, MIN_PASSPHRASE_LENGTH } from '@shared/domain/backups';
import { formatDateTimeLong, plural } from '@shared/format';
import { ApiCallError, errorMessage, queryKey } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { formatSize } from '../meetings/labels';
import { useBackups, useSettingsWrite } from './queries';

type Preview = Extract<RestoreInspection, { preview: unknown }>;
type Locked = Extract<RestoreInspection, { needsPassphrase: true }>;

/** « 2026-12-03 14:05:00 » (SQLite, UTC) or an ISO string → a Date. */
function parseStamp(value: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

export function BackupsSection() {
  const overview = useBackups();
  return (
    <section className="card" aria-labelledby="sauvegardes-titre">
      <h2 id="sauvegardes-titre">Sauvegardes</h2>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryError message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />
      ) : (
        <Backups overview={overview.data} />
      )}
    </section>
  );
}

function Backups({ overview }: { overview: BackupsOverview }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const saveNow = useSettingsWrite('backups.saveNow');
  const inspect = useSettingsWrite('backups.inspect');
  const [locked, setLocked] = useState<Locked | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [transferring, setTransferring] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKey('backups.list') });

  const onSaveNow = () =>
    saveNow.mutate(undefined, {
      onSuccess: (result) => {
        void refresh();
        if (result.saved)
          toast.notify({ kind: 'success', message: `Sauvegarde enregistrée et vérifiée : ${result.path}` });
      },
      onError: (error) =>
        toast.notify({ kind: 'error', message: `La sauvegarde n’a pas été faite : ${errorMessage(error)}` }),
    });

  const onInspected = (result: RestoreInspection) => {
    if ('cancelled' in result) return;
    if ('needsPassphrase' in result) setLocked(result);
    else setPreview(result);
  };
  const onInspectError = (error: unknown) => toast.notify({ kind: 'error', message: errorMessage(error) });

  return (
    <>
      <p className="muted">
        Maillage fait une copie de sa base de données au premier lancement de chaque jour et avant chaque mise à jour,
        dans le dossier <span className="path">{overview.dir}</span>. Chaque copie est vérifiée page par page. Une
        sauvegarde sur une clé USB ou un autre disque, de temps en temps, protège aussi contre la perte de l’ordinateur.
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onSaveNow} disabled={saveNow.isPending}>
          {saveNow.isPending ? 'Sauvegarde…' : 'Sauvegarder maintenant'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={inspect.isPending}
          onClick={() => inspect.mutate({ source: 'fichier' }, { onSuccess: onInspected, onError: onInspectError })}
        >
          Restaurer une sauvegarde…
        </button>
        <button type="button" className="button button-secondary" onClick={() => setTransferring(true)}>
          Transférer vers un autre ordinateur…
        </button>
      </div>

      <DataTable
        rows={overview.entries}
        rowKey={(entry) => entry.fileName}
        empty="Aucune sauvegarde dans ce dossier pour l’instant."
        compact
        scroll
        aria-label="Sauvegardes"
        columns={[
          { header: 'Date', cell: (entry) => formatDateTimeLong(new Date(entry.createdAt)) },
          { header: 'Type', cell: (entry) => BACKUP_KIND_LABELS[entry.kind] },
          { header: 'Taille', className: 'num', cell: (entry) => formatSize(entry.size) },
          {
            header: 'Vérification',
            cell: (entry) =>
              entry.check === 'ok' ? (
                <span className="badge badge-ok">Intacte</span>
              ) : (
                <span className="badge badge-warn" title={entry.checkDetail ?? undefined}>
                  Endommagée
                </span>
              ),
          },
        ]}
        actions={(entry) =>
          entry.check === 'ok' && (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Restaurer la sauvegarde du ${formatDateTimeLong(new Date(entry.createdAt))}`}
              disabled={inspect.isPending}
              onClick={() =>
                inspect.mutate(
                  { source: 'sauvegarde', fileName: entry.fileName },
                  { onSuccess: onInspected, onError: onInspectError },
                )
              }
            >
              Restaurer
            </button>
          )
        }
      />

      <KeepForm keep={overview.keep} />

      {locked && (
        <PassphraseDialog
          locked={locked}
          onClose={() => setLocked(null)}
          onOpened={(opened) => {
            setLocked(null);
            setPreview(opened);
          }}
        />
      )}
      {preview && <RestoreDialog inspection={preview} onClose={() => setPreview(null)} />}
      {transferring && <TransferDialog onClose={() => setTransferring(false)} />}
    </>
  );
}

function KeepForm({ keep }: { keep: number }) {
  const toast = useToast();
  const save = useSettingsWrite('backups.setKeep');
  const [value, setValue] = useState(String(keep));
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const raw = value.trim().replace(',', '.');
    const parsed = contract['backups.setKeep'].input.safeParse({ keep: raw === '' ? undefined : Number(raw) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Valeur invalide.');
      return;
    }
    setError(null);
    save.mutate(parsed.data, {
      onSuccess: (overview) => {
        setValue(String(overview.keep));
        toast.notify({
          kind: 'success',
          message: `Maillage garde désormais les ${overview.keep} dernières sauvegardes automatiques.`,
        });
      },
      onError: (failure) =>
        setError(failure instanceof ApiCallError ? (failure.fields.keep ?? failure.message) : errorMessage(failure)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="rules-inline" aria-label="Nombre de sauvegardes gardées">
      <Field
        id="backup-keep"
        label="Sauvegardes automatiques gardées"
        error={error ?? undefined}
        hint={`Les plus anciennes sont effacées au-delà ; ${DEFAULT_BACKUP_KEEP} par défaut. Les 3 dernières copies d’avant mise à jour et d’avant restauration sont toujours gardées.`}
      >
        {(a) => (
          <input
            type="number"
            min={1}
            max={100}
            step={1}
            className="number-input"
            {...a}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={save.isPending || value === String(keep)}>
          Enregistrer
        </button>
      </div>
    </form>
  );
}

function PassphraseDialog({
  locked,
  onClose,
  onOpened,
}: {
  locked: Locked;
  onClose: () => void;
  onOpened: (preview: Preview) => void;
}) {
  const inspect = useSettingsWrite('backups.inspect');
  const discard = useSettingsWrite('backups.discard');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    discard.mutate({ token: locked.token });
    onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError('Saisissez la phrase secrète.');
      return;
    }
    setError(null);
    inspect.mutate(
      { token: locked.token, passphrase },
      {
        onSuccess: (result) => {
          if ('preview' in result) onOpened(result);
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    );
  };
  return (
    <Dialog
      title="Fichier de transfert protégé"
      onClose={close}
      busy={inspect.isPending}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={close} disabled={inspect.isPending}>
            Annuler
          </button>
          <button type="submit" form="passphrase-form" className="button" disabled={inspect.isPending}>
            {inspect.isPending ? 'Ouverture…' : 'Ouvrir'}
          </button>
        </>
      }
    >
      <form id="passphrase-form" onSubmit={onSubmit} noValidate>
        <p>« {locked.fileName} » est chiffré. Saisissez la phrase secrète choisie quand il a été créé.</p>
        <Field id="restore-passphrase" label="Phrase secrète" error={error ?? undefined}>
          {(a) => (
            <input
              type="password"
              autoComplete="off"
              {...a}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}

function RestoreDialog({ inspection, onClose }: { inspection: Preview; onClose: () => void }) {
  const restore = useSettingsWrite('backups.restore');
  const discard = useSettingsWrite('backups.discard');
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const { preview } = inspection;
  const lastChange = preview.lastChange ? parseStamp(preview.lastChange) : null;
  const origin =
    inspection.origin === 'transfert'
      ? 'Fichier de transfert'
      : inspection.origin === 'sauvegarde'
        ? 'Copie du dossier des sauvegardes'
        : 'Fichier choisi';
  const cancel = () => {
    discard.mutate({ token: inspection.token });
    onClose();
  };
  return (
    <ConfirmDialog
      title="Restaurer cette sauvegarde ?"
      confirmLabel={restore.isPending ? 'Restauration…' : 'Remplacer les données actuelles'}
      danger
      busy={restore.isPending}
      error={failure}
      onCancel={cancel}
      onConfirm={() =>
        restore.mutate(
          { token: inspection.token, confirm: true },
          {
            onSuccess: () => {
              // Every screen reads the restored database from scratch.
              queryClient.clear();
              window.location.reload();
            },
            onError: (error) => {
              setFailure(errorMessage(error));
              void queryClient.invalidateQueries();
            },
          },
        )
      }
    >
      <p>
        {origin} : <span className="path">{inspection.fileName}</span>
      </p>
      <dl className="definition-list">
        <div>
          <dt>CPTS</dt>
          <dd>{preview.cptsName ?? 'sans nom'}</dd>
        </div>
        <div>
          <dt>Membres</dt>
          <dd>{plural(preview.members, 'membre')}</dd>
        </div>
        <div>
          <dt>Réunions</dt>
          <dd>{plural(preview.meetings, 'réunion')}</dd>
        </div>
        {inspection.origin === 'transfert' && (
          <div>
            <dt>Documents joints</dt>
            <dd>{plural(preview.documents, 'document')}</dd>
          </div>
        )}
        <div>
          <dt>Dernière modification</dt>
          <dd>{lastChange && !Number.isNaN(lastChange.getTime()) ? formatDateTimeLong(lastChange) : 'aucune'}</dd>
        </div>
      </dl>
      {preview.pendingMigrations > 0 && (
        <p>Elle vient d’une version précédente de Maillage : elle sera mise à jour en l’ouvrant.</p>
      )}
      <p>
        Les données actuelles seront remplacées par celles-ci. Elles sont d’abord copiées dans le dossier des
        sauvegardes (« Avant restauration ») : vous pourrez y revenir.
      </p>
    </ConfirmDialog>
  );
}

function TransferDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const transfer = useSettingsWrite('backups.transfer');
  const [protect, setProtect] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string; form?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (protect) {
      const parsed = contract['backups.transfer'].input.safeParse({ passphrase });
      if (!parsed.success) next.passphrase = parsed.error.issues[0]?.message ?? 'Phrase secrète invalide.';
      else if (confirmation !== passphrase) next.confirmation = 'Les deux saisies de la phrase secrète diffèrent.';
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    transfer.mutate(
      { passphrase: protect ? passphrase : null },
      {
        onSuccess: (result) => {
          if (!result.saved) return;
          onClose();
          toast.notify({ kind: 'success', message: `Fichier de transfert enregistré : ${result.path}` });
        },
        onError: (failure) => setErrors({ form: errorMessage(failure) }),
      },
    );
  };

  return (
    <Dialog
      title="Transférer vers un autre ordinateur"
      onClose={onClose}
      busy={transfer.isPending}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={transfer.isPending}>
            Annuler
          </button>
          <button type="submit" form="transfer-form" className="button" disabled={transfer.isPending}>
            {transfer.isPending ? 'Préparation…' : 'Créer le fichier de transfert'}
          </button>
        </>
      }
    >
      <form id="transfer-form" onSubmit={onSubmit} noValidate>
        <p>
          Un seul fichier <strong>.maillage</strong> réunit la base de données et les documents joints aux réunions. Sur
          l’autre ordinateur, installez Maillage puis choisissez « Restaurer une sauvegarde… » dans Paramètres.
        </p>
        <label className="checkbox-label">
          <input type="checkbox" checked={protect} onChange={(event) => setProtect(event.target.checked)} /> Protéger
          par une phrase secrète (recommandé : le fichier contient des données personnelles)
        </label>
        {protect && (
          <>
            <Field
              id="transfer-passphrase"
              label="Phrase secrète"
              error={errors.passphrase}
              hint={`${MIN_PASSPHRASE_LENGTH} caractères au moins. Transmettez-la autrement que le fichier (de vive voix, par téléphone) : sans elle, il ne peut pas être ouvert.`}
            >
              {(a) => (
                <input
                  type="password"
                  autoComplete="new-password"
                  {...a}
                  value={passphrase}
                  onChange={(event) => setPassphrase(event.target.value)}
                />
              )}
            </Field>
            <Field id="transfer-confirmation" label="Phrase secrète (confirmation)" error={errors.confirmation}>
              {(a) => (
                <input
                  type="password"
                  autoComplete="new-password"
                  {...a}
                  value={confirmation}
                  onChange={(event) => setConfirmation(event.target.value)}
                />
              )}
            </Field>
          </>
        )}
        {errors.form && (
          <p className="error-text" role="alert">
            {errors.form}
          </p>
        )}
      </form>
    </Dialog>
  );
}
