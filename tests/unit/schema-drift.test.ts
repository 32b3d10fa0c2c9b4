import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../helpers/db';

// electron/db/schema.ts is what the compiler believes about the database; the migrations are what the database is.
// Types vanish at run time, so schema.ts is read with the TypeScript compiler and compared with a migrated database.

const SCHEMA_DIR = resolve(import.meta.dirname, '../../electron/db');
/** schema.ts and the files it takes table interfaces from (`schema-<area>.ts`). */
const SCHEMA_FILES = readdirSync(SCHEMA_DIR)
  .filter((name) => /^schema(-[a-z-]+)?\.ts$/.test(name))
  .map((name) => resolve(SCHEMA_DIR, name));

interface Column {
  name: string;
  nullable: boolean;
}

/** Table name → columns, as declared by the `DB` interface of schema.ts and the interfaces it points to. */
function declaredTables(): Map<string, Column[]> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const file of SCHEMA_FILES) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    });
  }
  const propertyName = (member: ts.TypeElement) => {
    if (!ts.isPropertySignature(member) || !member.type)
      throw new Error(`Membre inattendu dans schema.ts : ${member.getText()}`);
    return member.name.getText(member.getSourceFile()).replace(/^['"]|['"]$/g, '');
  };
  const db = interfaces.get('DB');
  if (!db) throw new Error("schema.ts n'exporte plus d'interface DB");
  const tables = new Map<string, Column[]>();
  for (const member of db.members) {
    const table = propertyName(member);
    const type = (member as ts.PropertySignature).type!;
    if (!ts.isTypeReferenceNode(type)) throw new Error(`DB.${table} doit nommer une interface de schema.ts`);
    const declaration = interfaces.get(type.typeName.getText(type.getSourceFile()));
    if (!declaration)
      throw new Error(`DB.${table} : interface ${type.typeName.getText(type.getSourceFile())} introuvable`);
    tables.set(
      table,
      declaration.members.map((column) => ({
        name: propertyName(column),
        nullable: admitsNull((column as ts.PropertySignature).type!),
      })),
    );
  }
  return tables;
}

/** Whether a column type (possibly wrapped in Generated<…> or ColumnType<…>) admits null. */
function admitsNull(type: ts.TypeNode): boolean {
  if (type.kind === ts.SyntaxKind.LiteralType)
    return (type as ts.LiteralTypeNode).literal.kind === ts.SyntaxKind.NullKeyword;
  if (ts.isUnionTypeNode(type)) return type.types.some(admitsNull);
  if (ts.isParenthesizedTypeNode(type)) return admitsNull(type.type);
  if (ts.isTypeReferenceNode(type) && type.typeArguments?.[0]) return admitsNull(type.typeArguments[0]);
  return false;
}

describe('schema.ts matches the migrated database', () => {
  let database: Awaited<ReturnType<typeof tempDatabase>>;
  let actual: Map<string, Column[]>;
  const declared = declaredTables();

  beforeAll(async () => {
    database = await tempDatabase();
    const tables = database.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[];
    actual = new Map(
      tables.map(({ name }) => {
        const columns = database.sqlite.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?)').all(name) as {
          name: string;
          notnull: number;
          pk: number;
        }[];
        // An INTEGER PRIMARY KEY is the rowid: never null even though SQLite does not flag it NOT NULL.
        return [
          name,
          columns.map((column) => ({ name: column.name, nullable: column.notnull === 0 && column.pk === 0 })),
        ];
      }),
    );
  });

  afterAll(() => database?.dispose());

  it('reads the tables of schema.ts', () => {
    expect(declared.size).toBeGreaterThanOrEqual(20);
    expect(declared.get('member')?.map((column) => column.name)).toContain('last_name');
  });

  it('declares every table of the database, and only those', () => {
    const missingInSchema = [...actual.keys()].filter((table) => !declared.has(table));
    const missingInDatabase = [...declared.keys()].filter((table) => !actual.has(table));
    expect(
      { missingInSchema, missingInDatabase },
      'tables de la base absentes de schema.ts / tables de schema.ts absentes de la base',
    ).toEqual({
      missingInSchema: [],
      missingInDatabase: [],
    });
  });

  it('declares the columns of each table, and only those', () => {
    const drift: string[] = [];
    for (const [table, columns] of declared) {
      const real = actual.get(table);
      if (!real) continue;
      const realNames = new Set(real.map((column) => column.name));
      const declaredNames = new Set(columns.map((column) => column.name));
      for (const column of real)
        if (!declaredNames.has(column.name)) drift.push(`${table}.${column.name} : dans la base, absente de schema.ts`);
      for (const column of columns)
        if (!realNames.has(column.name)) drift.push(`${table}.${column.name} : dans schema.ts, absente de la base`);
    }
    expect(drift).toEqual([]);
  });

  it('declares `| null` exactly where the database accepts NULL', () => {
    const drift: string[] = [];
    for (const [table, columns] of declared) {
      const real = new Map((actual.get(table) ?? []).map((column) => [column.name, column.nullable]));
      for (const column of columns) {
        const nullable = real.get(column.name);
        if (nullable === undefined || nullable === column.nullable) continue;
        drift.push(
          nullable
            ? `${table}.${column.name} : NULL accepté par la base, pas de \`| null\` dans schema.ts`
            : `${table}.${column.name} : \`| null\` dans schema.ts, NOT NULL dans la base`,
        );
      }
    }
    expect(drift).toEqual([]);
  });
});
