/**
 * What a fiche action, a partnership or the crisis plan may point to: members still in the CPTS, communes of its
 * territory, meetings and partnerships that exist. Each refusal is a French UserError naming the form field.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { loadCommuneReference } from '../communes';
import { UserError } from '../errors';
import { displayNameOf, isActive } from '../members';

export type Db = Kysely<DB> | Transaction<DB>;

/**
 * Members newly linked (pilot, référent, référent of a crisis plan step) must exist and still be in the CPTS: not
 * departed, not anonymised. Those already linked stay even once they have left (`alreadyLinked`).
 */
export async function assertLinkableMembers(
  db: Db,
  members: { memberId: number; field: string }[],
  today: string,
  alreadyLinked: ReadonlySet<number> = new Set(),
): Promise<void> {
  const wanted = members.filter((entry) => !alreadyLinked.has(entry.memberId));
  if (!wanted.length) return;
  const rows = await db
    .selectFrom('member')
    .select(['id', 'kind', 'last_name', 'first_name', 'structure_name', 'erased_at', 'left_on'])
    .where(
      'id',
      'in',
      wanted.map((entry) => entry.memberId),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const { memberId, field } of wanted) {
    const row = byId.get(memberId);
    if (!row)
      throw new UserError('not_found', 'Cet adhérent n’existe plus. Rien n’a été enregistré.', {
        [field]: 'Adhérent introuvable.',
      });
    if (row.erased_at) {
      const message = 'Un adhérent anonymisé ne peut pas être pilote ni référent.';
      throw new UserError('invalid_input', `${message} Rien n’a été enregistré.`, { [field]: message });
    }
    if (!isActive(row.left_on, today)) {
      const message = `${displayNameOf(row)} a quitté la CPTS : choisissez un membre actuel.`;
      throw new UserError('invalid_input', `${message} Rien n’a été enregistré.`, { [field]: message });
    }
  }
}

/** Name of a commune of the official geographic code (or its code when unknown). */
export function communeName(codeInsee: string): string {
  return loadCommuneReference().byCode.get(codeInsee)?.nom ?? codeInsee;
}

/** Every commune must be one of the CPTS's territory; the first that is not is named. */
export async function assertTerritoryCommunes(db: Db, codes: readonly string[]): Promise<void> {
  if (!codes.length) return;
  const rows = await db.selectFrom('territory_commune').select('code_insee').where('code_insee', 'in', codes).execute();
  const known = new Set(rows.map((row) => row.code_insee));
  const unknown = codes.find((code) => !known.has(code));
  if (unknown) {
    const name = loadCommuneReference().byCode.get(unknown)?.nom;
    const message = name
      ? `${name} (${unknown}) n’est pas une commune du territoire de la CPTS.`
      : `Aucune commune n’a le code INSEE ${unknown}.`;
    throw new UserError('invalid_input', `${message} Rien n’a été enregistré.`, { communes: message });
  }
}

/** Every linked meeting must exist. */
export async function assertMeetings(db: Db, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom('meeting').select('id').where('id', 'in', ids).execute();
  if (rows.length !== new Set(ids).size)
    throw new UserError('not_found', 'Une des réunions choisies n’existe plus. Rien n’a été enregistré.', {
      meetingIds: 'Réunion introuvable : actualisez la liste.',
    });
}

export async function assertPartnership(db: Db, id: number, field?: string): Promise<void> {
  const row = await db.selectFrom('partnership').select('id').where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new UserError(
      'not_found',
      'Ce partenariat n’existe plus.',
      field ? { [field]: 'Partenariat introuvable : actualisez la liste.' } : undefined,
    );
}

export async function assertFiche(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('fiche_action').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette fiche action n’existe plus.');
}
