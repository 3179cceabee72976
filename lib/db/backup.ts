import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { z } from 'zod';

// A backup of the app's data (docs/decisions/035-backups-and-a-lost-database.md): every row of every table of
// the schema, read in one REPEATABLE READ transaction (one snapshot: what was committed at one instant), with
// the migrations that built the schema and the sequences' positions. The schema itself is not copied: the
// migrations rebuild it. The file is gzip-compressed lines of JSON: a header, each table's name followed by its
// rows in PostgreSQL's own text form of a row, and a trailer with the row counts (a cut file is recognised).

const FORMAT = 'bien-che-backup';
const VERSION = 1;
const MIGRATIONS_TABLE = '_prisma_migrations';
const BATCH_ROWS = 2000;

const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  takenAt: z.string(),
  database: z.string(),
  serverVersion: z.string(),
  migrations: z.array(z.object({ name: z.string().regex(/^[\w-]+$/), checksum: z.string() })),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
});
const TableMarkSchema = z.object({ table: z.string() });
const TrailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  sequences: z.array(z.object({ name: z.string(), value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});

export type BackupHeader = z.infer<typeof HeaderSchema>;
type Trailer = z.infer<typeof TrailerSchema>;

/**
 * An expected refusal, with a code the command line turns into a sentence: the file is not a backup, was cut,
 * comes from a newer version of the app, or the database holds data.
 */
export class BackupRefusal extends Error {
  constructor(
    readonly code: 'notABackup' | 'truncated' | 'notMigrated' | 'newerMigration' | 'changedMigration' | 'schemaMismatch' | 'notEmpty' | 'inUse' | 'notOwner',
    readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'BackupRefusal';
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

/** Runs `work` on a connection of its own; a role that may not read or change the schema's tables is `notOwner`. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } catch (error) {
    if ((error as { code?: unknown }).code === INSUFFICIENT_PRIVILEGE) {
      throw new BackupRefusal('notOwner', { role: client.user ?? '' });
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

const NOT_IN_EXTENSION = (catalogue: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalogue}'::regclass AND d.objid = ${alias}.oid AND d.deptype = 'e')`;

/** The schema's tables (not the extensions'), each with its columns in order, generated ones left out. */
async function listTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname::text AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS columns
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND ${NOT_IN_EXTENSION('pg_class', 'c')}
      ORDER BY c.relname COLLATE "C"`,
  );
  return rows;
}

/** The folder of the reviewed migrations (as `prisma migrate deploy` reads it, from the project folder). */
export const migrationsDirectory = () => path.resolve('prisma/migrations');

/** Prisma's checksum of a migration: the SHA-256 of its file; null when this version has no such migration. */
function migrationChecksum(directory: string, name: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(path.join(directory, name, 'migration.sql'))).digest('hex');
  } catch {
    return null;
  }
}

const table = (client: pg.Client, name: string) => `public.${client.escapeIdentifier(name)}`;

export type BackupSummary = { database: string; takenAt: string; tables: number; rows: number };

/**
 * Writes the backup of the database of `ownerUrl` (the schema's owner, who may read every table) to `file`:
 * to a temporary name beside it, renamed once complete, so a failed backup leaves no partial file.
 */
export async function backupDatabase(ownerUrl: string, file: string): Promise<BackupSummary> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const summary = await withClient(ownerUrl, async (client) => {
      // One snapshot for every table; ACCESS SHARE locks keep a migration from changing a table meanwhile
      // (the app's reads and writes go on).
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows: about } = await client.query<{ database: string; version: string; now: string; migrated: boolean }>(
        `SELECT current_database()::text AS database, current_setting('server_version') AS version,
                to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS now,
                to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS migrated`,
      );
      if (!about[0].migrated) throw new BackupRefusal('notMigrated', { database: about[0].database });
      const tables = await listTables(client);
      for (const { name } of tables) await client.query(`LOCK TABLE ${table(client, name)} IN ACCESS SHARE MODE`);
      const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM ${MIGRATIONS_TABLE}
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
      );
      const header: BackupHeader = {
        format: FORMAT, version: VERSION, takenAt: about[0].now, database: about[0].database, serverVersion: about[0].version, migrations, tables,
      };
      const counts: Record<string, number> = {};
      async function* lines() {
        yield JSON.stringify(header) + '\n';
        for (const { name } of tables) {
          yield JSON.stringify({ table: name }) + '\n';
          counts[name] = 0;
          await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT t::text AS r FROM ONLY ${table(client, name)} t`);
          for (;;) {
            const { rows } = await client.query<{ r: string }>(`FETCH ${BATCH_ROWS} FROM backup_rows`);
            if (rows.length === 0) break;
            counts[name] += rows.length;
            yield rows.map((row) => JSON.stringify(row.r)).join('\n') + '\n';
          }
          await client.query('CLOSE backup_rows');
        }
        const { rows: sequences } = await client.query<{ name: string }>(
          `SELECT c.relname::text AS name FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND ${NOT_IN_EXTENSION('pg_class', 'c')} ORDER BY 1`,
        );
        const positions: Trailer['sequences'] = [];
        for (const { name } of sequences) {
          const { rows } = await client.query<{ value: string; called: boolean }>(`SELECT last_value::text AS value, is_called AS called FROM ${table(client, name)}`);
          positions.push({ name, value: rows[0].value, isCalled: rows[0].called });
        }
        const trailer: Trailer = { end: true, rows: counts, sequences: positions };
        yield JSON.stringify(trailer) + '\n';
      }
      await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(temporary, { mode: 0o600 }));
      await client.query('COMMIT');
      return { database: header.database, takenAt: header.takenAt, tables: tables.length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
    });
    fs.renameSync(temporary, file);
    return summary;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The lines of a gzip file, decoded as UTF-8; a file that is not gzip, or is cut, fails here. */
