import type { z } from '@shared/zod-fr';
import { contract, type ApiError, type ApiResult, type Channel } from '@shared/contract';
import { DatabaseOpenError } from '../db/database';
import { constraintError, UserError } from '../services/errors';
import type { Handlers } from './handlers';

function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * Some messages quote the value that was refused (« Le numéro RNA … n'est pas valide ») : a pasted page of text
 * must not come back whole. Long runs are cut to their beginning.
 */
function shorten(message: string): string {
  if (message.length <= 300) return message;
  return message.replace(/\S{41,}/g, (run) => `${run.slice(0, 40)}…`).slice(0, 600);
}

function fromZod(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (key && !fields[key]) fields[key] = shorten(issue.message);
  }
  const messages = [...new Set(error.issues.map((issue) => shorten(issue.message)))].slice(0, 10);
  return {
    code: 'invalid_input',
    message:
      messages.length === 1 ? messages[0]! : `Certaines informations ne sont pas valides : ${messages.join(' ')}`,
    fields,
  };
}

function fromUnknown(error: unknown): ApiError {
  if (error instanceof UserError)
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof DatabaseOpenError) return { code: 'io', message: error.message };
  const constraint = constraintError(error);
  if (constraint) {
    console.warn('[maillage] contrainte de la base refusée', (error as Error).message);
    return { code: constraint.code, message: constraint.message };
  }
  const sqliteCode = (error as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_BUSY')) {
    return {
      code: 'io',
      message: 'La base de données est occupée par une autre opération. Réessayez dans un instant.',
    };
  }
  if (typeof sqliteCode === 'string' && (sqliteCode.startsWith('SQLITE_CORRUPT') || sqliteCode === 'SQLITE_NOTADB')) {
    return {
      code: 'io',
      message:
        'La base de données est endommagée : réessayer n’y changera rien. Fermez Maillage ; au prochain démarrage, il vérifiera le fichier et proposera de restaurer la dernière sauvegarde saine.',
    };
  }
  if (sqliteCode === 'SQLITE_FULL') {
    return { code: 'io', message: 'Le disque est plein : la modification n’a pas été enregistrée.' };
  }
  console.error('[maillage] erreur inattendue', error);
  return {
    code: 'internal',
    message:
      'Une erreur inattendue est survenue. Rien n’a été modifié ; réessayez, et si elle revient, signalez-la avec l’heure.',
  };
}

/**
 * The single entry for every call from the renderer: known channel → zod-validated input → handler →
 * `{ ok: true, data }` or `{ ok: false, error }` with a French message. Never throws.
 */
export async function invokeChannel(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'not_found', message: `Opération inconnue : ${channel}.` } };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: fromUnknown(error) };
  }
}
