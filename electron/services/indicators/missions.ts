/** Missions as the indicator lists and the tableau de suivi show them: in the order of the accord, by name. */
import { ACI_MISSION_CODES, ACI_MISSIONS, aciMission, type AciMission, type AciMissionCode } from '@shared/domain/aci';

export const MISSION_ORDER: readonly AciMissionCode[] = ACI_MISSION_CODES;

export const missionRank = (code: AciMissionCode): number => MISSION_ORDER.indexOf(code);

/**
 * The mission as the contract's ACI version names it; a contract recorded under a version that lacks the mission
 * (a crisis mission under the 2019 accord) still gets its name from the version that has it.
 */
export function missionOf(versionCode: string, code: AciMissionCode): AciMission {
  const versioned = ACI_MISSIONS.some((mission) => mission.versionCode === versionCode)
    ? aciMission(versionCode as AciMission['versionCode'], code)
    : null;
  return versioned ?? ACI_MISSIONS.find((mission) => mission.code === code)!;
}
