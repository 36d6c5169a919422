import "fake-indexeddb/auto";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { refusal } from "@/lib/domain/refusal";
import { registerPhoto, setAnswer, startVisit } from "@/lib/domain/visit/visit";
import type { AppStores } from "@/lib/offline/stores";
import {
  createSyncEngine,
  PACK_MAX_AGE_MS,
  timerSchedule,
  type SyncEngine,
  type SyncSnapshot,
} from "@/lib/sync/sync-engine";

import {
  aFailingAnswer,
  aStartedVisit,
  aStartInput,
  anAnswerInput,
  anId,
  anOpenItem,
  aPhotoHash,
  aPhotoMeta,
  aVisitPack,
  idsOf,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";
import {
  createFakeSyncServer,
  httpError,
  NETWORK_DOWN,
  serialLocks,
  type ServerRequest,
} from "@/test/helpers/fake-sync-server";
import { openTestStores } from "@/test/helpers/offline-db";

const NOW = STARTED_AT + 30 * 60_000;
const PHOTO = aPhotoHash("1");
/** Mutation ids of recordVisitWithPhoto's edits. */
const START = anId(1);
const PHOTO_REGISTER = anId(3);
const ANSWER = anId(4);

async function setup({
  batchSize,
  isOnline,
  keepPackPhotos,
  withoutPack,
}: {
  batchSize?: number;
  isOnline?: () => boolean;
  keepPackPhotos?: () => Promise<void>;
  /** A school's device: no visit pack. */
  withoutPack?: boolean;
} = {}) {
  const { db, stores } = await openTestStores();
  const server = createFakeSyncServer();
  server.setPack(aVisitPack());
  const locks = serialLocks();
  const makeEngine = () =>
    createSyncEngine({
      stores: withoutPack ? { ...stores, pack: undefined } : stores,
      transport: server.transport,
      clock: { now: () => Date.now() },
      schedule: timerSchedule,
      random: () => 0.5,
      locks,
      newId: idSequence(1000),
      batchSize,
      isOnline,
      keepPackPhotos,
    });
  const engine = makeEngine();
  engines.push(engine);
  return { db, stores, server, engine, makeEngine };
}

/** On the phone: start a visit, take a photo, answer 不符合 with that photo. */
async function recordVisitWithPhoto(stores: AppStores) {
  const newId = idSequence();
  const { visit, mutation } = aStartedVisit(newId);
  await stores.visits.saveWithMutation(visit, mutation);
  const photo = registerPhoto(visit, aPhotoMeta({ visitId: visit.id }), newId, STARTED_AT + 1);
  if (!photo.ok) throw new Error(photo.message);
  await stores.photos.saveWithMutation(
    {
      meta: photo.photo,
      blob: new Blob(["jpeg"], { type: "image/jpeg" }),
      thumbnail: new Blob(["t"]),
    },
    photo.mutation,
  );
  const { finding } = aFailingAnswer();
  const answer = setAnswer(
    visit,
    anAnswerInput({ result: "fail", photoIds: [PHOTO], finding }),
    newId,
    STARTED_AT + 2,
  );
  if (!answer.ok) throw new Error(answer.message);
  await stores.answers.saveWithMutation(answer.answer, answer.mutation);
  return visit;
}

/** Resolves with the first settled snapshot after the next sync starts (e.g. one run by a timer). */
function nextSettled(engine: SyncEngine): Promise<SyncSnapshot> {
  return new Promise((resolve) => {
    let hasStarted = false;
    const unsubscribe = engine.subscribe((snapshot) => {
      if (snapshot.status === "syncing") hasStarted = true;
      else if (hasStarted) {
        unsubscribe();
        resolve(snapshot);
      }
    });
  });
}

const pushes = (requests: readonly ServerRequest[]) =>
  requests.flatMap((r) => (r.endpoint === "push" ? [r.mutationIds] : []));

const engines: SyncEngine[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: NOW });
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
  vi.useRealTimers();
});

