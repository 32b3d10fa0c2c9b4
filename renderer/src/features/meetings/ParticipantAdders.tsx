import { useMemo, useState } from 'react';
import type { MemberListRow } from '@shared/domain/members';
import { searchKey } from '@shared/text';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { ProfessionOptions } from '../members/ProfessionOptions';
import { guestRow, memberRow, type ParticipantRow, rcpGuestRow } from './participantRows';

/** « Ajouter un adhérent »: active members not yet listed, found by name or profession (8 at most). */
export function MemberAdder({
  members,
  rows,
  onAdd,
}: {
  members: MemberListRow[];
  rows: ParticipantRow[];
  onAdd: (row: ParticipantRow) => void;
}) {
  const [search, setSearch] = useState('');
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

  return (
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
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => {
                  onAdd(memberRow(m));
                  setSearch('');
                }}
              >
                Ajouter {m.displayName}
              </button>{' '}
              <span className="muted small">{m.professionLabel}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** « Ajouter un·e invité·e extérieur·e »: by name and quality, or on an RCP by profession only. */
export function GuestAdder({ rcp, onAdd }: { rcp: boolean; onAdd: (row: ParticipantRow) => void }) {
  const [guestName, setGuestName] = useState('');
  const [guestQuality, setGuestQuality] = useState('');
  const [guestProfession, setGuestProfession] = useState('');
  const [guestError, setGuestError] = useState<string | null>(null);
  useUnsavedChangesGuard(guestName.trim() !== '');

  const addGuest = () => {
    setGuestError(null);
    if (rcp) {
      if (!guestProfession) {
        setGuestError('Choisissez la profession de l’invité·e.');
        return;
      }
      onAdd(rcpGuestRow(guestProfession));
      setGuestProfession('');
      return;
    }
    if (!guestName.trim()) {
      setGuestError('Indiquez le nom de l’invité·e.');
      return;
    }
    onAdd(guestRow(guestName.trim(), guestQuality.trim() || null));
    setGuestName('');
    setGuestQuality('');
  };

  return (
    <div className="subform">
      <h3>Ajouter un·e invité·e extérieur·e</h3>
      {rcp ? (
        <>
          <p className="muted small">En RCP, un·e invité·e extérieur·e est désigné·e par sa profession seulement.</p>
          <div className={`field${guestError ? ' field-invalid' : ''}`}>
            <label htmlFor="invite-profession">Profession de l’invité·e</label>
            <select
              id="invite-profession"
              value={guestProfession}
              onChange={(event) => setGuestProfession(event.target.value)}
            >
              <ProfessionOptions />
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
  );
}
