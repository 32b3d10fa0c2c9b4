/** French wording of the library screens that the rows do not carry: badges of family, status and review. */
import {
  PROTOCOL_FAMILIES,
  protocolFamilyLabel,
  protocolVersionStatusLabel,
  type ProtocolFamily,
  type ProtocolVersionStatus,
} from '@shared/domain/protocol-labels';
import { formatDateLong } from '@shared/format';

/** Where the library remembers its filters (the address's query), for the links back to it. */
export const LIBRARY_SEARCH_KEY = 'protocoles.filtres';

export type ReviewState = 'a_jour' | 'bientot' | 'depassee' | null;

/** The families with their short names, for the filters. */
export const FAMILY_SHORT_OPTIONS = PROTOCOL_FAMILIES.map((family) => ({ code: family.code, label: family.short }));

/** « Coopération nationale »: a cooperation protocol's badge stands out (acts are transferred). */
export function FamilyBadge({ family }: { family: ProtocolFamily }) {
  const entry = PROTOCOL_FAMILIES.find((candidate) => candidate.code === family);
  return (
    <span
      className={`badge protocol-family${entry?.cooperation ? ' protocol-family-coop' : ''}`}
      title={protocolFamilyLabel(family)}
    >
      {entry?.short ?? family}
    </span>
  );
}

/** The status of a version as a badge: its word, with a colour that only repeats it. */
export function VersionStatusBadge({ status }: { status: ProtocolVersionStatus }) {
  return <span className={`badge protocol-status-${status}`}>{protocolVersionStatusLabel(status)}</span>;
}

/** « À réviser » / « Révision dépassée » next to the review date; nothing while the protocol is up to date. */
export function ReviewBadge({ review }: { review: ReviewState }) {
  if (review === 'bientot') return <span className="badge badge-warn">À réviser</span>;
  if (review === 'depassee') return <span className="badge protocol-review-overdue">Révision dépassée</span>;
  return null;
}

/** « 3 mars 2027 » with its badge, or « — ». */
export function ReviewDate({ on, review }: { on: string | null; review: ReviewState }) {
  if (!on) return <>—</>;
  return (
    <span className="protocol-review">
      {formatDateLong(on)} <ReviewBadge review={review} />
    </span>
  );
}
