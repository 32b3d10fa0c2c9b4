/** French wording of the fiches screens that the rows do not already carry: missions, status badges, partnerships. */
import { ACI_MISSION_CODES, aciMission, type AciMissionCode } from '@shared/domain/aci';
import { ficheStatusLabel, partnershipTypeShort } from '@shared/domain/fiche-labels';

/** The six missions, in the order of the accord (avenant 2 sets them all). */
export const MISSION_OPTIONS = ACI_MISSION_CODES.map((code) => ({
  code,
  label: aciMission('avenant_2', code)?.label ?? code,
}));

/** The same with their short names, for the list's filter. */
export const MISSION_SHORT_OPTIONS = ACI_MISSION_CODES.map((code) => ({
  code,
  label: aciMission('avenant_2', code)?.shortLabel ?? code,
}));

/** « Accès aux soins », or « — » when the fiche is not tied to a mission. */
export function missionShortLabel(code: string | null): string {
  if (!code) return '—';
  return aciMission('avenant_2', code as AciMissionCode)?.shortLabel ?? code;
}

/** « CLS — Contrat local de santé III », or « CLS — Ville de Mulhouse » without a title. */
export function partnershipName(p: { type: string; partner: string; title: string | null }): string {
  return `${partnershipTypeShort(p.type)} — ${p.title ?? p.partner}`;
}

/** The status of a fiche as a badge: its word, with a colour that only repeats it. */
export function FicheStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-status-${status}`}>{ficheStatusLabel(status)}</span>;
}
