/** Mission names and the contract year chosen on the pages of the area (kept in the address: `?annee=3`). */
import { useSearchParams } from 'react-router-dom';
import { ACI_MISSIONS, type AciMissionCategory, type AciMissionCode, type AciVersionCode } from '@shared/domain/aci';
import { formatDateLong, toIsoDate } from '@shared/format';

/** « Amélioration de l’accès aux soins »: the mission's name in the contract's ACI version (the latest otherwise). */
export function missionName(code: string, versionCode?: AciVersionCode | null): string {
  const missions = ACI_MISSIONS.filter((mission) => mission.code === code);
  const mission = missions.find((m) => m.versionCode === versionCode) ?? missions[missions.length - 1];
  return mission?.label ?? 'Mission inconnue';
}

/** Socle or optional in the contract's version; null when the version does not know the mission. */
export function missionCategory(code: string, versionCode: AciVersionCode | null): AciMissionCategory | null {
  return ACI_MISSIONS.find((mission) => mission.code === code && mission.versionCode === versionCode)?.category ?? null;
}

export const isMissionCode = (code: string | undefined): code is AciMissionCode =>
  ACI_MISSIONS.some((mission) => mission.code === code);

/** A contract year as the year selector shows it. */
export interface YearChoice {
  id: number;
  index: number;
  startOn: string;
  endOn: string;
  current: boolean;
}

/** « Année 2 (du 1er avril 2023 au 31 mars 2024) » */
export function yearLabel(year: Pick<YearChoice, 'index' | 'startOn' | 'endOn'>): string {
  return `Année ${year.index} (du ${formatDateLong(year.startOn)} au ${formatDateLong(year.endOn)})`;
}

/**
 * The contract year the page shows: the one in the address (`?annee=2`), else the current one, else the last that
 * has started (a contract come to term), else the first (a contract still to start). Changing it keeps the rest
 * of the address.
 */
export function useSelectedYear(years: readonly YearChoice[]) {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('annee'));
  const started = years.filter((y) => y.startOn <= toIsoDate(new Date()));
  const year =
    years.find((y) => y.index === asked) ??
    years.find((y) => y.current) ??
    started[started.length - 1] ??
    years[0] ??
    null;
  const select = (index: number) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('annee', String(index));
        return next;
      },
      { replace: true },
    );
  return { year, select };
}

/** `?annee=2` to keep the year when going to another page of the area. */
export const yearQuery = (year: YearChoice | null) => (year ? `?annee=${year.index}` : '');
