/** Missions as the indicator lists and the tableau de suivi show them: in the order of the ACI text, by name. */
import { MISSION_CODES, type MissionCode } from '@shared/contract';

export const MISSION_ORDER: readonly MissionCode[] = MISSION_CODES;

export const missionRank = (code: MissionCode): number => MISSION_ORDER.indexOf(code);

export function missionLabel(code: MissionCode): string {
  return code;
}
