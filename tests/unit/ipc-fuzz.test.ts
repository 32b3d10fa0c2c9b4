import { describe, it, expect, afterAll, beforeAll, vi } from 'vitest';
import { sql } from 'kysely';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invokeChannel } from '../../electron/ipc/invoke';
import { channels, contract, type Channel } from '@shared/contract';
import { SEG_CODES } from '../helpers/db';
import { testBackend } from '../helpers/handlers';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';

/**
 * Every channel of the contract receives several hundred generated invalid inputs (wrong types, 1 MB strings,
 * unknown and prototype-polluting keys, negative ids, NaN, nested garbage, arrays for objects), sent through a
 * structured clone as Electron's IPC does. Each answer must be a typed French error, and the database must be
 * exactly as before (every row of every table).
 *
 * Unknown keys are stripped, not refused (zod's default, kept everywhere): the handler only ever receives the
 * parsed data, so an unknown or prototype-polluting key never reaches a service, and the forms that share these
 * schemas may carry display-only fields. So every generated input has at least one known field wrong, or is not
 * an object at all.
 */
const INPUTS_PER_CHANNEL = 300;
const HUGE = 'é'.repeat(1 << 20); // 1 Mi characters
const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'io'];

/** mulberry32: a small deterministic generator, seeded per channel. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash ^ 0x5eed;
}

type Rng = () => number;
const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;

/** Objects whose own keys try to pollute prototypes once merged or spread. */
function pollution(rng: Rng): Record<string, unknown> {
  return pick(rng, [
    () => JSON.parse('{"__proto__": {"polluted": "oui", "isAdmin": true}}'),
    () => JSON.parse('{"constructor": {"prototype": {"polluted": "oui"}}}'),
    () => ({ prototype: { polluted: 'oui' }, toString: 'x', valueOf: 1, hasOwnProperty: null }),
  ])();
}

/** Nested garbage: objects and arrays of odd values, a few levels deep. */
function nested(rng: Rng, depth = 0): unknown {
  if (depth > 3) return pick(rng, [NaN, -1, null, '', HUGE, Infinity]);
  const kind = Math.floor(rng() * 3);
  if (kind === 0) return [nested(rng, depth + 1), nested(rng, depth + 1)];
  if (kind === 1)
    return { a: nested(rng, depth + 1), ['__proto__']: nested(rng, depth + 1), '': nested(rng, depth + 1) };
  return pick(rng, [NaN, -Infinity, -1, 0.5, true, null, '', HUGE, 'DROP TABLE member;--']);
}

interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  element?: ZodLike;
  options?: ZodLike[];
  shape?: Record<string, ZodLike>;
}
interface ZodLike {
  _zod: { def: Def };
}

