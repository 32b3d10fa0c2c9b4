/** The third step of the import: what the file would create, update or refuse, before anything is written. */
import { useState } from 'react';
import type { ImportOpened, ImportPreview, ImportResult, ImportRowPreview } from '@shared/contract';
import { formatDateLong, formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { useToast } from '../../components/Toasts';
import type { HeadingRef, ImportOptions } from './importSteps';
import { ImportProgressBar } from './ImportProgress';
import { useMembersWrite } from './queries';

/** Rows listed per section of the preview; the counts stay exact. */
const SHOWN_ROWS = 200;

const MATCHED_BY: Record<NonNullable<ImportRowPreview['matchedBy']>, string> = {
  rpps: 'reconnu par son RPPS',
  finess_siret: 'reconnue par son FINESS ou son SIRET',
  nom_profession_commune: 'reconnu par nom, profession et commune',
  nom_commune: 'reconnue par son nom et sa commune',
};

type PreviewTab = 'toCreate' | 'toUpdate' | 'unchanged' | 'duplicates' | 'errors';
const TABS: { key: PreviewTab; caption: (n: number) => string; tone: string }[] = [
  { key: 'toCreate', caption: () => 'à créer', tone: 'create' },
  { key: 'toUpdate', caption: () => 'à mettre à jour', tone: 'update' },
  { key: 'unchanged', caption: (n) => (n > 1 ? 'inchangés' : 'inchangé'), tone: 'same' },
  { key: 'duplicates', caption: (n) => (n > 1 ? 'doublons ignorés' : 'doublon ignoré'), tone: 'same' },
  { key: 'errors', caption: () => 'en erreur', tone: 'error' },
];

export function PreviewStep({
  heading,
  opened,
  mapping,
  preview,
  options,
  onPreview,
  onBack,
  onApplied,
}: {
  heading: HeadingRef;
  opened: ImportOpened;
  mapping: (string | null)[];
  preview: ImportPreview;
  options: ImportOptions;
  onPreview: (preview: ImportPreview, options: ImportOptions) => void;
  onBack: () => void;
  onApplied: (result: ImportResult) => void;
}) {
  const toast = useToast();
  const apply = useMembersWrite('members.importApply');
  const again = useMembersWrite('members.importPreview');
  const firstTab = TABS.find((tab) => preview[tab.key].length > 0)?.key ?? 'toCreate';
  const [tab, setTab] = useState<PreviewTab>(preview.errors.length > 0 ? 'errors' : firstTab);
  const [dateChoice, setDateChoice] = useState<'none' | 'date'>(options.undatedOn ? 'date' : 'none');
  const [dateText, setDateText] = useState(options.undatedOn ?? '');
  const valid = preview.total - preview.errors.length - preview.duplicates.length;
  const writes = preview.toCreate.length + preview.toUpdate.length;
  const busy = apply.isPending || again.isPending;

  /** The preview again with other choices: what the import writes depends on them. */
  const rerun = (next: ImportOptions) =>
    again.mutate({ token: preview.token, mapping, options: next }, { onSuccess: (fresh) => onPreview(fresh, next) });
  const undatedCount = preview.undated.cotisations + preview.undated.consents;
  const undatedWhat = [
    preview.undated.cotisations > 0
      ? plural(
          preview.undated.cotisations,
          'cotisation payée sans date de paiement',
          'cotisations payées sans date de paiement',
        )
      : null,
    preview.undated.consents > 0
      ? plural(
          preview.undated.consents,
          'accord pour l’annuaire (« oui ») sans date',
          'accords pour l’annuaire (« oui ») sans date',
        )
      : null,
  ]
    .filter(Boolean)
    .join(' et ');

  const run = () =>
    apply.mutate(
      { token: preview.token, mapping, options },
      {
        onSuccess: (result) => {
          toast.notify({
            kind: 'success',
            message: `Import terminé : ${plural(result.created, 'adhérent créé', 'adhérents créés')}, ${result.updated} mis à jour.`,
          });
          onApplied(result);
        },
      },
    );

  const rows = preview[tab];
  return (
    <section className="card" aria-labelledby="import-verification">
      <h2 id="import-verification" ref={heading} tabIndex={-1}>
        3. Vérification
      </h2>
      <p>
        {opened.fileName} : {plural(preview.total, 'ligne lue', 'lignes lues')}. Rien n’est encore enregistré.
      </p>
      {(undatedCount > 0 || preview.missingColleges.length > 0) && (
        <div className="import-options">
          {undatedCount > 0 && (
            <fieldset>
              <legend>Dates absentes du fichier</legend>
              <p>
                Le fichier indique {undatedWhat}. Maillage n’invente pas de date (ni celle d’aujourd’hui) : un adhérent
                compte comme à jour à une assemblée seulement s’il a payé avant sa date. Vous pouvez aussi associer une
                colonne « date de paiement » à l’étape précédente.
              </p>
              <label className="radio-label">
                <input
                  type="radio"
                  name="dates-absentes"
                  checked={dateChoice === 'none'}
                  disabled={busy}
                  onChange={() => {
                    setDateChoice('none');
                    if (options.undatedOn !== null) rerun({ ...options, undatedOn: null });
                  }}
                />{' '}
                Les laisser sans date : cotisations enregistrées comme non payées, accords pour l’annuaire non
                enregistrés
              </label>
              <label className="radio-label">
                <input
                  type="radio"
                  name="dates-absentes"
                  checked={dateChoice === 'date'}
                  disabled={busy}
                  onChange={() => setDateChoice('date')}
                />{' '}
                Leur donner une même date pour tout le fichier (jour où les paiements et accords ont été recueillis) :
              </label>
              {dateChoice === 'date' && (
                <p>
                  <input
                    type="date"
                    aria-label="Date pour tout le fichier"
                    value={dateText}
                    disabled={busy}
                    onChange={(event) => setDateText(event.target.value)}
                  />{' '}
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy || !dateText || dateText === options.undatedOn}
                    onClick={() => rerun({ ...options, undatedOn: dateText })}
                  >
                    Appliquer cette date
                  </button>
                  {options.undatedOn && (
                    <span className="muted small"> Date retenue : {formatDateLong(options.undatedOn)}.</span>
                  )}
                </p>
              )}
            </fieldset>
          )}
          {preview.missingColleges.length > 0 && (
            <fieldset>
              <legend>Collèges absents de Maillage</legend>
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  checked={options.createColleges}
                  disabled={busy}
                  onChange={(event) => rerun({ ...options, createColleges: event.target.checked })}
                />{' '}
                Créer les collèges manquants avec l’import :{' '}
                {preview.missingColleges
                  .map((college) => `« ${college.name} » (${plural(college.rows, 'ligne')})`)
                  .join(', ')}
              </label>
              <p className="muted small">
                Ils sont créés avec voix délibérative ; vérifiez ensuite leur droit de vote et leur poids dans Collèges.
                Sans eux, les lignes de ces collèges sont en erreur.
              </p>
            </fieldset>
          )}
        </div>
      )}
      {again.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(again.error)}
        </p>
      )}
      <div className="tiles tiles-5 import-tiles" role="tablist" aria-label="Résultat de la vérification">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`onglet-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls="import-lignes"
            className={`tile tile-button tile-${t.tone}${tab === t.key ? ' selected' : ''}`}
            onClick={() => setTab(t.key)}
          >
            <span className="tile-value">{formatInteger(preview[t.key].length)}</span>{' '}
            <span className="tile-caption">{t.caption(preview[t.key].length)}</span>
          </button>
        ))}
      </div>
      <div id="import-lignes" role="tabpanel" aria-labelledby={`onglet-${tab}`} className="import-rows">
        <DataTable
          rows={rows.slice(0, SHOWN_ROWS)}
          rowKey={(row) => row.line}
          empty="Aucune ligne."
          compact
          columns={[
            { header: 'Ligne', className: 'num' },
            { header: 'Nom' },
            { header: 'Profession' },
            { header: 'Commune' },
            ...(DETAIL_HEADER[tab] ? [{ header: DETAIL_HEADER[tab] }] : []),
          ]}
          renderRow={(row) => <PreviewRow row={row} tab={tab} />}
        />
        {rows.length > SHOWN_ROWS && (
          <p className="muted small">
            … et {plural(rows.length - SHOWN_ROWS, 'autre ligne', 'autres lignes')} (toutes seront traitées).
          </p>
        )}
      </div>
      {preview.duplicates.length > 0 && (
        <p className="muted small">
          Un doublon est la même personne (ou structure) une seconde fois dans le fichier : seule sa première ligne est
          prise en compte, les valeurs différentes du doublon sont listées et ne sont pas reprises.
        </p>
      )}
      {preview.errors.length > 0 && (
        <p className="muted small">
          Les lignes en erreur ne seront pas importées : corrigez-les dans le fichier puis importez-le à nouveau (les
          lignes déjà importées seront reconnues, sans doublon).
        </p>
      )}
      {apply.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(apply.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={valid === 0 || writes === 0 || busy} onClick={run}>
          {apply.isPending
            ? 'Import en cours…'
            : valid === 1
              ? 'Appliquer la ligne valide'
              : `Appliquer les ${formatInteger(valid)} lignes valides`}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack} disabled={busy}>
          Modifier les colonnes
        </button>
      </div>
      <ImportProgressBar active={apply.isPending} fallback="Enregistrement des adhérents…" />
      <ImportProgressBar active={again.isPending} fallback="Vérification des lignes…" />
      {valid > 0 && writes === 0 && (
        <p className="muted small">Toutes les lignes valides sont déjà à jour : il n’y a rien à importer.</p>
      )}
    </section>
  );
}

/** The last column's header: what each tab says about its lines. */
const DETAIL_HEADER: Partial<Record<PreviewTab, string>> = {
  toUpdate: 'Modifications',
  toCreate: 'Cotisations',
  duplicates: 'Doublon',
  errors: 'Erreurs',
};

function PreviewRow({ row, tab }: { row: ImportRowPreview; tab: PreviewTab }) {
  return (
    <tr>
      <td className="num">{row.line}</td>
      <th scope="row">
        <span className="import-name">{row.displayName}</span>
        {row.matchedBy && <span className="match-hint muted small">{MATCHED_BY[row.matchedBy]}</span>}
      </th>
      <td>{row.professionLabel ?? '—'}</td>
      <td>{row.communeName ?? '—'}</td>
      {(tab === 'toUpdate' || tab === 'toCreate') && (
        <td>
          <ul className="plain-list">
            {row.changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
        </td>
      )}
      {tab === 'duplicates' && row.duplicate && (
        <td>
          Doublon de la ligne {row.duplicate.of} ({row.duplicate.reason}) : ignorée,{' '}
          {row.duplicate.firstImported
            ? `la ligne ${row.duplicate.of} est importée.`
            : `la ligne ${row.duplicate.of} est elle-même écartée.`}
          {row.duplicate.ignoredValues.length > 0 && (
            <ul className="plain-list muted small">
              {row.duplicate.ignoredValues.map((value, i) => (
                <li key={i}>Non repris : {value}</li>
              ))}
            </ul>
          )}
        </td>
      )}
      {tab === 'errors' && (
        <td>
          <ul className="plain-list error-text">
            {row.errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </td>
      )}
    </tr>
  );
}
