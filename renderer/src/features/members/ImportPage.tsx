import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router-dom';
import type { ImportOpened, ImportPreview, ImportResult, ImportRowPreview } from '@shared/contract';
import { formatDateLong, formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { Page } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { ImportProgressBar } from './ImportProgress';
import { useMembersWrite } from './queries';

/** The choices of the preview step (one date for what the file does not date, creating missing collèges). */
type ImportOptions = { undatedOn: string | null; createColleges: boolean };
const DEFAULT_OPTIONS: ImportOptions = { undatedOn: null, createColleges: true };

type Step = 'file' | 'mapping' | 'preview' | 'done';
const STEPS: { key: Step; label: string }[] = [
  { key: 'file', label: 'Fichier' },
  { key: 'mapping', label: 'Colonnes' },
  { key: 'preview', label: 'Vérification' },
  { key: 'done', label: 'Résultat' },
];
/** Rows listed per section of the preview; the counts stay exact. */
const SHOWN_ROWS = 200;

const MATCHED_BY: Record<NonNullable<ImportRowPreview['matchedBy']>, string> = {
  rpps: 'reconnu par son RPPS',
  finess_siret: 'reconnue par son FINESS ou son SIRET',
  nom_profession_commune: 'reconnu par nom, profession et commune',
  nom_commune: 'reconnue par son nom et sa commune',
};

export function ImportPage() {
  const [step, setStep] = useState<Step>('file');
  const [opened, setOpened] = useState<ImportOpened | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [result, setResult] = useState<ImportResult | null>(null);
  useUnsavedChangesGuard(
    step === 'mapping' || (step === 'preview' && (preview?.toCreate.length ?? 0) + (preview?.toUpdate.length ?? 0) > 0),
  );
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step starts with its heading focused, so screen readers announce where we are.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const restart = () => {
    setOpened(null);
    setPreview(null);
    setResult(null);
    setMapping([]);
    setOptions(DEFAULT_OPTIONS);
    setStep('file');
  };

  return (
    <Page
      title="Importer des adhérents"
      intro="Depuis un fichier CSV ou Excel : vous choisissez ce que contient chaque colonne, Maillage vérifie chaque ligne et vous montre ce qu’il va créer ou mettre à jour avant de rien enregistrer."
    >
      <p className="back-link">
        <Link to="/adherents">← Liste des adhérents</Link>
      </p>
      <ol className="wizard-steps" aria-label="Étapes de l’import">
        {STEPS.map((s, index) => (
          <li
            key={s.key}
            className={s.key === step ? 'current' : STEPS.findIndex((x) => x.key === step) > index ? 'done' : ''}
            aria-current={s.key === step ? 'step' : undefined}
          >
            <span className="wizard-number">{index + 1}</span> {s.label}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <FileStep
          heading={heading}
          onOpened={(file) => {
            setOpened(file);
            setMapping(file.mapping.map((field) => field ?? null));
            setPreview(null);
            setStep('mapping');
          }}
        />
      )}
      {step === 'mapping' && opened && (
        <MappingStep
          heading={heading}
          opened={opened}
          mapping={mapping}
          options={options}
          onChange={setMapping}
          onBack={restart}
          onPreview={(next) => {
            setPreview(next);
            setStep('preview');
          }}
        />
      )}
      {step === 'preview' && opened && preview && (
        <PreviewStep
          heading={heading}
          opened={opened}
          mapping={mapping}
          preview={preview}
          options={options}
          onPreview={(next, nextOptions) => {
            setPreview(next);
            setOptions(nextOptions);
          }}
          onBack={() => setStep('mapping')}
          onApplied={(applied) => {
            setResult(applied);
            setStep('done');
          }}
        />
      )}
      {step === 'done' && result && <DoneStep heading={heading} result={result} onRestart={restart} />}
    </Page>
  );
}

type HeadingRef = RefObject<HTMLHeadingElement | null>;

function FileStep({ heading, onOpened }: { heading: HeadingRef; onOpened: (file: ImportOpened) => void }) {
  const open = useMembersWrite('members.importOpen');
  return (
    <section className="card" aria-labelledby="import-fichier">
      <h2 id="import-fichier" ref={heading} tabIndex={-1}>
        1. Choisir le fichier
      </h2>
      <ul className="plain-list">
        <li>
          Fichiers acceptés : CSV (séparateur point-virgule, virgule ou tabulation ; UTF-8 ou Windows-1252) et Excel
          (.xlsx).
        </li>
        <li>
          Une ligne doit contenir les titres des colonnes (Nom, Prénom, Profession, RPPS, Commune…) ; les lignes de
          titre au-dessus (« Liste des adhérents… ») sont ignorées. Fichiers de 20 Mo au plus.
        </li>
        <li>
          Pas de doublons : une ligne dont le RPPS, ou à défaut le nom, la profession et la commune, correspondent à un
          adhérent existant le met à jour au lieu d’en créer un second.
        </li>
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={open.isPending}
          onClick={() =>
            open.mutate(undefined, {
              onSuccess: (answer) => {
                // The user closed the file dialog: nothing to say.
                if ('cancelled' in answer) return;
                onOpened(answer);
              },
            })
          }
        >
          {open.isPending ? 'Lecture du fichier…' : 'Choisir un fichier…'}
        </button>
      </div>
      <ImportProgressBar active={open.isPending} fallback="Lecture du fichier…" />
      {open.isError && (
        <p role="alert" className="alert alert-error">
          {errorMessage(open.error)}
        </p>
      )}
    </section>
  );
}

function MappingStep({
  heading,
  opened,
  mapping,
  options,
  onChange,
  onBack,
  onPreview,
}: {
  heading: HeadingRef;
  opened: ImportOpened;
  mapping: (string | null)[];
  options: ImportOptions;
  onChange: (mapping: (string | null)[]) => void;
  onBack: () => void;
  onPreview: (preview: ImportPreview) => void;
}) {
  const previewCall = useMembersWrite('members.importPreview');
  const labels = new Map(opened.fields.map((field) => [field.code, field.label]));
  const counts = new Map<string, number>();
  for (const field of mapping) if (field) counts.set(field, (counts.get(field) ?? 0) + 1);
  const duplicates = [...counts.entries()]
    .filter(([, count]) => count > 1)
    .map(([field]) => labels.get(field) ?? field);
  const mappedCount = mapping.filter(Boolean).length;

  const details = [
    opened.sheetName ? `feuille « ${opened.sheetName} »` : null,
    opened.encoding ? `encodage ${opened.encoding}` : null,
    opened.separator
      ? `séparateur ${opened.separator === 'tabulation' ? 'tabulation' : `« ${opened.separator} »`}`
      : null,
    `titres des colonnes en ligne ${opened.headerLine}`,
    plural(opened.rowCount, 'ligne'),
    plural(opened.headers.length, 'colonne'),
  ].filter(Boolean);

  return (
    <section className="card" aria-labelledby="import-colonnes">
      <h2 id="import-colonnes" ref={heading} tabIndex={-1}>
        2. Que contient chaque colonne ?
      </h2>
      <p>
        <strong className="path">{opened.fileName}</strong> — {details.join(', ')}.
      </p>
      {opened.notes.length > 0 && (
        <div className="alert alert-warning" role="note" aria-label="Lecture du fichier">
          <ul>
            {opened.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">
        Maillage a reconnu les colonnes qu’il a pu ; vérifiez chaque choix. Les colonnes ignorées ne sont pas importées.
      </p>
      <div className="table-scroll">
        <table className="table mapping-table">
          <thead>
            <tr>
              <th scope="col">Colonne du fichier</th>
              <th scope="col">Exemples</th>
              <th scope="col">Correspond à</th>
            </tr>
          </thead>
          <tbody>
            {opened.headers.map((header, index) => {
              const samples = opened.sample
                .map((row) => row[index] ?? '')
                .filter((value) => value.trim() !== '')
                .slice(0, 3);
              const title = header.trim() || `Colonne ${index + 1}`;
              const value = mapping[index] ?? '';
              const duplicate = value !== '' && (counts.get(value) ?? 0) > 1;
              return (
                <tr key={index} className={value ? '' : 'row-ignored'}>
                  <th scope="row">{title}</th>
                  <td className="samples">
                    {samples.length === 0 ? (
                      <span className="muted">(vide)</span>
                    ) : (
                      <span className="samples-list">
                        {samples.map((sample, i) => (
                          <span key={i} className="sample" title={sample}>
                            {sample}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={`Champ pour la colonne « ${title} »`}
                      aria-invalid={duplicate}
                      value={value}
                      onChange={(event) => {
                        const next = [...mapping];
                        next[index] = event.target.value || null;
                        onChange(next);
                      }}
                    >
                      <option value="">Ignorer cette colonne</option>
                      {opened.fields.map((field) => (
                        <option key={field.code} value={field.code}>
                          {field.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {duplicates.length > 0 && (
        <p className="alert alert-error" role="alert">
          Plusieurs colonnes correspondent au même champ ({duplicates.join(', ')}) : choisissez-en une seule par champ.
        </p>
      )}
      {previewCall.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(previewCall.error)}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={duplicates.length > 0 || mappedCount === 0 || previewCall.isPending}
          onClick={() => previewCall.mutate({ token: opened.token, mapping, options }, { onSuccess: onPreview })}
        >
          {previewCall.isPending ? 'Vérification…' : 'Vérifier les lignes'}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack} disabled={previewCall.isPending}>
          Choisir un autre fichier
        </button>
      </div>
      <ImportProgressBar active={previewCall.isPending} fallback="Vérification des lignes…" />
    </section>
  );
}

type PreviewTab = 'toCreate' | 'toUpdate' | 'unchanged' | 'duplicates' | 'errors';
const TABS: { key: PreviewTab; caption: (n: number) => string; tone: string }[] = [
  { key: 'toCreate', caption: () => 'à créer', tone: 'create' },
  { key: 'toUpdate', caption: () => 'à mettre à jour', tone: 'update' },
  { key: 'unchanged', caption: (n) => (n > 1 ? 'inchangés' : 'inchangé'), tone: 'same' },
  { key: 'duplicates', caption: (n) => (n > 1 ? 'doublons ignorés' : 'doublon ignoré'), tone: 'same' },
  { key: 'errors', caption: () => 'en erreur', tone: 'error' },
];

function PreviewStep({
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
        {rows.length === 0 ? (
          <p className="muted">Aucune ligne.</p>
        ) : (
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Ligne
                </th>
                <th scope="col">Nom</th>
                <th scope="col">Profession</th>
                <th scope="col">Commune</th>
                {tab === 'toUpdate' && <th scope="col">Modifications</th>}
                {tab === 'toCreate' && <th scope="col">Cotisations</th>}
                {tab === 'duplicates' && <th scope="col">Doublon</th>}
                {tab === 'errors' && <th scope="col">Erreurs</th>}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((row) => (
                <PreviewRow key={row.line} row={row} tab={tab} />
              ))}
            </tbody>
          </table>
        )}
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

function DoneStep({
  heading,
  result,
  onRestart,
}: {
  heading: HeadingRef;
  result: ImportResult;
  onRestart: () => void;
}) {
  return (
    <section className="card" aria-labelledby="import-resultat">
      <h2 id="import-resultat" ref={heading} tabIndex={-1}>
        4. Import terminé
      </h2>
      <ul className="result-list">
        <li>{plural(result.created, 'adhérent créé', 'adhérents créés')}</li>
        <li>{plural(result.updated, 'adhérent mis à jour', 'adhérents mis à jour')}</li>
        <li>{plural(result.unchanged, 'ligne inchangée', 'lignes inchangées')}</li>
        {result.skippedErrors > 0 && (
          <li>{plural(result.skippedErrors, 'ligne en erreur ignorée', 'lignes en erreur ignorées')}</li>
        )}
        {result.skippedDuplicates > 0 && (
          <li>{plural(result.skippedDuplicates, 'doublon ignoré', 'doublons ignorés')}</li>
        )}
        {result.collegesCreated.length > 0 && (
          <li>
            {plural(result.collegesCreated.length, 'collège créé', 'collèges créés')} :{' '}
            {result.collegesCreated.map((name) => `« ${name} »`).join(', ')}
          </li>
        )}
        {result.cotisations > 0 && (
          <li>{plural(result.cotisations, 'cotisation enregistrée', 'cotisations enregistrées')}</li>
        )}
      </ul>
      <div className="form-actions">
        <Link to="/adherents" className="button">
          Voir la liste des adhérents
        </Link>
        <button type="button" className="button button-secondary" onClick={onRestart}>
          Importer un autre fichier
        </button>
      </div>
    </section>
  );
}