async function* readLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of fs.createReadStream(file).pipe(createGunzip())) {
    const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

type Section = { kind: 'rows'; table: string; rows: string[] };

/**
 * Reads a backup, yielding each table's rows in batches after checking the header; the trailer is checked at the
 * end (counts of every table). Anything unexpected is `notABackup`; a cut file is `truncated`.
 */
async function* readBackup(file: string): AsyncGenerator<{ kind: 'header'; header: BackupHeader } | Section | { kind: 'trailer'; trailer: Trailer }> {
  const fail: () => never = () => {
    throw new BackupRefusal('notABackup', { file });
  };
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return fail();
    }
  };
  let header: BackupHeader | null = null;
  let current: { table: string; rows: string[]; count: number } | null = null;
  const counts: Record<string, number> = {};
  let tableIndex = 0;
  let trailer: Trailer | null = null;
  try {
    for await (const line of readLines(file)) {
      if (trailer) fail();
      if (!header) {
        const parsed = HeaderSchema.safeParse(parse(line));
        if (!parsed.success) fail();
        header = parsed.data;
        yield { kind: 'header', header };
        continue;
      }
      if (line.startsWith('"')) {
        const row = parse(line);
        if (!current || typeof row !== 'string') fail();
        current.rows.push(row);
        current.count++;
        if (current.rows.length >= BATCH_ROWS) {
          yield { kind: 'rows', table: current.table, rows: current.rows };
          current.rows = [];
        }
        continue;
      }
      const value = parse(line);
      if (current) {
        if (current.rows.length) yield { kind: 'rows', table: current.table, rows: current.rows };
        counts[current.table] = current.count;
        current = null;
      }
      const mark = TableMarkSchema.safeParse(value);
      if (mark.success) {
        if (header.tables[tableIndex]?.name !== mark.data.table) fail();
        tableIndex++;
        current = { table: mark.data.table, rows: [], count: 0 };
        continue;
      }
      const end = TrailerSchema.safeParse(value);
      if (!end.success || tableIndex !== header.tables.length) fail();
      trailer = end.data;
      for (const { name } of header.tables) if (trailer.rows[name] !== counts[name]) fail();
    }
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    // zlib: not gzip at all (Z_DATA_ERROR on the header) or cut short (unexpected end of file).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test((error as Error).message)) throw new BackupRefusal('truncated', { file });
    if (code?.startsWith('Z_')) fail();
    throw error;
  }
  if (!header) fail();
  if (!trailer) throw new BackupRefusal('truncated', { file });
  yield { kind: 'trailer', trailer };
}

export type CheckedBackup = { header: BackupHeader; rows: number };

/**
 * Reads the whole file and checks it before anything is changed: a backup of this format, complete, whose
 * migrations are all known to this version of the app with the same content.
 */
export async function checkBackup(file: string, migrationsDir = migrationsDirectory()): Promise<CheckedBackup> {
  let header: BackupHeader | null = null;
  let rows = 0;
  for await (const part of readBackup(file)) {
    if (part.kind === 'header') header = part.header;
    else if (part.kind === 'rows') rows += part.rows.length;
  }
  for (const migration of header!.migrations) {
    const checksum = migrationChecksum(migrationsDir, migration.name);
    if (checksum === null) throw new BackupRefusal('newerMigration', { file, migration: migration.name });
    if (checksum !== migration.checksum) throw new BackupRefusal('changedMigration', { file, migration: migration.name });
  }
  return { header: header!, rows };
}

/** The application tables holding at least one row (the migrations' own table aside). */
export async function tablesWithRows(ownerUrl: string): Promise<{ database: string; tables: string[] }> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ database: string }>('SELECT current_database()::text AS database');
    const tables: string[] = [];
    for (const { name } of await listTables(client)) {
      if (name === MIGRATIONS_TABLE) continue;
      const { rows: found } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table(client, name)}) AS any`);
      if (found[0].any) tables.push(name);
    }
    return { database: rows[0].database, tables };
  });
}

// Prisma's own bookkeeping table, as its migration engine creates it.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE ${MIGRATIONS_TABLE} (
  id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL,
  logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`;

