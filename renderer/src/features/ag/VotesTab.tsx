/**
 * Votes of the assembly, resolution by resolution: the figures counted in the room (pour, contre, abstentions,
 * blancs ou nuls) are recorded by the main process, which refuses them with a French reason (quorum not met, more
 * votes than members present or represented…) and otherwise decides « adoptée » or « rejetée » with its arithmetic.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AgResolutionRow, AgState } from '@shared/contract';
import { errorMessage, useApiQuery } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { beforeDateQuestion, beforeSessionDay, numberedResolutions } from './agLabels';
import { formatCount, pl, QuorumPanel } from './QuorumPanel';
import { useAgMutation } from './useAgMutation';

type VoteKey = 'pour' | 'contre' | 'abstention' | 'blanc';
type Draft = Record<VoteKey, string>;

const FIELDS: { key: VoteKey; label: string; required: boolean }[] = [
  { key: 'pour', label: 'Pour', required: true },
  { key: 'contre', label: 'Contre', required: true },
  { key: 'abstention', label: 'Abstentions', required: false },
  { key: 'blanc', label: 'Blancs ou nuls', required: false },
];

const EMPTY: Draft = { pour: '', contre: '', abstention: '', blanc: '' };

/** « 12 », « 2,5 » → number; '' → null; anything else → NaN. */
function parseCount(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (clean === '') return null;
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

export function VotesTab({ state }: { state: AgState }) {
  // The numbers follow the ordre du jour, as on the Convocation and Procès-verbal tabs and in the PDFs.
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return <QueryError message={errorMessage(meeting.error)} onRetry={() => void meeting.refetch()} />;
  return <Votes state={state} agenda={meeting.data.agenda} />;
}

function Votes({ state, agenda }: { state: AgState; agenda: { id: number }[] }) {
  const readOnly = state.pv.status === 'approuve';
  const resolutions = numberedResolutions(state.resolutions, agenda);
  const voted = resolutions.filter(({ resolution }) => resolution.votes !== null).length;
  return (
    <div className="agl-tab agl-votes">
      <QuorumPanel state={state} sticky />
      {readOnly && (
        <p className="alert alert-warning">
          Le procès-verbal est approuvé : les votes sont en lecture seule. Rouvrez le procès-verbal en brouillon pour
          les corriger.
        </p>
      )}
      {!readOnly && !state.quorum.met && resolutions.length > 0 && (
        <p className="alert alert-warning">
          Le quorum n’est pas atteint : l’assemblée ne peut pas valablement délibérer, et les votes seront refusés tant
          qu’il manque des membres.
        </p>
      )}
      {resolutions.length === 0 ? (
        <p className="empty-result">
          Aucune résolution n’est rédigée pour cette assemblée. Les résolutions se préparent avec l’ordre du jour, avant
          la séance.
        </p>
      ) : (
        <>
          <p className="list-count">
            {formatCount(resolutions.length)} {pl(resolutions.length, 'résolution', 'résolutions')},{' '}
            {formatCount(voted)} {pl(voted, 'votée', 'votées')}
          </p>
          <ol className="agl-resolutions">
            {resolutions.map(({ resolution, number }) => (
              <li key={resolution.id}>
                <ResolutionCard state={state} resolution={resolution} number={number} readOnly={readOnly} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

interface CardProps {
  state: AgState;
  resolution: AgResolutionRow;
  number: number;
  readOnly: boolean;
}

function ResolutionCard({ state, resolution, number, readOnly }: CardProps) {
  const id = useId();
  const recorded = resolution.votes !== null;
  const [textOpen, setTextOpen] = useState(!recorded);
  // Values to put back in the form after « Corriger le vote ».
  const [prefill, setPrefill] = useState<Draft | null>(null);
  const [headPrefill, setHeadPrefill] = useState<HeadDraft | null>(null);
  const title = `Résolution n° ${number} — ${resolution.title}`;

  return (
    <section
      className={`card agl-resolution${recorded ? (resolution.adopted ? ' agl-adopted' : ' agl-rejected') : ''}`}
      aria-labelledby={`${id}-titre`}
    >
      <div className="agl-resolution-head">
        <h2 id={`${id}-titre`} className="agl-resolution-title">
          {title}
        </h2>
        {recorded && (
          <span className={`agl-result ${resolution.adopted ? 'agl-result-yes' : 'agl-result-no'}`}>
            {resolution.adopted ? 'Adoptée' : 'Rejetée'}
          </span>
        )}
      </div>
      <p className="agl-majority">
        <span className="badge">{resolution.kindLabel}</span> {resolution.majorityLabel}
      </p>
      <button
        type="button"
        className="agl-disclosure"
        aria-expanded={textOpen}
        aria-controls={`${id}-texte`}
        onClick={() => setTextOpen(!textOpen)}
      >
        <span aria-hidden="true">{textOpen ? '▾' : '▸'}</span> {textOpen ? 'Masquer le texte' : 'Afficher le texte'}
      </button>
      <blockquote id={`${id}-texte`} className="agl-resolution-text" hidden={!textOpen}>
        {resolution.text}
      </blockquote>
      {recorded ? (
        <RecordedVote
          state={state}
          resolution={resolution}
          title={title}
          readOnly={readOnly}
          onCleared={() => {
            const votes = resolution.votes!;
            setPrefill({
              pour: formatCount(votes.pour),
              contre: formatCount(votes.contre),
              abstention: formatCount(votes.abstention),
              blanc: formatCount(votes.blanc),
            });
            if (resolution.collegeVotes) {
              setHeadPrefill(
                Object.fromEntries(
                  resolution.collegeVotes.map((college) => [
                    collegeKey(college.collegeId),
                    {
                      pour: String(college.pour),
                      contre: String(college.contre),
                      abstention: String(college.abstention),
                      blanc: String(college.blanc),
                    },
                  ]),
                ),
              );
            }
            setTextOpen(true);
          }}
        />
      ) : readOnly ? (
        <p className="muted">Pas de vote enregistré.</p>
      ) : state.weighted ? (
        <WeightedVoteForm
          state={state}
          resolution={resolution}
          title={title}
          initial={headPrefill}
          focusFirst={prefill !== null}
        />
      ) : (
        <VoteForm
          state={state}
          resolution={resolution}
          title={title}
          initial={prefill ?? EMPTY}
          focusFirst={prefill !== null}
        />
      )}
    </section>
  );
}

interface FormProps {
  state: AgState;
  resolution: AgResolutionRow;
  title: string;
  initial: Draft;
  /** After « Corriger le vote »: the focus goes to the first figure. */
  focusFirst: boolean;
}

function VoteForm({ state, resolution, title, initial, focusFirst }: FormProps) {
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) firstRef.current?.focus();
    // Once, when the form appears.
  }, []);
  const mutation = useAgMutation('ag.recordVote');
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Partial<Record<VoteKey, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  useUnsavedValuesGuard([draft]);
  const weighted = state.weighted;
  const max = weighted ? state.quorum.presentOrRepresented.weight : state.quorum.presentOrRepresented.heads;

  const values = Object.fromEntries(FIELDS.map(({ key }) => [key, parseCount(draft[key])])) as Record<
    VoteKey,
    number | null
  >;
  const valueOf = (key: VoteKey) => {
    const value = values[key];
    return value === null || Number.isNaN(value) ? 0 : value;
  };
  const total = valueOf('pour') + valueOf('contre') + valueOf('abstention') + valueOf('blanc');
  const expressed = valueOf('pour') + valueOf('contre');
  const over = total > max + 1e-9;
  const unit = weighted ? 'voix' : pl(total, 'vote', 'votes');

  const early = useEarlyVote(state);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const next: Partial<Record<VoteKey, string>> = {};
    for (const field of FIELDS) {
      const value = values[field.key];
      if (value === null) {
        if (field.required) next[field.key] = `${field.label} : indiquez un nombre (0 s’il n’y en a pas).`;
      } else if (Number.isNaN(value)) {
        next[field.key] =
          `${field.label} : un nombre positif est attendu${weighted ? ' (par exemple 12 ou 12,5)' : ''}.`;
      } else if (!weighted && !Number.isInteger(value)) {
        next[field.key] = `${field.label} : un nombre entier est attendu (une voix par membre).`;
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    early.run(async (confirmedBeforeDate) => {
      try {
        await mutation.mutateAsync({
          meetingId: state.meetingId,
          resolutionId: resolution.id,
          pour: valueOf('pour'),
          contre: valueOf('contre'),
          abstention: valueOf('abstention'),
          blanc: valueOf('blanc'),
          confirmedBeforeDate,
        });
      } catch (error) {
        const fields = (error as { fields?: Record<string, string> }).fields ?? {};
        setErrors({ pour: fields.pour, contre: fields.contre, abstention: fields.abstention, blanc: fields.blanc });
        setRefusal(errorMessage(error));
      }
    });
  };

  return (
    <form className="agl-vote-form" onSubmit={submit} noValidate aria-label={`Décompte des voix — ${title}`}>
      <div className="agl-vote-fields">
        {FIELDS.map((field) => {
          const fieldId = `${id}-${field.key}`;
          const error = errors[field.key];
          return (
            <div key={field.key} className={`field agl-vote-field${error ? ' field-invalid' : ''}`}>
              <div className="field-label">
                <label htmlFor={fieldId}>{field.label}</label>
              </div>
              <input
                ref={field.key === 'pour' ? firstRef : undefined}
                id={fieldId}
                type="text"
                inputMode={weighted ? 'decimal' : 'numeric'}
                autoComplete="off"
                className="agl-vote-input"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${fieldId}-erreur` : `${id}-aide`}
                value={draft[field.key]}
                placeholder={field.required ? '' : '0'}
                onChange={(event) => {
                  setDraft({ ...draft, [field.key]: event.target.value });
                  setRefusal(null);
                }}
              />
              {error && (
                <p id={`${fieldId}-erreur`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p id={`${id}-aide`} className={`agl-vote-helper${over ? ' agl-vote-over' : ''}`} aria-live="polite">
        <span>
          Voix exprimées (pour + contre) : <strong>{formatCount(expressed)}</strong>
        </span>
        <span>
          Total saisi : <strong>{formatCount(total)}</strong> {unit} sur <strong>{formatCount(max)}</strong>{' '}
          {weighted
            ? 'voix présentes ou représentées'
            : pl(max, 'membre présent ou représenté', 'membres présents ou représentés')}
        </span>
        {over && (
          <span className="agl-vote-warning">
            {weighted
              ? 'Plus de voix saisies que de voix présentes ou représentées : vérifiez le décompte.'
              : 'Plus de votes que de membres présents ou représentés : vérifiez le décompte.'}
          </span>
        )}
      </p>
      <div className="agl-vote-actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? 'Enregistrement…' : 'Enregistrer le vote'}
        </button>
        {refusal && (
          <p className="alert alert-error agl-refusal" role="alert">
            {refusal}
          </p>
        )}
      </div>
      {early.dialog}
    </form>
  );
}

/**
 * Before the session's day, a vote is recorded only after « enregistrer quand même » (the main process refuses it
 * otherwise). `run` calls back at once on the day of the session or later.
 */
function useEarlyVote(state: AgState) {
  const [asking, setAsking] = useState<((confirmed: true) => Promise<void>) | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (record: (confirmedBeforeDate: true | undefined) => Promise<void>) => {
    if (beforeSessionDay(state)) setAsking(() => record);
    else void record(undefined);
  };
  const dialog = asking ? (
    <ConfirmDialog
      title="Enregistrer un vote avant la séance ?"
      confirmLabel="Enregistrer le vote"
      busy={busy}
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setBusy(true);
        void asking(true).finally(() => {
          setBusy(false);
          setAsking(null);
        });
      }}
    >
      <p>{beforeDateQuestion(state, 'un vote')}</p>
    </ConfirmDialog>
  ) : null;
  return { run, dialog };
}

type HeadDraft = Record<string, Draft>;

const collegeKey = (collegeId: number | null) => String(collegeId ?? 'aucun');

/** « 12 » → 12; '' → 0; anything else (decimals, letters) → NaN: head counts are whole members. */
function parseHeads(text: string): number {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '');
  if (clean === '') return 0;
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

/**
 * Weighted votes: the coordinator counts raised hands in each collège (members, not voix) and the app applies the
 * weights, showing the calculation. A collège counted beyond its members present or represented is flagged here and
 * refused by the main process.
 */
function WeightedVoteForm({
  state,
  resolution,
  title,
  initial,
  focusFirst,
}: Omit<FormProps, 'initial'> & { initial: HeadDraft | null }) {
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) firstRef.current?.focus();
  }, []);
  const mutation = useAgMutation('ag.recordVote');
  const early = useEarlyVote(state);
  const colleges = state.quorum.byCollege
    .filter((line) => line.voting.heads > 0)
    .map((line) => ({
      key: collegeKey(line.collegeId),
      collegeId: line.collegeId,
      name: line.collegeName ?? 'Sans collège',
      perMember: Math.round((line.voting.weight / line.voting.heads) * 1000) / 1000,
      heads: line.present.heads + line.represented.heads,
    }));
  const [draft, setDraft] = useState<HeadDraft>(() =>
    Object.fromEntries(colleges.map((college) => [college.key, initial?.[college.key] ?? EMPTY])),
  );
  const [refusal, setRefusal] = useState<string | null>(null);

  const rows = colleges.map((college) => {
    const counts = Object.fromEntries(
      FIELDS.map(({ key }) => [key, parseHeads(draft[college.key]?.[key] ?? '')]),
    ) as Record<VoteKey, number>;
    const total = FIELDS.reduce((sum, { key }) => sum + (Number.isNaN(counts[key]) ? 0 : counts[key]), 0);
    return {
      college,
      counts,
      total,
      invalid: FIELDS.some(({ key }) => Number.isNaN(counts[key])),
      over: total > college.heads,
    };
  });
  const weighted = Object.fromEntries(
    FIELDS.map(({ key }) => [
      key,
      Math.round(
        rows.reduce(
          (sum, row) =>
            sum + (Number.isNaN(row.counts[key]) ? 0 : row.counts[key] * Math.round(row.college.perMember * 1000)),
          0,
        ),
      ) / 1000,
    ]),
  ) as Record<VoteKey, number>;
  const problem = rows.find((row) => row.invalid)
    ? 'Saisissez des nombres entiers de membres (0 s’il n’y en a pas).'
    : rows.find((row) => row.over)
      ? `${rows.find((row) => row.over)!.college.name} : plus de votes que de membres présents ou représentés. Vérifiez le décompte.`
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (problem) {
      setRefusal(problem);
      return;
    }
    early.run(async (confirmedBeforeDate) => {
      try {
        await mutation.mutateAsync({
          meetingId: state.meetingId,
          resolutionId: resolution.id,
          pour: weighted.pour,
          contre: weighted.contre,
          abstention: weighted.abstention,
          blanc: weighted.blanc,
          byCollege: rows.map((row) => ({ collegeId: row.college.collegeId, ...row.counts })),
          confirmedBeforeDate,
        });
      } catch (error) {
        setRefusal(errorMessage(error));
      }
    });
  };

  return (
    <form className="agl-vote-form" onSubmit={submit} noValidate aria-label={`Décompte des voix — ${title}`}>
      <p id={`${id}-aide`} className="muted agl-weighted-help">
        Les collèges ont des poids de vote : saisissez le <strong>nombre de membres</strong> de chaque collège ;
        l’application applique les poids.
      </p>
      <div className="table-scroll">
        <table className="table table-compact agl-weighted-table">
          <thead>
            <tr>
              <th scope="col">Collège</th>
              {FIELDS.map((field) => (
                <th key={field.key} scope="col" className="numeric">
                  {field.label} <span className="muted">(membres)</span>
                </th>
              ))}
              <th scope="col" className="numeric">
                Présents ou représentés
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.college.key} className={row.over || row.invalid ? 'agl-vote-over' : undefined}>
                <th scope="row">
                  {row.college.name}
                  <br />
                  <span className="muted">
                    {formatCount(row.college.perMember)} {pl(row.college.perMember, 'voix', 'voix')} par membre
                  </span>
                </th>
                {FIELDS.map((field) => (
                  <td key={field.key} className="numeric">
                    <input
                      ref={index === 0 && field.key === 'pour' ? firstRef : undefined}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      className="agl-vote-input agl-head-input"
                      aria-label={`${row.college.name} — ${field.label} (nombre de membres)`}
                      aria-describedby={`${id}-aide`}
                      aria-invalid={row.over || Number.isNaN(row.counts[field.key])}
                      placeholder="0"
                      value={draft[row.college.key]?.[field.key] ?? ''}
                      onChange={(event) => {
                        setDraft({
                          ...draft,
                          [row.college.key]: { ...(draft[row.college.key] ?? EMPTY), [field.key]: event.target.value },
                        });
                        setRefusal(null);
                      }}
                    />
                  </td>
                ))}
                <td className="numeric">
                  {formatCount(row.total)} / {formatCount(row.college.heads)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Voix pondérées</th>
              {FIELDS.map((field) => (
                <td key={field.key} className="numeric" data-testid={`poids-${field.key}`}>
                  <strong>{formatCount(weighted[field.key])}</strong>
                </td>
              ))}
              <td className="numeric">sur {formatCount(state.quorum.presentOrRepresented.weight)} voix</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="agl-vote-helper" aria-live="polite">
        {rows
          .filter((row) => row.total > 0 && !row.invalid)
          .map((row) => (
            <span key={row.college.key}>
              {row.college.name} : pour {formatCount(row.counts.pour)} × {formatCount(row.college.perMember)} ={' '}
              {formatCount(row.counts.pour * row.college.perMember)}, contre {formatCount(row.counts.contre)} ×{' '}
              {formatCount(row.college.perMember)} = {formatCount(row.counts.contre * row.college.perMember)}
            </span>
          ))}
      </p>
      <div className="agl-vote-actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? 'Enregistrement…' : 'Enregistrer le vote'}
        </button>
        {(refusal ?? problem) && (
          <p className="alert alert-error agl-refusal" role="alert">
            {refusal ?? problem}
          </p>
        )}
      </div>
      {early.dialog}
    </form>
  );
}

interface RecordedProps {
  state: AgState;
  resolution: AgResolutionRow;
  title: string;
  readOnly: boolean;
  onCleared: () => void;
}

function RecordedVote({ state, resolution, title, readOnly, onCleared }: RecordedProps) {
  const mutation = useAgMutation('ag.clearVote');
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const votes = resolution.votes!;

  const clear = async () => {
    setError(null);
    // Prepare the form first: the fresh state may render it before the promise settles.
    onCleared();
    try {
      await mutation.mutateAsync({ meetingId: state.meetingId, resolutionId: resolution.id });
      setConfirming(false);
      notify({ kind: 'info', message: `Vote effacé : saisissez le décompte corrigé de la résolution.` });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div className="agl-vote-result">
      <dl className="agl-vote-figures">
        <div>
          <dt>Pour</dt>
          <dd>{formatCount(votes.pour)}</dd>
        </div>
        <div>
          <dt>Contre</dt>
          <dd>{formatCount(votes.contre)}</dd>
        </div>
        <div>
          <dt>Abstentions</dt>
          <dd>{formatCount(votes.abstention)}</dd>
        </div>
        <div>
          <dt>Blancs ou nuls</dt>
          <dd>{formatCount(votes.blanc)}</dd>
        </div>
      </dl>
      {resolution.arithmetic && <p className="agl-arithmetic">{resolution.arithmetic}</p>}
      {!readOnly && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Corriger le vote
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          title="Corriger le vote ?"
          confirmLabel="Effacer le vote"
          danger
          busy={mutation.isPending}
          error={error}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void clear()}
        >
          <p>
            Le résultat enregistré pour <strong>{title}</strong> ({resolution.adopted ? 'adoptée' : 'rejetée'}, pour{' '}
            {formatCount(votes.pour)}, contre {formatCount(votes.contre)}) sera effacé. Le décompte reviendra dans le
            formulaire pour être corrigé puis enregistré à nouveau.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
