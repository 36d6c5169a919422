/**
 * Backup archives: one .tar.gz holding every table of the database (PostgreSQL COPY text format),
 * every blob, and manifest.json with row counts and SHA-256 checksums of each file. The dump goes
 * through COPY on the app's own connection rather than pg_dump, so it works the same on the embedded
 * PostgreSQL (which ships no pg_dump) and on any external server whatever its version; the schema
 * comes from the app's migrations, which is why a restore needs the app version that made the backup.
 */
import "server-only";

import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import { z } from "zod";

import type { BlobStore } from "../blobs/blob-store";
import { migrateDatabase } from "../db/client";

const FORMAT = "duxue-backup";

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** The applied migrations' hashes, oldest first: the schema the tables' rows fit. */
  migrations: z.array(z.string()),
  /** In an order that loads parents before the rows that reference them. */
  tables: z.array(
    z.object({ name: z.string(), file: z.string(), rows: z.number().int(), sha256: z.string() }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number(), isCalled: z.boolean() })),
  blobs: z.array(z.object({ key: z.string(), bytes: z.number().int(), sha256: z.string() })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Writes `archivePath` from the database at `url` and the blobs in `blobs`; returns the manifest. */
export async function createBackup(options: {
  url: string;
  blobs: BlobStore;
  archivePath: string;
  appVersion: string;
}): Promise<BackupManifest> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "duxue-backup-"));
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await fs.mkdir(path.join(work, "db"));
    // One snapshot for every table, so the rows agree with each other as of one instant.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = [];
    for (const name of await tablesInLoadOrder(client)) {
      const file = `db/${name.replaceAll('"', "")}.copy`;
      const out = hashing();
      const stream = client.query(copyTo(`COPY public.${name} TO STDOUT`));
      await pipeline(stream, out.transform, createWriteStream(path.join(work, file)));
      tables.push({ name, file, rows: stream.rowCount, sha256: out.digest() });
    }
    const sequences = await readSequences(client);
    const migrations = (
      await client.query<{ hash: string }>(
        "SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id",
      )
    ).rows.map((r) => r.hash);
    await client.query("COMMIT");

    const blobs = [];
    for await (const key of options.blobs.list()) {
      const blob = await options.blobs.get(key);
      if (!blob) continue; // removed since it was listed
      const out = hashing();
      await fs.mkdir(path.join(work, "blobs"), { recursive: true });
      await pipeline(blob.body, out.transform, createWriteStream(path.join(work, "blobs", key)));
      blobs.push({ key, bytes: out.bytes(), sha256: out.digest() });
    }

    const manifest: BackupManifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      appVersion: options.appVersion,
      migrations,
      tables,
      sequences,
      blobs,
    };
    await fs.writeFile(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    await fs.mkdir(path.dirname(path.resolve(options.archivePath)), { recursive: true });
    const entries = ["manifest.json", "db", ...(blobs.length > 0 ? ["blobs"] : [])];
    await tar.create({ gzip: true, file: options.archivePath, cwd: work, portable: true }, entries);
    return manifest;
  } finally {
    await client.end();
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Loads `archivePath` into the database at `url`, which must have no rows in the app's tables, and
 * its blobs into `blobs`. Every checksum is verified before anything is written; the rows go in as
 * one transaction.
 */
export async function restoreBackup(options: {
  archivePath: string;
  url: string;
  blobs: BlobStore;
}): Promise<BackupManifest> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "duxue-restore-"));
  try {
    await tar.extract({ file: options.archivePath, cwd: work, strict: true });
    const manifest = manifestSchema.parse(
      JSON.parse(await fs.readFile(path.join(work, "manifest.json"), "utf8")),
    );
    for (const table of manifest.tables)
      await verifyFile(path.join(work, table.file), table.sha256);
    for (const blob of manifest.blobs)
      await verifyFile(path.join(work, "blobs", blob.key), blob.sha256);

    await migrateDatabase(options.url);
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      const migrations = (
        await client.query<{ hash: string }>(
          "SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id",
        )
      ).rows.map((r) => r.hash);
      if (migrations.join() !== manifest.migrations.join()) {
        throw new Error(
          `备份来自另一个版本的应用（${manifest.appVersion}，${manifest.migrations.length} 个数据库迁移；本应用 ${migrations.length} 个）。` +
            "请用制作备份的同一版本恢复，再升级。",
        );
      }
      await client.query("BEGIN");
      for (const table of manifest.tables) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM public.${table.name}`,
        );
        if (rows[0]!.n > 0) throw new Error(`目标数据库不是空的（表 ${table.name} 已有数据）`);
      }
      // The rows go in as they were backed up, derived tables included (migration 0012's office
      // figures): the triggers that keep those would count every restored item a second time.
      for (const table of manifest.tables)
        await client.query(`ALTER TABLE public.${table.name} DISABLE TRIGGER USER`);
      for (const table of manifest.tables) {
        const stream = client.query(copyFrom(`COPY public.${table.name} FROM STDIN`));
        await pipeline(createReadStream(path.join(work, table.file)), stream);
        if (stream.rowCount !== table.rows) {
          throw new Error(
            `表 ${table.name} 恢复了 ${stream.rowCount} 行，备份中有 ${table.rows} 行`,
          );
        }
      }
      for (const table of manifest.tables)
        await client.query(`ALTER TABLE public.${table.name} ENABLE TRIGGER USER`);
      for (const seq of manifest.sequences) {
        await client.query("SELECT setval($1::regclass, $2, $3)", [
          `public.${seq.name}`,
          seq.lastValue,
          seq.isCalled,
        ]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }

    for (const blob of manifest.blobs) {
      const bytes = await fs.readFile(path.join(work, "blobs", blob.key));
      // The content type lives in the owning row (photos.mime); the bytes are what matter here.
      await options.blobs.put(blob.key, bytes, "application/octet-stream");
    }
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** The app's tables (quoted where needed), every table after the tables its foreign keys point to. */
async function tablesInLoadOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT quote_ident(child.relname) AS child, quote_ident(parent.relname) AS parent
         FROM pg_constraint c
         JOIN pg_class child ON child.oid = c.conrelid
         JOIN pg_class parent ON parent.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new Error(`外键成环，无法确定恢复顺序：${table}`);
    visiting.add(table);
    for (const edge of edges) if (edge.child === table) visit(edge.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

async function readSequences(client: pg.Client): Promise<BackupManifest["sequences"]> {
  const names = (
    await client.query<{ name: string }>(
      "SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
    )
  ).rows.map((r) => r.name);
  const sequences = [];
  for (const name of names) {
    const { rows } = await client.query<{ last_value: number; is_called: boolean }>(
      `SELECT last_value, is_called FROM public.${name}`,
    );
    sequences.push({ name, lastValue: Number(rows[0]!.last_value), isCalled: rows[0]!.is_called });
  }
  return sequences;
}

/** A pass-through stream that hashes and counts what flows through it. */
function hashing(): { transform: Transform; digest(): string; bytes(): number } {
  const hash = createHash("sha256");
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { transform, digest: () => hash.digest("hex"), bytes: () => bytes };
}

async function verifyFile(file: string, sha256: string): Promise<void> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  if (hash.digest("hex") !== sha256)
    throw new Error(`备份已损坏：${path.basename(file)} 的校验和不符`);
}
