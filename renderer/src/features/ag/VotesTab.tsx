/**
 * Votes of the assembly, resolution by resolution: the figures counted in the room (pour, contre, abstentions,
 * blancs ou nuls) are recorded by the main process, which refuses them with a French reason (quorum not met, more
 * votes than members present or represented…) and otherwise decides « adoptée » or « rejetée » with its arithmetic.
 */
import { useId, useState } from 'react';
import type { AgResolutionRow, AgState } from '@shared/contract';
import { errorMessage, useApiQuery } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { numberedResolutions } from './agLabels';
import { formatCount, pl, QuorumPanel } from './QuorumPanel';
import { RecordedVote } from './votes/RecordedVote';
import { EMPTY, collegeKey, type Draft, type HeadDraft } from './votes/voteDraft';
import { VoteForm } from './votes/VoteForm';
import { WeightedVoteForm } from './votes/WeightedVoteForm';

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
