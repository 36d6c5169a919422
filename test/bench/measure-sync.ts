/**
 * Budget: syncing a visit of 300 answers and 50 photos over loopback. The phone side is the app's own
 * sync engine and IndexedDB stores (fake-indexeddb in Node); the server is the real app over HTTP.
 */
import "fake-indexeddb/auto";

import { createHash, randomBytes } from "node:crypto";

import sharp from "sharp";

import {
  templateSchema,
  type Template,
  type TemplateInput,
} from "@/lib/domain/template/template.schema";
import { applyVisitMutation } from "@/lib/domain/visit/visit";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import type { AppStores } from "@/lib/offline/stores";
import { createSyncEngine, timerSchedule } from "@/lib/sync/sync-engine";
import { createTransport } from "@/lib/sync/transport";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { signInCookie } from "./app-server";
import { serialLocks } from "../helpers/fake-sync-server";
import { openTestStores } from "../helpers/offline-db";
import { PhoneVisit, type TestPhoto } from "../helpers/phone-visit";

export const SYNC_ANSWERS = 300;
export const SYNC_PHOTOS = 50;

/** An `items`-item template (code bench-<items>), imported and published through the office's own API. */
export function benchTemplate(items: number, title: string): TemplateInput {
  return {
    code: `bench-${items}`,
    title,
    domain: "campus_safety",
    description: "用于性能预算测量的模板",
    items: Array.from({ length: items }, (_, i) => ({
      code: `BN-${String(i + 1).padStart(3, "0")}`,
      section: `第 ${Math.floor(i / 25) + 1} 部分`,
      prompt: `检查项第 ${i + 1} 条是否符合要求`,
      guidance: "现场查看并核对相关记录。",
      finding: `检查项第 ${i + 1} 条不符合要求`,
      requirement: `按检查项第 ${i + 1} 条整改到位`,
      basis: [{ title: "性能测试用依据", status: "现行有效" }],
      provenance: "性能测试",
      frameworks: [],
      response: { type: "judgement" },
      appliesTo: null,
      severity: "minor",
      rectification: { mode: "deadline", days: null },
      evidence: "optional",
    })),
  };
}