/** Strips optional/nullable/default/pipe wrappers: the type a value must really have. */
function core(schema: ZodLike): ZodLike {
  let current = schema;
  for (let i = 0; i < 20; i += 1) {
    const def = current._zod.def;
    if (
      ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type) &&
      def.innerType
    )
      current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

function shapeOf(schema: ZodLike): Record<string, ZodLike> | null {
  const target = core(schema);
  const def = target._zod.def as Def & { shape?: Record<string, ZodLike> };
  if (def.type !== 'object') return null;
  return (target as unknown as { shape: Record<string, ZodLike> }).shape ?? def.shape ?? null;
}

/** A wrong value for a field of the given schema: never undefined nor null (both may be allowed). */
function wrongValue(schema: ZodLike, rng: Rng): unknown {
  const def = core(schema)._zod.def;
  switch (def.type) {
    case 'string':
      return pick(rng, [42, -1, NaN, true, {}, [], HUGE, [HUGE], pollution(rng), [nested(rng)], Infinity]);
    case 'number':
    case 'int':
      return pick(rng, [
        '12',
        '',
        -1,
        -2147483649,
        NaN,
        Infinity,
        -Infinity,
        1.5,
        Number.MAX_SAFE_INTEGER + 2,
        HUGE,
        [],
        {},
        true,
        pollution(rng),
      ]);
    case 'boolean':
      return pick(rng, ['true', 'false', 1, 0, NaN, HUGE, {}, [], pollution(rng)]);
    case 'enum':
    case 'literal':
      return pick(rng, ['__proto__', 'constructor', 'toString', HUGE, 42, NaN, '', [], {}, pollution(rng)]);
    case 'array': {
      const element = def.element;
      return pick(rng, [
        () => 'pas un tableau',
        () => ({ 0: 'a', length: 1 }),
        () => HUGE,
        () => NaN,
        () => pollution(rng),
        () =>
          element ? Array.from({ length: 1 + Math.floor(rng() * 3) }, () => wrongValue(element, rng)) : [nested(rng)],
        // Long arrays of small values: 2,000 copies of a 1 MB string would be the sender's own 2 GB, not a test.
        () => Array.from({ length: 2_000 }, () => pick(rng, [NaN, -1, null, '', {}, [], 'x', true])),
      ])();
    }
    case 'object': {
      const shape = shapeOf(schema);
      return pick(rng, [
        () => [],
        () => 'objet',
        () => -1,
        () => NaN,
        () => HUGE,
        () => pollution(rng),
        () => (shape ? garbageObject(shape, rng) : nested(rng)),
      ])();
    }
    case 'union': {
      const option = def.options?.length ? pick(rng, def.options) : null;
      return option ? wrongValue(option, rng) : nested(rng);
    }
    default:
      return nested(rng);
  }
}

/** An object with the schema's keys, at least one of them wrong, plus unknown and prototype-polluting keys at times. */
function garbageObject(shape: Record<string, ZodLike>, rng: Rng): Record<string, unknown> {
  const keys = Object.keys(shape);
  const value: Record<string, unknown> = rng() < 0.3 ? pollution(rng) : {};
  const forced = keys.length ? pick(rng, keys) : null;
  for (const key of keys) {
    if (key === forced || rng() < 0.5) value[key] = wrongValue(shape[key]!, rng);
  }
  if (rng() < 0.4) value[pick(rng, ['inconnu', 'id', 'sql', 'isAdmin'])] = nested(rng);
  if (!forced) value.inconnu = nested(rng); // an object channel without keys: only the unknown key makes it wrong
  return value;
}

/** One generated invalid input for a channel. */
function invalidInput(schema: ZodLike, rng: Rng): unknown {
  const shape = shapeOf(schema);
  const def = core(schema)._zod.def;
  if (def.type === 'undefined') {
    return pick(rng, [null, 0, NaN, '', HUGE, [], {}, pollution(rng), nested(rng), { query: 'x' }, -1, false]);
  }
  if (!shape || rng() < 0.2) {
    // Never a plain object here: unknown keys are stripped (see below), so `{}` may be a valid « all defaults » input.
    return pick(rng, [null, NaN, -1, 0, '', HUGE, [], [{}], true, 'members', [pollution(rng)], [nested(rng)]]);
  }
  return garbageObject(shape, rng);
}

const FRENCH =
  /[éèêàçùôîœ]|\b(de|du|la|le|les|des|une?|au|aux|pour|ou|et|en|est|pas|doit|ce|cette|plus|attendue?|invalide|identifiant|nombre)\b/i;
const NOT_FOR_USERS =
  /SQLITE|constraint failed|TypeError|ReferenceError|Cannot read|undefined is not|is not a function|\bat .+:\d+:\d+|Expected|Invalid input|Required|ZodError|node_modules|\n\s+at /;

function checkMessage(message: unknown): string | null {
  if (typeof message !== 'string' || !message.trim()) return 'message vide';
  if (message.length > 2_000) return `message de ${message.length} caractères`;
  if (NOT_FOR_USERS.test(message)) return `texte technique : ${message.slice(0, 200)}`;
  if (!FRENCH.test(message)) return `pas en français : ${message.slice(0, 200)}`;
  return null;
}

const MISSING_IDS = [999_999, 2_147_483_647, Number.MAX_SAFE_INTEGER];

/**
 * For channels whose input is only ids (and confirmations): well-formed ids of rows that do not exist. These pass
 * the schema and reach the service, which must refuse them without writing.
 */
function missingIdsInput(schema: ZodLike, rng: Rng): Record<string, unknown> | null {
  const shape = shapeOf(schema);
  if (!shape || !Object.keys(shape).length) return null;
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const def = core(field)._zod.def as Def & { values?: unknown[] };
    if (def.type === 'number' || def.type === 'int') value[key] = pick(rng, MISSING_IDS);
    else if (def.type === 'literal' && def.values?.length) value[key] = def.values[0];
    else return null;
  }
  return value;
}

