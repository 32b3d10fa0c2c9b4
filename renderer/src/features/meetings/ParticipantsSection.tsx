import { useMemo, useState } from 'react';
import type { MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { ATTENDANCE } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { searchKey } from '@shared/text';
import { ApiCallError, errorMessage, useApiMutation } from '../../api';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { PROFESSION_GROUPS } from '../members/labels';

interface Row {
  key: number;
  id: number | null;
  memberId: number | null;
  name: string;
  professionLabel: string | null;
  guestName: string | null;
  guestQuality: string | null;
  professionCode: string | null;
  attendance: string;
  minutesSpent: string;
}

let nextKey = 1;
const toRows = (detail: MeetingDetail): Row[] =>
  detail.participants.map((p) => ({
    key: nextKey++,
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    professionLabel: p.professionLabel,
    guestName: p.memberId === null && detail.data.type !== 'rcp' ? p.name : null,
    guestQuality: p.guestQuality,
    professionCode: p.memberId === null ? p.professionCode : null,
    attendance: p.attendance ?? '',
    minutesSpent: p.minutesSpent === null ? '' : String(p.minutesSpent),
  }));

/** Members and guests, their attendance and time spent; saved as a whole. */
export function ParticipantsSection({ detail, members }: { detail: MeetingDetail; members: MemberListRow[] }) {
  const toast = useToast();
  const rcp = detail.data.type === 'rcp';
  const [rows, setRows] = useState<Row[]>(() => toRows(detail));
  const [dirty, setDirty] = useState(false);
  const [search, setSearch] = useState('');
  const [guestName, setGuestName] = useState('');
  const [guestQuality, setGuestQuality] = useState('');
  const [guestProfession, setGuestProfession] = useState('');
  const [guestError, setGuestError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const save = useApiMutation('meetings.saveParticipants');
  useUnsavedChangesGuard(dirty || guestName.trim() !== '');

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const update = (key: number, patch: Partial<Row>) =>
    change(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const hits = useMemo(() => {
    const words = searchKey(search).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const taken = new Set(rows.map((r) => r.memberId));
    return members
      .filter((m) => !m.erased && m.active && !taken.has(m.id))
      .filter((m) => {
        const key = searchKey(`${m.displayName} ${m.professionLabel ?? ''}`);
        return words.every((word) => key.includes(word));
      })
      .slice(0, 8);
  }, [search, members, rows]);

  const addMember = (member: MemberListRow) => {
    change([
      ...rows,
      {
        key: nextKey++,
        id: null,
        memberId: member.id,
        name: member.displayName,
        professionLabel: member.professionLabel,
        guestName: null,
        guestQuality: null,
        professionCode: null,
        attendance: 'present',
        minutesSpent: '',
      },
    ]);
    setSearch('');
  };

  const addGuest = () => {
    setGuestError(null);
    if (rcp) {
      if (!guestProfession) {
        setGuestError('Choisissez la profession de l’invité·e.');
        return;
      }
      const label = PROFESSION_BY_CODE.get(guestProfession)?.label ?? guestProfession;
      change([
        ...rows,
        {
          key: nextKey++,
          id: null,
          memberId: null,
          name: label,
          professionLabel: label,
          guestName: null,
          guestQuality: null,
          professionCode: guestProfession,
          attendance: 'present',
          minutesSpent: '',
        },
      ]);
      setGuestProfession('');
      return;
    }
    if (!guestName.trim()) {
      setGuestError('Indiquez le nom de l’invité·e.');
      return;
    }
    change([
      ...rows,
      {
        key: nextKey++,
        id: null,
        memberId: null,
        name: guestName.trim(),
        professionLabel: null,
        guestName: guestName.trim(),
        guestQuality: guestQuality.trim() || null,
        professionCode: null,
        attendance: 'present',
        minutesSpent: '',
      },
    ]);
    setGuestName('');
    setGuestQuality('');
  };

  const onSave = async () => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync({
        meetingId: detail.id,
        participants: rows.map((row) => ({
          id: row.id,
          memberId: row.memberId,
          guestName: row.guestName,
          guestQuality: row.guestQuality,
          professionCode: row.professionCode,
          attendance: row.attendance || null,
          minutesSpent: row.minutesSpent === '' ? null : Number(row.minutesSpent),
        })),
      });
      setRows(toRows(saved));
      setDirty(false);
      toast.notify({ kind: 'success', message: 'Participants enregistrés.' });
    } catch (error) {
      const fields = error instanceof ApiCallError ? Object.values(error.fields) : [];
      setFormError([errorMessage(error), ...fields].join(' '));
    }
  };

  const present = rows.filter((r) => r.attendance === 'present').length;

  return (
    <section className="card" aria-labelledby="participants-titre">
      <div className="card-header">
        <h2 id="participants-titre">Participants</h2>
        <span className="muted small">
          {rows.length} inscrit{rows.length > 1 ? 's' : ''}, {present} présent{present > 1 ? 's' : ''}
          {rcp ? ` · ${detail.professionCount} profession${detail.professionCount > 1 ? 's' : ''}` : ''}
        </span>
      </div>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="muted">Aucun participant pour l’instant.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Profession / qualité</th>
                <th scope="col">Présence</th>
                <th scope="col">Temps (min)</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>
                    {row.memberId === null && rcp ? <span className="muted">Invité·e extérieur·e</span> : row.name}
                    {row.memberId === null && !rcp && <span className="badge badge-muted"> invité·e</span>}
                  </td>
                  <td>{row.professionLabel ?? row.guestQuality ?? '—'}</td>
                  <td>
                    <select
                      aria-label={`Présence de ${row.name}`}
                      value={row.attendance}
                      onChange={(event) => update(row.key, { attendance: event.target.value })}
                    >
                      <option value="">—</option>
                      {ATTENDANCE.map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={1440}
                      className="number-input"
                      aria-label={`Temps passé par ${row.name} (minutes)`}
                      value={row.minutesSpent}
                      onChange={(event) => update(row.key, { minutesSpent: event.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Retirer ${row.name}`}
                      onClick={() => change(rows.filter((r) => r.key !== row.key))}
                    >
                      Retirer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="columns participants-add">
        <div className="subform">
          <h3>Ajouter un adhérent</h3>
          <div className="field">
            <label htmlFor="participant-recherche">Rechercher un adhérent</label>
            <input
              id="participant-recherche"
              type="search"
              autoComplete="off"
              placeholder="Nom ou profession"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          {search.trim() && hits.length === 0 && <p className="muted small">Aucun adhérent ne correspond.</p>}
          {hits.length > 0 && (
            <ul className="result-list" aria-label="Adhérents trouvés">
              {hits.map((m) => (
                <li key={m.id}>
                  <button type="button" className="button button-small button-secondary" onClick={() => addMember(m)}>
                    Ajouter {m.displayName}
                  </button>{' '}
                  <span className="muted small">{m.professionLabel}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="subform">
          <h3>Ajouter un·e invité·e extérieur·e</h3>
          {rcp ? (
            <>
              <p className="muted small">
                En RCP, un·e invité·e extérieur·e est désigné·e par sa profession seulement.
              </p>
              <div className={`field${guestError ? ' field-invalid' : ''}`}>
                <label htmlFor="invite-profession">Profession de l’invité·e</label>
                <select
                  id="invite-profession"
                  value={guestProfession}
                  onChange={(event) => setGuestProfession(event.target.value)}
                >
                  <option value="">— Choisir —</option>
                  {PROFESSION_GROUPS.map((group) => (
                    <optgroup key={group.family} label={group.label}>
                      {group.professions.map((p) => (
                        <option key={p.code} value={p.code}>
                          {p.inclusive}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                {guestError && <p className="field-error">{guestError}</p>}
              </div>
            </>
          ) : (
            <>
              <div className={`field${guestError ? ' field-invalid' : ''}`}>
                <label htmlFor="invite-nom">Nom de l’invité·e</label>
                <input
                  id="invite-nom"
                  type="text"
                  autoComplete="off"
                  value={guestName}
                  onChange={(event) => setGuestName(event.target.value)}
                />
                {guestError && <p className="field-error">{guestError}</p>}
              </div>
              <div className="field">
                <label htmlFor="invite-qualite">Qualité</label>
                <input
                  id="invite-qualite"
                  type="text"
                  autoComplete="off"
                  placeholder="ARS, CPAM, élu·e…"
                  value={guestQuality}
                  onChange={(event) => setGuestQuality(event.target.value)}
                />
              </div>
            </>
          )}
          <button type="button" className="button button-small button-secondary" onClick={addGuest}>
            Ajouter l’invité·e
          </button>
        </div>
      </div>

      <div className="form-actions">
        <button type="button" className="button" onClick={() => void onSave()} disabled={save.isPending}>
          {save.isPending ? 'Enregistrement…' : 'Enregistrer les participants'}
        </button>
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </div>
    </section>
  );
}
