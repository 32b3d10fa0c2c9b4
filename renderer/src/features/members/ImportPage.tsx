import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ImportOpened, ImportPreview, ImportResult } from '@shared/contract';
import { formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { ChooseImportFile, ImportProgressBar } from './ImportProgress';
import { PreviewStep } from './ImportPreviewStep';
import type { HeadingRef, ImportOptions } from './importSteps';
import { useMembersWrite } from './queries';
import './members.css';

const DEFAULT_OPTIONS: ImportOptions = { undatedOn: null, createColleges: true };

type Step = 'file' | 'mapping' | 'preview' | 'done';
const STEPS: { key: Step; label: string }[] = [
  { key: 'file', label: 'Fichier' },
  { key: 'mapping', label: 'Colonnes' },
  { key: 'preview', label: 'Vérification' },
  { key: 'done', label: 'Résultat' },
];

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
      <ChooseImportFile open={open} onOpened={onOpened} />
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
  const fileColumns = opened.headers.map((header, index) => ({
    index,
    title: header.trim() || `Colonne ${index + 1}`,
    samples: opened.sample
      .map((row) => row[index] ?? '')
      .filter((value) => value.trim() !== '')
      .slice(0, 3),
    value: mapping[index] ?? '',
  }));

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
      <DataTable
        rows={fileColumns}
        rowKey={(column) => column.index}
        className="mapping-table"
        scroll
        rowProps={(column) => ({ className: column.value ? '' : 'row-ignored' })}
        columns={[
          { header: 'Colonne du fichier', rowHeader: true, cell: (column) => column.title },
          {
            header: 'Exemples',
            cellClassName: 'samples',
            cell: ({ samples }) =>
              samples.length === 0 ? (
                <span className="muted">(vide)</span>
              ) : (
                <span className="samples-list">
                  {samples.map((sample, i) => (
                    <span key={i} className="sample" title={sample}>
                      {sample}
                    </span>
                  ))}
                </span>
              ),
          },
          {
            header: 'Correspond à',
            cell: ({ index, title, value }) => (
              <select
                aria-label={`Champ pour la colonne « ${title} »`}
                aria-invalid={value !== '' && (counts.get(value) ?? 0) > 1}
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
            ),
          },
        ]}
      />
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