type Backend = Awaited<ReturnType<typeof testBackend>>;
let backend: Backend;

/** Every row of every table, in a stable order. */
async function dump(): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(
    backend.database.db,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql.raw(`select * from "${name}" order by rowid`).execute(backend.database.db);
    out[name] = rows.rows;
  }
  return JSON.stringify(out);
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

const report: { channel: Channel; inputs: number; reachedHandler: number }[] = [];

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  backend = await testBackend({
    // Dialogs answer as a user would: a file in the test folder, a folder, the fixtures for imports.
    chooseSavePath: async (name) => join(backend.database.dir, 'exports', name),
    chooseOpenPath: async () => join(backend.database.dir, 'nothing-here.csv'),
  });
  await backend.ok('cpts.saveIdentity', MINIMAL_IDENTITY);
  await backend.ok('territory.addCommunes', { codes: SEG_CODES });
  const [college] = await backend.ok('colleges.save', {
    name: 'Professionnels libéraux',
    votingRight: 'deliberative',
    seats: null,
    voteWeight: 1,
    description: '',
  } as never);
  await backend.ok('members.create', {
    kind: 'person',
    lastName: 'Martin',
    firstName: 'Anne',
    professionCode: '10',
    collegeId: college!.id,
    joinedOn: '2025-01-15',
  } as never);
  await backend.ok('meetings.create', { type: 'ca', title: 'Conseil d’administration', date: '2026-11-22' } as never);
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await backend?.database.dispose();
  console.info(
    `[fuzz IPC] ${report.length} canaux × ${INPUTS_PER_CHANNEL} entrées = ${report.length * INPUTS_PER_CHANNEL} appels ; ` +
      `${report.reduce((sum, row) => sum + row.reachedHandler, 0)} sont passés au-delà du schéma (refusés par le service).`,
  );
});

describe('IPC fuzz: invalid input never crashes, never writes, always answers in French', () => {
  it('covers every channel of the contract', () => {
    expect(channels.length).toBe(Object.keys(contract).length);
    expect(channels.length).toBeGreaterThan(50);
  });

  it.each([...channels])(
    '%s',
    async (channel) => {
      const schema = contract[channel].input as unknown as ZodLike & {
        safeParse: (value: unknown) => { success: boolean };
      };
      const rng = random(seedOf(channel));
      const before = await dump();
      const filesBefore = filesIn(backend.database.dir);
      const failures: string[] = [];
      let reachedHandler = 0;
      const internal = vi.spyOn(console, 'error').mockImplementation(() => {});
      const idsOnly = missingIdsInput(schema, rng) !== null;
      for (let i = 0; i < INPUTS_PER_CHANNEL; i += 1) {
        // One input in ten of an ids-only channel names rows that do not exist; the rest is garbage.
        const input = structuredClone(
          idsOnly && i % 10 === 0 ? missingIdsInput(schema, rng) : invalidInput(schema, rng),
        );
        let accepted = false;
        try {
          accepted = schema.safeParse(input).success;
        } catch (error) {
          failures.push(`#${i} : le schéma lève ${String(error).slice(0, 200)}`);
          continue;
        }
        if (accepted) reachedHandler += 1;
        let result: Awaited<ReturnType<typeof invokeChannel>>;
        try {
          result = await invokeChannel(backend.handlers, channel, input);
        } catch (error) {
          failures.push(`#${i} : exception ${String(error).slice(0, 200)}`);
          continue;
        }
        if (result.ok) {
          failures.push(`#${i} : accepté (${JSON.stringify(input).slice(0, 200)})`);
          continue;
        }
        if (!ERROR_CODES.includes(result.error.code))
          failures.push(`#${i} : code ${result.error.code} (${JSON.stringify(input).slice(0, 200)})`);
        const problem = checkMessage(result.error.message);
        if (problem) failures.push(`#${i} : ${problem}`);
        for (const [field, message] of Object.entries(result.error.fields ?? {})) {
          const fieldProblem = checkMessage(message);
          if (fieldProblem) failures.push(`#${i} champ ${field} : ${fieldProblem}`);
        }
      }
      internal.mockRestore();
      report.push({ channel, inputs: INPUTS_PER_CHANNEL, reachedHandler });
      expect(failures.slice(0, 10)).toEqual([]);
      expect(await dump()).toBe(before);
      expect(filesIn(backend.database.dir)).toEqual(filesBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
    120_000,
  );
});
