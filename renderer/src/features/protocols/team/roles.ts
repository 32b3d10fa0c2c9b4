import { checkRpps } from '@shared/domain/identifiers';
import {
  isCooperation,
  PROTOCOL_MEMBER_ROLES,
  type ProtocolFamily,
  type ProtocolMemberRole,
} from '@shared/domain/protocol-labels';

/** Délégants and délégués exist only in a cooperation protocol: acts are transferred there, nowhere else. */
const COOPERATION_ROLES: readonly ProtocolMemberRole[] = ['delegant', 'delegue'];

/** The roles a member can hold in a protocol of this family, in the order the team is shown. */
export function rolesFor(family: ProtocolFamily): readonly (typeof PROTOCOL_MEMBER_ROLES)[number][] {
  const order: readonly ProtocolMemberRole[] = isCooperation(family)
    ? ['delegant', 'delegue', 'referent', 'redacteur', 'utilisateur']
    : ['referent', 'redacteur', 'utilisateur'];
  return order.map((code) => PROTOCOL_MEMBER_ROLES.find((role) => role.code === code)!);
}

/** The order of the team's groups: the family's roles, then any role the family no longer allows (kept visible). */
export function roleGroupsFor(family: ProtocolFamily): readonly (typeof PROTOCOL_MEMBER_ROLES)[number][] {
  const allowed = rolesFor(family);
  return [...allowed, ...PROTOCOL_MEMBER_ROLES.filter((role) => !allowed.includes(role))];
}

export const needsRpps = (role: ProtocolMemberRole) => COOPERATION_ROLES.includes(role);

/** What is wrong with a délégant’s or délégué’s RPPS, or null when it is a valid one. */
export function rppsProblem(rpps: string | null): string | null {
  if (!rpps) return 'RPPS manquant';
  return checkRpps(rpps).ok ? null : 'RPPS invalide';
}
