import { useState } from 'react';
import type { MeetingDetail, RcpCaseRow } from '@shared/contract';
import { AGE_BANDS } from '@shared/domain/meetings';
import { formatDateLong } from '@shared/format';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { decisionStatusLabel, FOLLOW_UP_STATUS } from './labels';
import { RcpCaseForm } from './RcpCaseForm';
import { useMeetingsWrite } from './queries';

/** « Cas présentés » of an RCP: pseudonymised cases, their decisions and follow-up. */
export function RcpCasesSection({ detail }: { detail: MeetingDetail }) {
  const [editing, setEditing] = useState<RcpCaseRow | 'new' | null>(null);
  const remove = useConfirmedDelete(useMeetingsWrite('rcp.deleteCase'), {
    title: () => 'Supprimer le cas ?',
    confirmLabel: 'Supprimer le cas',
    body: (c: RcpCaseRow) => <p>Le cas {c.code} et ses décisions seront supprimés.</p>,
    input: (c) => ({ id: c.id }),
    deletedMessage: (c) => `Cas ${c.code} supprimé.`,
  });

  return (
    <section className="card" aria-labelledby="cas-titre">
      <div className="card-header">
        <h2 id="cas-titre">Cas présentés</h2>
        <span className="muted small">{detail.cases.length} cas</span>
      </div>
      {detail.cases.length === 0 ? (
        <p className="muted">Aucun cas présenté pour l’instant.</p>
      ) : (
        <ul className="case-list">
          {detail.cases.map((c) => (
            <li key={c.id} className="case-item">
              <div className="case-head">
                <span className="mono case-code">{c.code}</span>
                <span>{AGE_BANDS.find((b) => b.code === c.ageBand)?.label ?? c.ageBand}</span>
                {c.sex && <span className="muted">{c.sex === 'F' ? 'femme' : 'homme'}</span>}
                {c.over75 && <span className="badge badge-warn">≥ 75 ans</span>}
                {c.ald && <span className="badge">ALD</span>}
                <span className="case-actions">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    aria-label={`Modifier le cas ${c.code}`}
                    onClick={() => setEditing(c)}
                  >
                    Modifier
                  </button>
                  <DeleteButton label={`Supprimer le cas ${c.code}`} onClick={() => remove.ask(c)} />
                </span>
              </div>
              <p className="case-motif">
                <strong>Motif :</strong> {[c.motifLabel, c.motifText].filter(Boolean).join(' — ') || '—'}
              </p>
              {c.decisions.length > 0 && (
                <ul className="case-decisions small">
                  {c.decisions.map((d) => (
                    <li key={d.id}>
                      {d.action}
                      {d.owner ? ` · ${d.owner}` : ''}
                      {d.dueOn ? ` · avant le ${formatDateLong(d.dueOn)}` : ''} · {decisionStatusLabel(d.status)}
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted small">
                Suivi : {FOLLOW_UP_STATUS.find((s) => s.code === c.followUpStatus)?.label}
                {c.followUpOn ? `, le ${formatDateLong(c.followUpOn)}` : ''}
                {c.patientInformed ? ' · patient·e informé·e' : ' · patient·e non informé·e'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <RcpCaseForm
          key={editing === 'new' ? 'new' : editing.id}
          detail={detail}
          row={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            Ajouter un cas
          </button>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}
