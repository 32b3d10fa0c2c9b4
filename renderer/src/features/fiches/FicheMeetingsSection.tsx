import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { FicheDetail } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { useToast } from '../../components/Toasts';
import { decisionStatusLabel } from '../meetings/labels';
import { useMeetings } from '../meetings/queries';
import { ficheWith } from './ficheFormValues';
import { useFichesWrite } from './queries';

const OPEN = new Set(['a_faire', 'en_cours']);

/** The meetings of the fiche's working group, with their open decisions; link one more, or unlink. */
export function FicheMeetingsSection({ detail }: { detail: FicheDetail }) {
  const toast = useToast();
  const update = useFichesWrite('fiches.update');
  const meetings = useMeetings({});
  const [chosen, setChosen] = useState('');
  const linked = detail.meetings.map((m) => m.id);
  const candidates = (meetings.data ?? [])
    .filter((m) => !linked.includes(m.id))
    .sort((a, b) => b.date.localeCompare(a.date));
  const openDecisions = detail.meetings.flatMap((m) =>
    m.decisions.filter((d) => OPEN.has(d.status)).map((d) => ({ ...d, meeting: m })),
  );

  const save = (meetingIds: number[], success: string) =>
    update.mutate(
      { id: detail.id, data: ficheWith(detail, { meetingIds }) },
      {
        onSuccess: () => {
          toast.notify({ kind: 'success', message: success });
          setChosen('');
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le lien n’a pas été enregistré : ${errorMessage(error)}` }),
      },
    );

  return (
    <section className="card fiche-meetings" aria-labelledby="fiche-reunions-titre">
      <h2 id="fiche-reunions-titre">Réunions et décisions</h2>
      <DataTable
        rows={detail.meetings}
        rowKey={(m) => m.id}
        compact
        aria-labelledby="fiche-reunions-titre"
        empty="Aucune réunion liée à cette fiche. Liez les réunions du groupe de travail pour suivre leurs décisions ici."
        columns={[
          { header: 'Date', cell: (m) => formatDateLong(m.date) },
          {
            header: 'Réunion',
            rowHeader: true,
            cell: (m) => (
              <>
                <Link to={`/reunions/${m.id}`}>{m.title}</Link>
                <div className="cell-sub">{m.typeLabel}</div>
              </>
            ),
          },
          {
            header: 'Décisions ouvertes',
            className: 'num',
            cell: (m) => m.decisions.filter((d) => OPEN.has(d.status)).length,
          },
        ]}
        actionsClassName="row-actions"
        actions={(m) => (
          <button
            type="button"
            className="button button-small button-ghost"
            disabled={update.isPending}
            onClick={() =>
              save(
                linked.filter((id) => id !== m.id),
                `La réunion « ${m.title} » n’est plus liée à la fiche.`,
              )
            }
            aria-label={`Retirer le lien avec la réunion ${m.title}`}
          >
            Retirer
          </button>
        )}
      />
      {openDecisions.length > 0 && (
        <>
          <h3>Décisions ouvertes</h3>
          <DataTable
            rows={openDecisions}
            rowKey={(d) => d.id}
            compact
            aria-label="Décisions ouvertes des réunions liées"
            columns={[
              { header: 'Décision', rowHeader: true, cell: (d) => d.text },
              { header: 'Responsable', cell: (d) => d.owner ?? '—' },
              { header: 'Échéance', cell: (d) => (d.dueOn ? formatDateLong(d.dueOn) : '—') },
              { header: 'État', cell: (d) => decisionStatusLabel(d.status) },
              { header: 'Réunion', cell: (d) => <Link to={`/reunions/${d.meeting.id}`}>{d.meeting.title}</Link> },
            ]}
          />
        </>
      )}
      <form
        className="inline-field fiche-link-meeting"
        onSubmit={(event) => {
          event.preventDefault();
          const meeting = candidates.find((m) => String(m.id) === chosen);
          if (meeting) save([...linked, meeting.id], `Réunion « ${meeting.title} » liée à la fiche.`);
        }}
      >
        <label htmlFor="fiche-reunion">Lier une réunion</label>
        <select id="fiche-reunion" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">{meetings.isPending ? 'Chargement…' : '— Choisir une réunion —'}</option>
          {candidates.map((m) => (
            <option key={m.id} value={String(m.id)}>
              {formatDateLong(m.date)} — {m.title}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small button-secondary" disabled={!chosen || update.isPending}>
          Lier
        </button>
      </form>
    </section>
  );
}