export async function publishBenchTemplate(
  baseUrl: string,
  items = SYNC_ANSWERS,
  title = "性能测试模板",
): Promise<Template> {
  const office = await signInCookie(baseUrl, "office");
  const headers = { cookie: office, origin: baseUrl, "content-type": "application/json" };
  const imported = await fetch(`${baseUrl}/api/templates/import`, {
    method: "POST",
    headers,
    body: JSON.stringify(benchTemplate(items, title)),
  });
  if (!imported.ok) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  const published = await fetch(`${baseUrl}/api/templates/bench-${items}/publish`, {
    method: "POST",
    headers,
    body: "{}",
  });
  if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`);
  const version = await fetch(`${baseUrl}/api/templates/bench-${items}/versions/1`, { headers });
  const body = (await version.json()) as { template: unknown };
  return templateSchema.parse(body.template);
}

/** A real JPEG of noise (≈ 250 KB, a compressed phone photo): the server decodes every upload. */
async function benchPhoto(): Promise<TestPhoto> {
  const [width, height] = [400, 300];
  const noise = randomBytes(width * height * 3);
  const jpeg = await sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
  const bytes = new Uint8Array(jpeg);
  return { id: createHash("sha256").update(bytes).digest("hex"), bytes };
}

async function recordOnPhone(stores: AppStores, phone: PhoneVisit): Promise<void> {
  let visit: Visit | undefined;
  for (const mutation of phone.mutations) {
    if (mutation.name === "rectification.act") continue;
    const outcome = applyVisitMutation(visit, mutation);
    if (!outcome.ok) throw new Error(outcome.message);
    visit = outcome.visit;
    if (mutation.name === "answer.save")
      await stores.answers.saveWithMutation(mutation.args, mutation);
    else if (mutation.name === "photo.register") {
      const photo = phone.photos.find((p) => p.id === mutation.args.id)!;
      const blob = new Blob([Buffer.from(photo.bytes)], { type: "image/jpeg" });
      await stores.photos.saveWithMutation(
        { meta: mutation.args, blob, thumbnail: blob },
        mutation,
      );
    } else await stores.visits.saveWithMutation(visit, mutation);
  }
}

/** Milliseconds from "sync now" to an empty outbox. */
export async function measureSync(
  baseUrl: string,
  template: Template,
): Promise<{ ms: number; mutations: number }> {
  const cookie = await signInCookie(baseUrl, "inspector1");
  const pack = visitPackSchema.parse(
    await (await fetch(`${baseUrl}/api/inspect/pack`, { headers: { cookie } })).json(),
  );
  const school = pack.schools[0]!;
  const phone = new PhoneVisit(
    await whoAmI(baseUrl, cookie),
    school,
    [template],
    Date.now() - 3_600_000,
  );
  const photos = await Promise.all(Array.from({ length: SYNC_PHOTOS }, benchPhoto));
  const photoIds = photos.map((photo) => phone.photo("answer", photo));
  template.items.forEach((item, i) =>
    phone.answer(template, item, i < SYNC_PHOTOS ? { photoIds: [photoIds[i]!] } : {}),
  );

  const { stores } = await openTestStores();
  await recordOnPhone(stores, phone);
  const engine = createSyncEngine({
    stores,
    transport: createTransport({
      baseUrl,
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init?.headers)), cookie },
        }),
    }),
    clock: systemClock,
    schedule: timerSchedule,
    random: Math.random,
    locks: serialLocks(),
    newId,
  });
  const started = performance.now();
  await engine.syncNow();
  const ms = performance.now() - started;
  const snapshot = engine.getSnapshot();
  engine.stop();
  if (snapshot.pendingCount !== 0 || snapshot.rejectedCount !== 0) {
    throw new Error(`sync did not finish cleanly: ${JSON.stringify(snapshot)}`);
  }
  return { ms, mutations: phone.mutations.length };
}

async function whoAmI(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  if (!response.ok) throw new Error(`/api/me: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return body.user.id;
}

export const PUSH_CLIENTS = 16;
export const PUSH_BATCH = 50;
/** Visits each client records: a start and one answer per item, pushed in 50-mutation batches. */
const PUSH_VISITS_PER_CLIENT = 2;

/**
 * Opens `count` inspector accounts in inspector1's 督学责任区 through the office's own API (each one
 * signs in with its one-time password and sets its own), so that every client is a different phone.
 */
async function benchInspectors(baseUrl: string, count: number): Promise<string[]> {
  const office = await signInCookie(baseUrl, "office");
  const headers = { cookie: office, origin: baseUrl, "content-type": "application/json" };
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers })).json()) as {
    user: { districtId: string };
  };
  const inspector1 = await whoAmI(baseUrl, await signInCookie(baseUrl, "inspector1"));
  const { zones } = (await (await fetch(`${baseUrl}/api/org/zones`, { headers })).json()) as {
    zones: { id: string; inspectorIds: string[] }[];
  };
  const account = {
    role: "inspector",
    districtId: me.user.districtId,
    zoneIds: zones.filter((z) => z.inspectorIds.includes(inspector1)).map((z) => z.id),
  };
  const run = Date.now().toString(36);
  const cookies: string[] = [];
  // One after another: this is setup, not the load being measured.
  for (let i = 0; i < count; i++) {
    const created = await fetch(`${baseUrl}/api/users`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        ...account,
        username: `bench_${run}_${i}`,
        name: `性能测试督学${i + 1}`,
      }),
    });
    if (!created.ok) throw new Error(`create inspector: ${created.status} ${await created.text()}`);
    const { credential } = (await created.json()) as {
      credential: { username: string; password: string };
    };
    const cookie = await signInCookie(baseUrl, credential.username, credential.password);
    const changed = await fetch(`${baseUrl}/api/users/me/password`, {
      method: "POST",
      headers: { cookie, origin: baseUrl, "content-type": "application/json" },
      body: JSON.stringify({
        currentPassword: credential.password,
        newPassword: "bench-password-1",
        confirmPassword: "bench-password-1",
      }),
    });
    if (!changed.ok) throw new Error(`set password: ${changed.status} ${await changed.text()}`);
    cookies.push(cookie);
  }
  return cookies;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export type PushStorm = {
  mutations: number;
  mutationsPerSecond: number;
  batchP50Ms: number;
  batchP95Ms: number;
  healthP95Ms: number;
  healthMaxMs: number;
  /** /api/health answers other than 200 during the storm. */
  unhealthy: number;
  /** Pushes answered 503 (the database out of reach, e.g. no free connection) and retried. */
  unavailable: number;
};