/** Drops every object of the schema that is not an extension's: tables (with their indexes, triggers, sequences), views, sequences, routines, types. */
async function dropSchemaObjects(client: pg.Client): Promise<void> {
  const names = async (sql: string) => (await client.query<{ name: string; kind: string }>(sql)).rows;
  const relations = await names(
    `SELECT c.oid::regclass::text AS name, c.relkind::text AS kind FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${NOT_IN_EXTENSION('pg_class', 'c')}`,
  );
  const relationKind: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const kind of ['v', 'm', 'r', 'p', 'f', 'S']) {
    for (const relation of relations.filter((r) => r.kind === kind)) {
      await client.query(`DROP ${relationKind[kind]} IF EXISTS ${relation.name} CASCADE`);
    }
  }
  const routines = await names(
    `SELECT p.oid::regprocedure::text AS name, 'f' AS kind FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p') AND ${NOT_IN_EXTENSION('pg_proc', 'p')}`,
  );
  for (const { name } of routines) await client.query(`DROP ROUTINE IF EXISTS ${name} CASCADE`);
  const types = await names(
    `SELECT t.oid::regtype::text AS name, t.typtype::text AS kind FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm') AND ${NOT_IN_EXTENSION('pg_type', 't')}`,
  );
  for (const { name, kind } of types) await client.query(`DROP ${kind === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS ${name} CASCADE`);
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Restores a checked backup into the database of `ownerUrl`, as the owner: the schema's objects are dropped and
 * rebuilt by the backup's own migrations (each in its own transaction, as Prisma applies them), then every row is
 * loaded in one transaction, with the foreign keys added back and the triggers switched on again at its end
 * (the rows were valid when they were backed up). The caller then applies this version's later migrations and
 * the runtime role's grants. A session still using the database (the app) makes it stop with `inUse`.
 */
export async function restoreDatabase(ownerUrl: string, file: string, checked: CheckedBackup, migrationsDir = migrationsDirectory()): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await client.query(`SET lock_timeout = '10s'`);
    try {
      await client.query('BEGIN');
      await dropSchemaObjects(client);
      await client.query(MIGRATIONS_TABLE_DDL);
      await client.query('COMMIT');
      for (const { name } of checked.header.migrations) {
        await client.query(fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
      }
      await client.query('BEGIN');
      await loadRows(client, file, checked);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new BackupRefusal('inUse');
      throw error;
    }
  });
}

async function loadRows(client: pg.Client, file: string, checked: CheckedBackup): Promise<void> {
  const built = await listTables(client);
  const expected = checked.header.tables;
  for (const { name, columns } of expected) {
    const found = built.find((t) => t.name === name);
    if (!found || found.columns.join(',') !== columns.join(',')) throw new BackupRefusal('schemaMismatch', { file, table: name });
  }
  const { rows: foreignKeys } = await client.query<{ tableName: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS "tableName", conname::text AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  const { rows: triggers } = await client.query<{ tableName: string; name: string; enabled: string }>(
    `SELECT t.tgrelid::regclass::text AS "tableName", t.tgname::text AS name, t.tgenabled::text AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D' ORDER BY 1, 2`,
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tableName} DROP CONSTRAINT ${client.escapeIdentifier(fk.name)}`);
  for (const trigger of triggers) await client.query(`ALTER TABLE ${trigger.tableName} DISABLE TRIGGER ${client.escapeIdentifier(trigger.name)}`);

  let loaded = 0;
  let sequences: Trailer['sequences'] = [];
  for await (const part of readBackup(file)) {
    if (part.kind === 'header' && JSON.stringify(part.header) !== JSON.stringify(checked.header)) throw new BackupRefusal('notABackup', { file });
    if (part.kind === 'trailer') sequences = part.trailer.sequences;
    if (part.kind !== 'rows') continue;
    const columns = expected.find((t) => t.name === part.table)!.columns.map((c) => client.escapeIdentifier(c));
    const target = table(client, part.table);
    await client.query(
      `INSERT INTO ${target} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE
       SELECT ${columns.map((c) => `(r).${c}`).join(', ')} FROM (SELECT x::${target} AS r FROM unnest($1::text[]) AS x) AS s`,
      [part.rows],
    );
    loaded += part.rows.length;
  }
  if (loaded !== checked.rows) throw new BackupRefusal('notABackup', { file });
  for (const { name, value, isCalled } of sequences) {
    await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [table(client, name), value, isCalled]);
  }
  const enable: Record<string, string> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };
  for (const trigger of triggers) await client.query(`ALTER TABLE ${trigger.tableName} ${enable[trigger.enabled]} TRIGGER ${client.escapeIdentifier(trigger.name)}`);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tableName} ADD CONSTRAINT ${client.escapeIdentifier(fk.name)} ${fk.definition}`);
}
