/**
 * Plain data of the « Synthèse du projet de santé » PDF: the fiches actions grouped by ACI mission (in the order of
 * the accord), their counts by status, the fiches without a mission and the partnerships they come under.
 * Rendered by electron/pdf.
 */
import type { FicheListRow } from '@shared/contract/fiches';
import { ACI_MISSION_CODES } from '@shared/domain/aci';
import { FICHE_STATUSES, type FicheStatus } from '@shared/domain/fiche-labels';
import { dateLong } from '@shared/format';

export const HEALTH_PROJECT_SUMMARY_TITLE = 'Synthèse du projet de santé';

export interface SummaryMission {
  code: string;
  label: string;
  fiches: FicheListRow[];
}

export interface SummaryPartnership {
  label: string;
  fichesCount: number;
}

export interface HealthProjectSummaryData {
  generatedAt: string;
  cptsName: string;
  /** The current contract, if any: its number and the contract year of today. */
  contract: { number: string | null; currentYearLabel: string | null; currentYearPeriod: string | null } | null;
  /** The missions of the contract and those with fiches, in the order of the accord. */
  missions: SummaryMission[];
  /** Fiches attached to no ACI mission. */
  withoutMission: FicheListRow[];
  partnerships: SummaryPartnership[];
}

/** Groups the fiches by mission: the contract’s missions and any mission a fiche names, in the accord’s order. */
export function groupByMission(
  fiches: readonly FicheListRow[],
  contractMissions: readonly { code: string; label: string }[],
): { missions: SummaryMission[]; withoutMission: FicheListRow[] } {
  const labels = new Map<string, string>(contractMissions.map((mission) => [mission.code, mission.label]));
  for (const fiche of fiches)
    if (fiche.missionCode && !labels.has(fiche.missionCode))
      labels.set(fiche.missionCode, fiche.missionLabel ?? fiche.missionCode);
  const order = (code: string) => {
    const index = (ACI_MISSION_CODES as readonly string[]).indexOf(code);
    return index === -1 ? ACI_MISSION_CODES.length : index;
  };
  const missions = [...labels.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([code, label]) => ({ code, label, fiches: fiches.filter((fiche) => fiche.missionCode === code) }));
  return { missions, withoutMission: fiches.filter((fiche) => !fiche.missionCode) };
}

/** How many fiches have each status, in the statuses’ order, statuses without fiches left out. */
export function statusCounts(fiches: readonly FicheListRow[]): { status: FicheStatus; label: string; count: number }[] {
  return FICHE_STATUSES.map((status) => ({
    status: status.code,
    label: status.label,
    count: fiches.filter((fiche) => fiche.status === status.code).length,
  })).filter((entry) => entry.count > 0);
}

/** « En cours : 2 · Déployée : 1 », or « Aucune fiche action ». */
export function statusCountsLine(fiches: readonly FicheListRow[]): string {
  const counts = statusCounts(fiches);
  if (counts.length === 0) return 'Aucune fiche action';
  return counts.map((entry) => `${entry.label}\u00a0:\u00a0${entry.count}`).join(' · ');
}

/** « Porteuse », « Co-porteuse avec l’hôpital de Thann », « Participante (porteur : CLS de Mulhouse) ». */
export function roleText(fiche: Pick<FicheListRow, 'cptsRole' | 'cptsRoleLabel' | 'porteurOrg'>): string {
  if (!fiche.porteurOrg || fiche.cptsRole === 'porteur') return fiche.cptsRoleLabel;
  if (fiche.cptsRole === 'co_porteur') return `${fiche.cptsRoleLabel} avec ${fiche.porteurOrg}`;
  return `${fiche.cptsRoleLabel} (porteur\u00a0: ${fiche.porteurOrg})`;
}

/** « Déployée depuis le 14 mai 2024 » when a milestone is done, else the status alone. */
export function statusText(fiche: Pick<FicheListRow, 'statusLabel' | 'lastDone'>): string {
  return fiche.lastDone ? `${fiche.statusLabel} depuis le ${dateLong(fiche.lastDone.doneOn)}` : fiche.statusLabel;
}

/** « CLS — Ville de Mulhouse (FA 2.3) », the external reference alone, or empty. */
export function frameText(fiche: Pick<FicheListRow, 'partnershipLabel' | 'externalRef'>): string {
  if (!fiche.partnershipLabel) return fiche.externalRef ?? '';
  return fiche.externalRef ? `${fiche.partnershipLabel} (${fiche.externalRef})` : fiche.partnershipLabel;
}

/** « FA-3 — Parcours diabète », or the title alone. */
export function ficheLabel(fiche: Pick<FicheListRow, 'code' | 'title'>): string {
  return fiche.code ? `${fiche.code} — ${fiche.title}` : fiche.title;
}