/**
 * The push budget: PUSH_CLIENTS inspectors push their visits at once, each phone one batch of
 * PUSH_BATCH mutations after another as the sync engine does, while /api/health is asked every 50 ms.
 */
export async function measurePushStorm(baseUrl: string, template: Template): Promise<PushStorm> {
  const cookies = await benchInspectors(baseUrl, PUSH_CLIENTS);
  const clients = [];
  for (const cookie of cookies) {
    const packed = await fetch(`${baseUrl}/api/inspect/pack`, { headers: { cookie } });
    if (!packed.ok) throw new Error(`pack: ${packed.status} ${await packed.text()}`);
    const pack = visitPackSchema.parse(await packed.json());
    const inspectorId = await whoAmI(baseUrl, cookie);
    const batches: unknown[][] = [];
    for (let v = 0; v < PUSH_VISITS_PER_CLIENT; v++) {
      const school = pack.schools[v % pack.schools.length]!;
      const phone = new PhoneVisit(inspectorId, school, [template], Date.now() - 24 * 3_600_000);
      for (const item of template.items) phone.answer(template, item);
      for (let i = 0; i < phone.mutations.length; i += PUSH_BATCH) {
        batches.push(phone.mutations.slice(i, i + PUSH_BATCH));
      }
    }
    clients.push({ cookie, clientId: newId(), batches });
  }

  let storming = true;
  const health: number[] = [];
  let unhealthy = 0;
  const probe = (async () => {
    while (storming) {
      const started = performance.now();
      const answered = await fetch(`${baseUrl}/api/health`);
      health.push(performance.now() - started);
      if (!answered.ok) unhealthy++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const batchMs: number[] = [];
  let mutations = 0;
  let unavailable = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async ({ cookie, clientId, batches }) => {
      for (const batch of batches) {
        // A batch's time runs until it is applied: a 503 is retried, as the phone does.
        const sent = performance.now();
        for (;;) {
          const response = await fetch(`${baseUrl}/api/sync/push`, {
            method: "POST",
            headers: { cookie, origin: baseUrl, "content-type": "application/json" },
            body: JSON.stringify({ clientId, mutations: batch }),
          });
          const body = (await response.json()) as { results?: { status: string }[] };
          if (response.status === 503 && unavailable < 1000) {
            unavailable++;
            await new Promise((r) => setTimeout(r, 250));
            continue;
          }
          const applied = body.results?.filter((r) => r.status === "applied").length ?? 0;
          if (applied !== batch.length) {
            throw new Error(`push: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
          }
          mutations += applied;
          break;
        }
        batchMs.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  storming = false;
  await probe;

  const sortedBatches = batchMs.toSorted((a, b) => a - b);
  const sortedHealth = health.toSorted((a, b) => a - b);
  return {
    mutations,
    mutationsPerSecond: mutations / seconds,
    batchP50Ms: percentile(sortedBatches, 50),
    batchP95Ms: percentile(sortedBatches, 95),
    healthP95Ms: percentile(sortedHealth, 95),
    healthMaxMs: sortedHealth.at(-1) ?? 0,
    unavailable,
    unhealthy,
  };
}
