import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { formatCount, pl } from '../QuorumPanel';
import { useAgMutation } from '../queries';
import { useEarlyVote } from './useEarlyVote';
import { EMPTY, FIELDS, collegeKey, parseHeads, type FormProps, type HeadDraft, type VoteKey } from './voteDraft';

/**
 * Weighted votes: the coordinator counts raised hands in each collège (members, not voix) and the app applies the
 * weights, showing the calculation. A collège counted beyond its members present or represented is flagged here and
 * refused by the main process.
 */
export function WeightedVoteForm({
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
      <DataTable
        rows={rows}
        rowKey={(row) => row.college.key}
        className="agl-weighted-table"
        compact
        scroll
        rowProps={(row) => ({ className: row.over || row.invalid ? 'agl-vote-over' : undefined })}
        columns={[
          {
            header: 'Collège',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.college.name}
                <br />
                <span className="muted">
                  {formatCount(row.college.perMember)} {pl(row.college.perMember, 'voix', 'voix')} par membre
                </span>
              </>
            ),
          },
          ...FIELDS.map((field) => ({
            header: (
              <>
                {field.label} <span className="muted">(membres)</span>
              </>
            ),
            className: 'numeric',
            cell: (row: (typeof rows)[number], index: number) => (
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
            ),
          })),
          {
            header: 'Présents ou représentés',
            className: 'numeric',
            cell: (row) => (
              <>
                {formatCount(row.total)} / {formatCount(row.college.heads)}
              </>
            ),
          },
        ]}
        footer={
          <tr>
            <th scope="row">Voix pondérées</th>
            {FIELDS.map((field) => (
              <td key={field.key} className="numeric" data-testid={`poids-${field.key}`}>
                <strong>{formatCount(weighted[field.key])}</strong>
              </td>
            ))}
            <td className="numeric">sur {formatCount(state.quorum.presentOrRepresented.weight)} voix</td>
          </tr>
        }
      />
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
