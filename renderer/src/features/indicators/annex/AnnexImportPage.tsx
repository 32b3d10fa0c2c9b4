/**
 * /projet-de-sante/annexe — importing the « annexe indicateurs » the CPAM sends: choose the file, say what each
 * column holds (Maillage guesses), check each row (to create, target to add, unchanged, refused with its reason) and
 * the mission totals against the variable maximum, then write the valid rows for the chosen contract year.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AnnexField, AnnexOpened, AnnexPreview, AnnexRowAction, AnnexRowPreview } from '@shared/contract';
import { formatEurosFromCents, formatInteger, plural } from '@shared/format';
import { call, errorMessage } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { Loading, Page, QueryError } from '../../../components/Page';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { ChooseImportFile, ImportProgressBar } from '../../members/ImportProgress';
import { type ContractContext, NoContract, useContractContext } from '../contractContext';
import { missionName, type YearChoice, yearQuery, useSelectedYear } from '../missions';
import { useIndicatorsWrite } from '../queries';
import { YearPicker } from '../YearPicker';
import './annex.css';

type Step = 'file' | 'mapping' | 'preview' | 'done';
const STEPS: { key: Exclude<Step, 'done'>; label: string }[] = [
  { key: 'file', label: 'Fichier' },
  { key: 'mapping', label: 'Colonnes' },
  { key: 'preview', label: 'Vérification' },
];

/** The heading of a step, focused when the step opens so that screen readers announce where we are. */
function useStepHeading(): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return heading;
}

export function AnnexImportPage() {
  const context = useContractContext();
  return (
    <Page
      title="Importer l’annexe indicateurs"
      intro="Depuis le fichier CSV ou Excel de la CPAM : vous indiquez ce que contient chaque colonne, Maillage vérifie chaque ligne et vous montre les indicateurs qu’il va créer avant de rien enregistrer."
    >
      {context.isPending ? (
        <Loading />
      ) : context.isError ? (
        <QueryError message={errorMessage(context.error)} onRetry={() => void context.refetch()} />
      ) : context.data === null ? (
        <NoContract />
      ) : (
        <AnnexImport context={context.data} />
      )}
    </Page>
  );
}

