/**
 * What the indicator pages need of the ACI contract (read from the contract's overview): its version, its missions,
 * its contract years with the current one, and per mission its deadline status and how many fiches actions it has.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { ContractMissionRow, ContractOverview, FicheListRow } from '@shared/contract';
import type { AciMissionCode, AciVersionCode } from '@shared/domain/aci';
import { useApiQuery } from '../../api';
import { useFiches } from '../fiches/queries';
import type { YearChoice } from './missions';

export interface ContractContext {
  contractId: number;
  versionCode: AciVersionCode;
  years: YearChoice[];
  /** The missions of the contract, in the order of the accord. */
  missionCodes: AciMissionCode[];
  /** The mission's deadline status (« Déploiement proche »…), `warn` when near or passed; null when none. */
  missionStatus: (code: AciMissionCode) => { label: string; warn: boolean } | null;
  /** How many fiches actions the mission has, null while they are read (or could not be). */
  fichesCount: (code: AciMissionCode) => number | null;
}

const WARN = new Set(['proche', 'depassee']);

/** Where a mission stands: deployed, or its next step (start, then deployment) with its deadline. */
function missionStatus(mission: ContractMissionRow): { label: string; warn: boolean } | null {
  if (mission.deployedOn) return { label: 'Mission déployée', warn: false };
  if (mission.startStatus && mission.startStatus.code !== 'fait') {
    return { label: `Démarrage : ${mission.startStatus.label}`, warn: WARN.has(mission.startStatus.code) };
  }
  if (mission.deployStatus) {
    return { label: `Déploiement : ${mission.deployStatus.label}`, warn: WARN.has(mission.deployStatus.code) };
  }
  return mission.startedOn ? { label: 'Mission démarrée', warn: false } : null;
}

function toContext(overview: ContractOverview, fiches: readonly FicheListRow[] | undefined): ContractContext | null {
  const { contract } = overview;
  if (!contract) return null;
  const missions = new Map(contract.missions.map((mission) => [mission.code, mission]));
  return {
    contractId: contract.id,
    versionCode: contract.aciVersion,
    years: contract.years.map((year) => ({
      id: year.id,
      index: year.index,
      startOn: year.startOn,
      endOn: year.endOn,
      current: year.current,
    })),
    missionCodes: contract.missions.map((mission) => mission.code),
    missionStatus: (code) => {
      const mission = missions.get(code);
      return mission ? missionStatus(mission) : null;
    },
    fichesCount: (code) => (fiches ? fiches.filter((fiche) => fiche.missionCode === code).length : null),
  };
}

/** The contract the indicator pages belong to: the active one, else the latest; `data` is null before any. */
export function useContractContext() {
  const query = useApiQuery('contract.overview', []);
  const fiches = useFiches({});
  const data = useMemo(() => (query.data ? toContext(query.data, fiches.data) : null), [query.data, fiches.data]);
  return { isPending: query.isPending, isError: query.isError, error: query.error, refetch: query.refetch, data };
}

/** The empty state of the area while no contract is entered. */
export function NoContract() {
  return (
    <section className="card call-to-action">
      <h2>Aucun contrat ACI pour l’instant</h2>
      <p>
        Les missions, leurs enveloppes et leurs indicateurs se rattachent au contrat signé avec la CPAM et l’ARS.{' '}
        <Link to="/projet-de-sante/contrat">Saisissez d’abord le contrat ACI</Link>.
      </p>
    </section>
  );
}