describe("syncEngine", () => {
  it("uploads photos before the mutations that reference them", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);

    await engine.syncNow();

    expect(server.requests.slice(0, 2)).toEqual([
      { endpoint: "putPhoto", photoId: PHOTO },
      { endpoint: "push", mutationIds: [START, PHOTO_REGISTER, ANSWER] },
    ]);
    expect([...server.applied]).toEqual([START, PHOTO_REGISTER, ANSWER]);
    expect(await stores.photos.get(PHOTO)).toMatchObject({ uploadState: "uploaded" });
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
    expect(engine.getSnapshot()).toEqual({
      status: "idle",
      pendingCount: 0,
      rejectedCount: 0,
      lastSyncAt: NOW,
      lastError: null,
      nextRetryAt: null,
    });
  });

  it("keeps the mutation when the network fails", async () => {
    const { stores, server, engine } = await setup();
    const visit = await recordVisitWithPhoto(stores);
    server.script("push", NETWORK_DOWN);

    await engine.start();

    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
    expect(engine.getSnapshot()).toMatchObject({
      status: "offline",
      pendingCount: 3,
      lastError: { message: "网络不可用，恢复后自动同步", at: NOW, httpStatus: null },
      nextRetryAt: NOW + 500,
    });

    const settled = nextSettled(engine);
    await vi.advanceTimersByTimeAsync(500);

    expect(await settled).toMatchObject({ status: "idle", pendingCount: 0 });
    expect(server.visits.get(visit.id)).toEqual(visit);
  });

  it("does not start a sync, or say 同步中, while the device has no network", async () => {
    let isOnline = false;
    const { stores, server, engine } = await setup({ isOnline: () => isOnline });
    await recordVisitWithPhoto(stores);
    const statuses: string[] = [];
    engine.subscribe((snapshot) => statuses.push(snapshot.status));

    await engine.syncNow();

    expect(statuses).not.toContain("syncing");
    expect(server.requests).toEqual([]);
    expect(engine.getSnapshot()).toMatchObject({ status: "offline", pendingCount: 3 });

    isOnline = true;
    await engine.syncNow();
    expect(engine.getSnapshot()).toMatchObject({ status: "idle", pendingCount: 0 });
  });

  it("backs off longer after each server error, then succeeds", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.script("push", httpError(503), httpError(503));

    await engine.start();
    expect(engine.getSnapshot()).toMatchObject({
      status: "backoff",
      nextRetryAt: NOW + 500,
      lastError: { message: "服务器暂时无法处理（HTTP 503），稍后自动重试", httpStatus: 503 },
    });

    let settled = nextSettled(engine);
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled).toMatchObject({ status: "backoff", nextRetryAt: NOW + 500 + 1_000 });

    settled = nextSettled(engine);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await settled).toMatchObject({ status: "idle", pendingCount: 0 });
    expect(pushes(server.requests)).toHaveLength(3);
  });

  it("stops retrying after a 401 and keeps everything until sign-in", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.script("push", httpError(401));

    await engine.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);

    expect(pushes(server.requests)).toHaveLength(1);
    expect(engine.getSnapshot()).toMatchObject({
      status: "needs-auth",
      pendingCount: 3,
      nextRetryAt: null,
      lastError: { message: "登录已失效，请重新登录；未同步的数据都保留在本机", httpStatus: 401 },
    });
    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 0 });

    await engine.syncNow();

    expect(engine.getSnapshot()).toMatchObject({
      status: "idle",
      pendingCount: 0,
      lastError: null,
    });
  });

  it("acks only mutations the server confirmed", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.script(
      "push",
      {
        kind: "http",
        ok: true,
        status: 200,
        body: {
          results: [
            { id: START, status: "applied" },
            { id: anId(999), status: "applied" },
          ],
        },
      },
      NETWORK_DOWN,
    );

    await engine.syncNow();

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([PHOTO_REGISTER, ANSWER]);
    expect(pushes(server.requests)).toEqual([
      [START, PHOTO_REGISTER, ANSWER],
      [PHOTO_REGISTER, ANSWER],
    ]);
  });

  it("keeps rejected mutations with the server's refusal", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.refuseOnce(ANSWER, refusal("forbidden", "该学校不在您的督导范围内"));

    await engine.syncNow();
    await engine.syncNow();

    expect(await stores.outbox.listRejected()).toMatchObject([
      {
        mutation: { id: ANSWER },
        status: "rejected",
        refusal: { code: "forbidden", message: "该学校不在您的督导范围内" },
        rejectedAt: NOW,
      },
    ]);
    expect(pushes(server.requests)).toHaveLength(1);
    expect(engine.getSnapshot()).toMatchObject({
      status: "has-rejections",
      pendingCount: 0,
      rejectedCount: 1,
    });
  });

  it("sends a rejected mutation again when the user retries it", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.refuseOnce(ANSWER, refusal("forbidden", "该学校不在您的督导范围内"));
    await engine.syncNow();

    await stores.outbox.retry([ANSWER]);
    await engine.syncNow();

    expect(pushes(server.requests).at(-1)).toEqual([ANSWER]);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
    expect(server.answers.size).toBe(1);
  });

  it("applying the same push twice changes nothing", async () => {
    const { stores, server, engine } = await setup();
    const visit = await recordVisitWithPhoto(stores);
    server.script("push", "lose");

    await engine.start();
    const afterFirst = {
      visits: structuredClone(server.visits),
      answers: structuredClone(server.answers),
    };
    const settled = nextSettled(engine);
    await vi.advanceTimersByTimeAsync(500);
    await settled;

    expect(pushes(server.requests)).toEqual([
      [START, PHOTO_REGISTER, ANSWER],
      [START, PHOTO_REGISTER, ANSWER],
    ]);
    expect(server.visits).toEqual(afterFirst.visits);
    expect(server.answers).toEqual(afterFirst.answers);
    expect([...server.visits.keys()]).toEqual([visit.id]);
    expect(server.answers.size).toBe(1);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it("does not push anything for an unstarted visit", async () => {
    const { stores, server, engine } = await setup();
    const refused = startVisit(aStartInput({ templates: [] }), idSequence(), STARTED_AT);
    expect(refused.ok).toBe(false);

    await engine.syncNow();

    expect(server.requests.map((r) => r.endpoint)).toEqual(["pull", "getPack"]);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it("keeps the mutations using a photo the server refused, with the server's reason", async () => {
    const { stores, server, engine } = await setup();
    const visit = await recordVisitWithPhoto(stores);
    server.script("putPhoto", httpError(413, "照片超过 5 MB，请重新拍摄", "too_large"));

    await engine.syncNow();

    expect(await stores.photos.get(PHOTO)).toMatchObject({
      uploadState: "rejected",
      uploadError: "照片超过 5 MB，请重新拍摄",
    });
    expect(await stores.outbox.listRejected()).toMatchObject([
      {
        mutation: { id: PHOTO_REGISTER },
        refusal: { code: "too_large", message: "照片未能上传：照片超过 5 MB，请重新拍摄" },
      },
      {
        mutation: { id: ANSWER },
        refusal: { code: "too_large", message: "照片未能上传：照片超过 5 MB，请重新拍摄" },
      },
    ]);
    expect(pushes(server.requests)).toEqual([[START]]);
    expect(server.visits.has(visit.id)).toBe(true);
    expect(engine.getSnapshot()).toMatchObject({ status: "has-rejections", rejectedCount: 2 });
  });

  it("finds the one mutation the server refuses when it rejects a whole batch", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.script(
      "push",
      httpError(422, "请求格式错误"),
      "serve",
      httpError(422, "无法识别的更改类型"),
    );

    await engine.syncNow();

    expect(pushes(server.requests)).toEqual([
      [START, PHOTO_REGISTER, ANSWER],
      [START],
      [PHOTO_REGISTER],
      [ANSWER],
    ]);
    expect(await stores.outbox.listRejected()).toMatchObject([
      {
        mutation: { id: PHOTO_REGISTER },
        refusal: { code: "invalid_input", message: "无法识别的更改类型" },
      },
    ]);
    expect(server.answers.size).toBe(1);
  });

  it("pushes in batches, oldest first", async () => {
    const { stores, server, engine } = await setup({ batchSize: 2 });
    await recordVisitWithPhoto(stores);

    await engine.syncNow();

    expect(pushes(server.requests)).toEqual([[START, PHOTO_REGISTER], [ANSWER]]);
  });

  it("pulls the server's changes after pushing and keeps the cursor", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.publishItem(anOpenItem({ id: anId(801), description: "消防通道堆放杂物" }));

    await engine.syncNow();

    expect(server.requests.map((r) => r.endpoint)).toEqual(["putPhoto", "push", "pull", "getPack"]);
    expect(await stores.meta.getCursor()).toBe("3");
    await engine.syncNow();
    expect(server.requests.filter((r) => r.endpoint === "pull").at(-1)).toEqual({
      endpoint: "pull",
      cursor: "3",
    });
  });

  it("downloads the visit pack when there is none or it is old, not on every sync", async () => {
    const { stores, server, engine } = await setup();
    server.setPack(aVisitPack({ generatedAt: NOW }));

    await engine.syncNow();
    await engine.syncNow();
    vi.setSystemTime(NOW + PACK_MAX_AGE_MS);
    await engine.syncNow();

    expect(server.requestsTo("getPack")).toHaveLength(2);
    expect((await stores.pack.listSchools()).map((s) => s.name)).toEqual(["西湖区实验小学"]);
  });

  it("keeps the pack's photos after a sync that reached the server, not after one that failed", async () => {
    const keepPackPhotos = vi.fn(() => Promise.resolve());
    const { stores, server, engine } = await setup({ keepPackPhotos });
    await recordVisitWithPhoto(stores);
    server.script("push", NETWORK_DOWN);

    await engine.syncNow();
    expect(keepPackPhotos).not.toHaveBeenCalled();

    await engine.syncNow();
    expect(keepPackPhotos).toHaveBeenCalledTimes(1);
    expect(server.requestsTo("getPack")).toHaveLength(1);
  });

  it("downloads the pack on request even when it is fresh", async () => {
    const { server, engine } = await setup();
    server.setPack(aVisitPack({ generatedAt: NOW }));
    await engine.syncNow();

    await engine.refreshPack();

    expect(server.requestsTo("getPack")).toHaveLength(2);
  });

  it("never downloads a pack on a device that keeps none (a school's), and still syncs", async () => {
    const { stores, server, engine } = await setup({ withoutPack: true });
    await recordVisitWithPhoto(stores);

    await engine.syncNow();
    await engine.refreshPack();

    expect(server.requestsTo("getPack")).toHaveLength(0);
    expect(pushes(server.requests)).toHaveLength(1);
    expect(engine.getSnapshot()).toMatchObject({ status: "idle", pendingCount: 0 });
  });

  it("counts what waits as a sync starts, so the end of a sync shows what left the outbox", async () => {
    const { stores, engine } = await setup();
    await engine.syncNow();
    await recordVisitWithPhoto(stores);
    const seen: SyncSnapshot[] = [];
    engine.subscribe((snapshot) => seen.push(snapshot));

    await engine.syncNow();

    expect(seen.find((s) => s.status === "syncing")?.pendingCount).toBe(3);
    expect(seen.at(-1)).toMatchObject({ status: "idle", pendingCount: 0 });
  });

  it("cancels the backoff wait when asked to sync now", async () => {
    const { stores, server, engine } = await setup();
    await recordVisitWithPhoto(stores);
    server.script("push", httpError(500));
    await engine.start();

    await engine.syncNow();
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    expect(pushes(server.requests)).toHaveLength(2);
    expect(engine.getSnapshot()).toMatchObject({ status: "idle", nextRetryAt: null });
  });

  it("does not hit a failing server on every edit while backing off", async () => {
    const { stores, server, engine } = await setup();
    const visit = await recordVisitWithPhoto(stores);
    server.script("push", httpError(503));
    await engine.start();
    const more = setAnswer(visit, anAnswerInput({ itemCode: "AQ-002" }), idSequence(50), NOW);
    if (!more.ok) throw new Error(more.message);
    await stores.answers.saveWithMutation(more.answer, more.mutation);

    await engine.notifyLocalChange();

    expect(pushes(server.requests)).toHaveLength(1);
    expect(engine.getSnapshot()).toMatchObject({ status: "backoff", pendingCount: 4 });
  });

  it("lets one tab sync at a time", async () => {
    const { stores, server, engine, makeEngine } = await setup();
    await recordVisitWithPhoto(stores);
    const otherTab = makeEngine();

    await Promise.all([engine.syncNow(), otherTab.syncNow()]);

    expect(pushes(server.requests)).toEqual([[START, PHOTO_REGISTER, ANSWER]]);
    expect(server.requestsTo("putPhoto")).toHaveLength(1);
  });

  it("tells subscribers what it is doing", async () => {
    const { stores, engine } = await setup();
    await recordVisitWithPhoto(stores);
    const seen: Pick<SyncSnapshot, "status" | "pendingCount">[] = [];
    engine.subscribe(({ status, pendingCount }) => seen.push({ status, pendingCount }));

    await engine.syncNow();

    expect(seen).toEqual([
      { status: "idle", pendingCount: 3 },
      { status: "syncing", pendingCount: 3 },
      { status: "idle", pendingCount: 0 },
    ]);
  });
});