function AnnexImport({ context }: { context: ContractContext }) {
  const { year, select } = useSelectedYear(context.years);
  const navigate = useNavigate();
  const close = useIndicatorsWrite('annex.close');
  const [step, setStep] = useState<Step>('file');
  const [opened, setOpened] = useState<AnnexOpened | null>(null);
  const [mapping, setMapping] = useState<(AnnexField | null)[]>([]);
  const [preview, setPreview] = useState<AnnexPreview | null>(null);
  useUnsavedChangesGuard(step === 'mapping' || step === 'preview');
  const missionsPath = `/projet-de-sante${yearQuery(year)}`;

  // The file stays open in the main process until the import ends: leaving the page mid-way closes it.
  const openToken = useRef<string | null>(null);
  useEffect(() => {
    openToken.current = opened?.token ?? null;
  }, [opened]);
  useEffect(
    () => () => {
      if (openToken.current) void call('annex.close', { token: openToken.current }).catch(() => {});
    },
    [],
  );

  // Once applied the guard is off: back to the missions of the year.
  useEffect(() => {
    if (step === 'done') navigate(missionsPath);
  }, [step, navigate, missionsPath]);

  if (!year) {
    return (
      <p className="muted">
        Le contrat n’a pas encore d’année. <Link to="/projet-de-sante/contrat">Complétez le contrat ACI</Link>.
      </p>
    );
  }

  const restart = () => {
    if (opened) close.mutate({ token: opened.token });
    setOpened(null);
    setPreview(null);
    setMapping([]);
    setStep('file');
  };
  const current = STEPS.findIndex((s) => s.key === step);

  return (
    <>
      <p className="back-link">
        <Link to={missionsPath}>← Missions du projet de santé</Link>
      </p>
      <ol className="annex-steps" aria-label="Étapes de l’import">
        {STEPS.map((s, index) => (
          <li
            key={s.key}
            className={index === current ? 'current' : ''}
            aria-current={index === current ? 'step' : undefined}
          >
            {index + 1}. {s.label}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <FileStep
          onOpened={(file) => {
            setOpened(file);
            setMapping(file.mapping);
            setPreview(null);
            setStep('mapping');
          }}
        />
      )}
      {step === 'mapping' && opened && (
        <MappingStep
          opened={opened}
          mapping={mapping}
          context={context}
          year={year}
          onSelectYear={select}
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
          opened={opened}
          mapping={mapping}
          preview={preview}
          context={context}
          year={year}
          onBack={() => setStep('mapping')}
          onApplied={() => {
            openToken.current = null;
            close.mutate({ token: opened.token });
            setStep('done');
          }}
        />
      )}
    </>
  );
}

function FileStep({ onOpened }: { onOpened: (file: AnnexOpened) => void }) {
  const heading = useStepHeading();
  const open = useIndicatorsWrite('annex.open');
  return (
    <section className="card" aria-labelledby="annexe-fichier">
      <h2 id="annexe-fichier" ref={heading} tabIndex={-1}>
        1. Choisir le fichier
      </h2>
      <ul className="plain-list">
        <li>
          Fichiers acceptés : CSV (séparateur point-virgule, virgule ou tabulation ; UTF-8 ou Windows-1252) et Excel
          (.xlsx).
        </li>
        <li>
          Une ligne par indicateur, avec sa mission, son libellé et son montant ; les paliers s’écrivent « seuil →
          montant », séparés par des points-virgules. Les lignes de titre au-dessus des colonnes sont ignorées.
        </li>
        <li>
          Pas de doublons : un indicateur déjà présent dans le contrat (même code, ou même mission et même libellé)
          n’est pas créé une seconde fois.
        </li>
      </ul>
      <ChooseImportFile open={open} onOpened={onOpened} />
    </section>
  );
}

function MappingStep({
  opened,
  mapping,
  context,
  year,
  onSelectYear,
  onChange,
  onBack,
  onPreview,
}: {
  opened: AnnexOpened;
  mapping: (AnnexField | null)[];
  context: ContractContext;
  year: YearChoice;
  onSelectYear: (index: number) => void;
  onChange: (mapping: (AnnexField | null)[]) => void;
  onBack: () => void;
  onPreview: (preview: AnnexPreview) => void;
}) {
  const heading = useStepHeading();
  const previewCall = useIndicatorsWrite('annex.preview');
  const labels = new Map(opened.fields.map((field) => [field.code, field.label]));
  const counts = new Map<AnnexField, number>();
  for (const field of mapping) if (field) counts.set(field, (counts.get(field) ?? 0) + 1);
  const duplicates = [...counts.entries()].filter(([, count]) => count > 1).map(([field]) => labels.get(field));
  const columns = opened.headers.map((header, index) => ({
    index,
    title: header.trim() || `Colonne ${index + 1}`,
    samples: opened.sample
      .map((row) => row[index] ?? '')
      .filter((value) => value.trim() !== '')
      .slice(0, 3),
    value: mapping[index] ?? null,
  }));
  const details = [
    opened.sheetName ? `feuille « ${opened.sheetName} »` : null,
    opened.encoding ? `encodage ${opened.encoding}` : null,
    opened.separator ? `séparateur « ${opened.separator} »` : null,
    plural(opened.rowCount, 'ligne'),
    plural(opened.headers.length, 'colonne'),
  ].filter(Boolean);

  return (
    <section className="card" aria-labelledby="annexe-colonnes">
      <h2 id="annexe-colonnes" ref={heading} tabIndex={-1}>
        2. Que contient chaque colonne ?
      </h2>
      <p>
        <strong className="path">{opened.fileName}</strong> — {details.join(', ')}.
      </p>
      {opened.notes.length > 0 && (
        <div className="alert alert-warning" role="note" aria-label="Lecture du fichier">
          <ul className="plain-list">
            {opened.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <YearPicker years={context.years} year={year} onSelect={onSelectYear} />
      <p className="muted small">
        Les cibles et montants du fichier sont enregistrés pour l’année choisie. Maillage a reconnu les colonnes qu’il a
        pu ; vérifiez chaque choix. Les colonnes ignorées ne sont pas importées.
      </p>
      <DataTable
        rows={columns}
        rowKey={(column) => column.index}
        className="annex-mapping"
        scroll
        columns={[
          { header: 'Colonne du fichier', rowHeader: true, cell: (column) => column.title },
          {
            header: 'Exemples',
            cell: ({ samples }) =>
              samples.length === 0 ? (
                <span className="muted">(vide)</span>
              ) : (
                samples.map((sample, i) => (
                  <span key={i} className="annex-sample" title={sample}>
                    {sample}
                  </span>
                ))
              ),
          },
          {
            header: 'Correspond à',
            cell: ({ index, title, value }) => (
              <select
                aria-label={`Champ pour la colonne « ${title} »`}
                aria-invalid={value !== null && (counts.get(value) ?? 0) > 1}
                value={value ?? ''}
                onChange={(event) => {
                  const next = [...mapping];
                  next[index] = opened.fields.find((field) => field.code === event.target.value)?.code ?? null;
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
      <ImportProgressBar active={previewCall.isPending} fallback="Vérification des lignes de l’annexe…" />
      {previewCall.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(previewCall.error)}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={duplicates.length > 0 || counts.size === 0 || previewCall.isPending}
          onClick={() =>
            previewCall.mutate({ token: opened.token, contractYearId: year.id, mapping }, { onSuccess: onPreview })
          }
        >
          {previewCall.isPending ? 'Vérification…' : 'Vérifier les lignes'}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack} disabled={previewCall.isPending}>
          Choisir un autre fichier
        </button>
      </div>
    </section>
  );
}

const TABS: { key: AnnexRowAction; caption: (n: number) => string }[] = [
  { key: 'create', caption: (n) => (n > 1 ? 'indicateurs à créer' : 'indicateur à créer') },
  { key: 'add_target', caption: (n) => (n > 1 ? 'cibles à ajouter' : 'cible à ajouter') },
  { key: 'unchanged', caption: (n) => (n > 1 ? 'inchangés' : 'inchangé') },
  { key: 'error', caption: () => 'en erreur' },
];

function PreviewStep({
  opened,
  mapping,
  preview,
  context,
  year,
  onBack,
  onApplied,
}: {
  opened: AnnexOpened;
  mapping: (AnnexField | null)[];
  preview: AnnexPreview;
  context: ContractContext;
  year: YearChoice;
  onBack: () => void;
  onApplied: () => void;
}) {
  const heading = useStepHeading();
  const toast = useToast();
  const apply = useIndicatorsWrite('annex.apply');
  const firstTab = TABS.find((t) => preview.counts[t.key] > 0)?.key ?? 'create';
  const [tab, setTab] = useState<AnnexRowAction>(preview.counts.error > 0 ? 'error' : firstTab);
  const writes = preview.counts.create + preview.counts.add_target;
  const rows = preview.rows.filter((row) => row.action === tab);
  const warnings = preview.missions.filter((mission) => mission.warning !== null);

  const run = () =>
    apply.mutate(
      { token: preview.token, contractYearId: preview.contractYearId, mapping },
      {
        onSuccess: (result) => {
          toast.notify({
            kind: 'success',
            message: `Annexe importée : ${plural(result.indicatorsCreated, 'indicateur créé', 'indicateurs créés')}, ${plural(result.targetsCreated, 'cible enregistrée', 'cibles enregistrées')}.`,
          });
          onApplied();
        },
      },
    );

  return (
    <section className="card" aria-labelledby="annexe-verification">
      <h2 id="annexe-verification" ref={heading} tabIndex={-1}>
        3. Vérification
      </h2>
      <p>
        {opened.fileName} : {plural(preview.rows.length, 'ligne lue', 'lignes lues')}, pour l’année {preview.yearIndex}{' '}
        du contrat. Rien n’est encore enregistré.
      </p>
      {warnings.length > 0 && (
        <div className="alert alert-warning" role="note" aria-label="Totaux des missions">
          <ul className="plain-list">
            {warnings.map((mission) => (
              <li key={mission.missionCode}>{mission.warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="tiles annex-tiles" role="tablist" aria-label="Résultat de la vérification">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`annexe-onglet-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls="annexe-lignes"
            className={`tile annex-tile${t.key === 'error' ? ' annex-tile-error' : ''}${tab === t.key ? ' selected' : ''}`}
            onClick={() => setTab(t.key)}
          >
            <span className="tile-value">{formatInteger(preview.counts[t.key])}</span>{' '}
            <span className="tile-caption">{t.caption(preview.counts[t.key])}</span>
          </button>
        ))}
      </div>
      <div id="annexe-lignes" role="tabpanel" aria-labelledby={`annexe-onglet-${tab}`} className="annex-rows">
        <DataTable
          rows={rows}
          rowKey={(row) => row.line}
          empty="Aucune ligne."
          compact
          scroll
          columns={[
            { header: 'Ligne', className: 'num', cell: (row) => row.line },
            {
              header: 'Mission',
              cell: (row) => (row.missionCode ? missionName(row.missionCode, context.versionCode) : '—'),
            },
            { header: 'Indicateur', rowHeader: true, cell: (row) => <RowLabel row={row} /> },
            { header: 'Cible et montant', cell: (row) => row.summary || '—' },
            {
              header: tab === 'error' ? 'Erreurs' : 'Remarques',
              cell: (row) => <RowRemarks row={row} />,
            },
          ]}
        />
      </div>
      <h3>Totaux par mission, année {year.index}</h3>
      <DataTable
        rows={preview.missions}
        rowKey={(mission) => mission.missionCode}
        compact
        aria-label="Totaux par mission"
        columns={[
          { header: 'Mission', rowHeader: true, cell: (m) => missionName(m.missionCode, context.versionCode) },
          { header: 'Indicateurs', className: 'num', cell: (m) => formatEurosFromCents(m.indicatorsCents) },
          {
            header: 'Part variable maximale',
            className: 'num',
            cell: (m) => (m.variableMaxCents === null ? 'non saisie' : formatEurosFromCents(m.variableMaxCents)),
          },
        ]}
      />
      {preview.counts.error > 0 && (
        <p className="muted small">
          Les lignes en erreur ne seront pas importées : corrigez-les dans le fichier puis importez-le à nouveau (les
          indicateurs déjà importés seront reconnus, sans doublon).
        </p>
      )}
      <ImportProgressBar active={apply.isPending} fallback="Enregistrement des indicateurs…" />
      {apply.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(apply.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={writes === 0 || apply.isPending} onClick={run}>
          {apply.isPending
            ? 'Import en cours…'
            : writes === 1
              ? 'Importer la ligne valide'
              : `Importer les ${formatInteger(writes)} lignes valides`}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack} disabled={apply.isPending}>
          Modifier les colonnes
        </button>
      </div>
      {writes === 0 && <p className="muted small">Aucune ligne à importer : rien ne sera modifié.</p>}
    </section>
  );
}

function RowLabel({ row }: { row: AnnexRowPreview }) {
  return (
    <>
      {row.code && <span className="muted">{row.code} · </span>}
      {row.label || '—'}
    </>
  );
}

function RowRemarks({ row }: { row: AnnexRowPreview }) {
  if (row.errors.length === 0 && row.notes.length === 0) return null;
  return (
    <ul className="plain-list">
      {row.errors.map((error, i) => (
        <li key={`e${i}`} className="error-text">
          {error}
        </li>
      ))}
      {row.notes.map((note, i) => (
        <li key={`n${i}`}>{note}</li>
      ))}
    </ul>
  );
}
