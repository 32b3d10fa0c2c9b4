/**
 * The life of a protocol's version: written (brouillon), validated by a body of the CPTS (valide), in force, then
 * superseded by the next one (remplace), suspended or archived. Which changes are allowed, and which version applies.
 */
import type { ProtocolVersionStatus } from '../protocol-labels';

/** What a user may set a version to once it is validated (validation itself has its own form). */
export type VersionStatusTarget = 'en_vigueur' | 'suspendu' | 'archive';

const ALLOWED: Record<ProtocolVersionStatus, readonly VersionStatusTarget[]> = {
  brouillon: [],
  valide: ['en_vigueur', 'archive'],
  en_vigueur: ['suspendu', 'archive'],
  suspendu: ['en_vigueur', 'archive'],
  remplace: ['archive'],
  archive: [],
};

/** Why a version cannot go from one status to another (French), or null when it can. */
export function statusChangeProblem(from: ProtocolVersionStatus, to: VersionStatusTarget): string | null {
  if (ALLOWED[from].includes(to)) return null;
  if (from === 'brouillon')
    return 'Cette version est un brouillon : validez-la d’abord (date et instance de validation).';
  if (from === 'archive') return 'Cette version est archivée : elle ne peut plus changer de statut.';
  if (from === to)
    return to === 'en_vigueur'
      ? 'Cette version est déjà en vigueur.'
      : to === 'suspendu'
        ? 'Cette version est déjà suspendue.'
        : 'Cette version est déjà archivée.';
  if (to === 'suspendu') return 'Seule une version en vigueur peut être suspendue.';
  return 'Une version remplacée ne peut plus entrer en vigueur : créez une nouvelle version.';
}

/** Order in which a status makes a version « the one that applies »: in force first, a draft never. */
const PRECEDENCE: Record<ProtocolVersionStatus, number> = {
  en_vigueur: 0,
  suspendu: 1,
  valide: 2,
  archive: 3,
  remplace: 4,
  brouillon: 5,
};

/** SQL `case` order of the same precedence, so that lists pick the same version as `applyingVersion`. */
export const APPLYING_ORDER_SQL = `case status ${Object.entries(PRECEDENCE)
  .map(([status, rank]) => `when '${status}' then ${rank}`)
  .join(' ')} end`;

/**
 * The version that applies: the one in force (or suspended), else the latest validated, else the latest archived or
 * superseded; while only a draft exists, the draft.
 */
export function applyingVersion<V extends { number: number; status: ProtocolVersionStatus }>(
  versions: readonly V[],
): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (
      !best ||
      PRECEDENCE[version.status] < PRECEDENCE[best.status] ||
      (PRECEDENCE[version.status] === PRECEDENCE[best.status] && version.number > best.number)
    )
      best = version;
  }
  return best;
}
