import { describe, expect, it } from "vitest";

import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import type { AppStoreName, OutboxRecord, PhotoRecord } from "@/lib/offline/db-schema";
import { recordProblem } from "@/lib/offline/record-checks";
import { newOutboxRecord, RECORD_SCHEMAS } from "@/lib/offline/record-schemas";

import { aTemplate } from "@/test/helpers/builders/template";
import {
  anOpenItem,
  aPackSchool,
  aPhotoMeta,
  aStartedVisit,
  aVisit,
  aVisitAnswer,
  SCHOOL_ID,
} from "@/test/helpers/builders/visit";

function aPhotoRecord(overrides: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    meta: aPhotoMeta(),
    blob: new Blob(["jpeg"], { type: "image/jpeg" }),
    thumbnail: new Blob(["thumb"], { type: "image/jpeg" }),
    uploadState: "pending",
    uploadError: null,
    ...overrides,
  };
}

function anOutboxRecord(overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return { ...newOutboxRecord(aStartedVisit().mutation), ...overrides };
}

/** Records as the app stores them: each one passes its schema (checked below). */
const GOOD: [AppStoreName, string, unknown][] = [
  ["visits", "a visit", aVisit()],
  ["answers", "an answer", aVisitAnswer()],
  ["photos", "a photo with its bytes", aPhotoRecord()],
  [
    "photos",
    "a photo the server refused",
    aPhotoRecord({ uploadState: "rejected", uploadError: "照片过大" }),
  ],
  ["outbox", "a pending mutation", anOutboxRecord()],
  [
    "outbox",
    "a rejected mutation",
    anOutboxRecord({
      status: "rejected",
      refusal: { code: "conflict", message: "检查已提交，不能再修改" },
      rejectedAt: 1,
    }),
  ],
  [
    "outbox",
    "a kept 复查 decision",
    anOutboxRecord({
      status: "sent",
      subject: { schoolId: SCHOOL_ID, prompt: "消防通道" },
      sentAt: 2,
    }),
  ],
  ["schools", "a pack school", aPackSchool()],
  ["templates", "a template", aTemplate()],
  ["rectificationItems", "an open item", anOpenItem()],
  ["meta", "the client id", { key: "clientId", value: SCHOOL_ID }],
  ["meta", "a pull cursor before the first pull", { key: "pullCursor", value: null }],
  [
    "meta",
    "the sync state after a failure",
    {
      key: "syncState",
      lastSyncAt: 1,
      lastError: { message: "网络中断", at: 2, httpStatus: null },
    },
  ],
  ["meta", "the pack time", { key: "packGeneratedAt", value: 3 }],
  ["meta", "the deadline policy", { key: "deadlinePolicy", value: DEFAULT_DEADLINE_POLICY }],
  [
    "meta",
    "the offered templates",
    { key: "offeredTemplates", value: [{ code: "fire", version: 2 }] },
  ],
  ["meta", "the routine checklists", { key: "routineTemplates", value: ["fire"] }],
  ["meta", "no campaigns", { key: "campaigns", value: [] }],
];

describe("the read check", () => {
  it.each(GOOD)("of %s passes %s", (store, _what, record) => {
    expect(RECORD_SCHEMAS[store].safeParse(record).success).toBe(true);
    expect(recordProblem(store, record)).toBeNull();
  });

  it.each([
    ["visits", "null", null],
    ["visits", "a string", "visit"],
    ["answers", "an array", [aVisitAnswer()]],
    ["meta", "a number", 7],
  ] as const)("of %s fails %s, which is not a record at all", (store, _what, record) => {
    expect(recordProblem(store, record)).toMatch(/expected an object/);
  });

  it("fails a record without a key its schema requires, naming it", () => {
    const { kind: _kind, ...visit } = aVisit();
    const { status: _status, ...item } = anOpenItem();
    const { isActive: _isActive, ...school } = aPackSchool();

    expect(recordProblem("visits", visit)).toBe("visits.kind: missing");
    expect(recordProblem("rectificationItems", item)).toBe("rectificationItems.status: missing");
    expect(recordProblem("schools", school)).toBe("schools.isActive: missing");
  });

  it("fails a field the readers rely on holding the wrong kind of value", () => {
    expect(recordProblem("visits", { ...aVisit(), id: 42 })).toBe("visits.id: expected a string");
    expect(recordProblem("visits", { ...aVisit(), templates: "fire@1" })).toBe(
      "visits.templates: expected an array",
    );
    expect(recordProblem("answers", { ...aVisitAnswer(), photoIds: null })).toBe(
      "answers.photoIds: expected an array",
    );
    expect(recordProblem("templates", { ...aTemplate(), version: "2" })).toBe(
      "templates.version: expected a number",
    );
  });

  it("fails a photo whose bytes the browser lost", () => {
    expect(recordProblem("photos", { ...aPhotoRecord(), blob: {} })).toBe(
      "photos.blob: expected a Blob",
    );
    expect(recordProblem("photos", { ...aPhotoRecord(), uploadState: "done" })).toMatch(
      /^photos.uploadState: expected one of pending, uploaded, rejected$/,
    );
  });

  it("fails an outbox entry the sync engine or the conflict list could not use", () => {
    const { id: _id, ...withoutId } = anOutboxRecord().mutation;

    expect(recordProblem("outbox", anOutboxRecord({ status: "archived" as never }))).toMatch(
      /^outbox.status: expected one of/,
    );
    expect(recordProblem("outbox", { ...anOutboxRecord(), mutation: withoutId })).toBe(
      "outbox.mutation.id: expected a UUIDv7",
    );
    // The server would refuse the whole batch it came in.
    expect(
      recordProblem("outbox", {
        ...anOutboxRecord(),
        mutation: { ...anOutboxRecord().mutation, id: "m-1" },
      }),
    ).toBe("outbox.mutation.id: expected a UUIDv7");
    expect(recordProblem("outbox", { ...anOutboxRecord(), mutation: "visit.start" })).toBe(
      "outbox.mutation: expected an object",
    );
    expect(recordProblem("outbox", { ...anOutboxRecord(), refusal: "检查已提交" as never })).toBe(
      "outbox.refusal: expected an object",
    );
    expect(recordProblem("outbox", { ...anOutboxRecord(), rejectedAt: "today" as never })).toBe(
      "outbox.rejectedAt: expected a number",
    );
    expect(
      recordProblem("outbox", anOutboxRecord({ subject: { schoolId: SCHOOL_ID } as never })),
    ).toBe("outbox.subject.prompt: expected a string");
  });

  it("fails a meta record of an unknown key or with the wrong value", () => {
    const { reviewDays: _reviewDays, ...policy } = DEFAULT_DEADLINE_POLICY;

    expect(recordProblem("meta", { key: "theme", value: "dark" })).toBe(
      "meta.key: not a known meta key",
    );
    expect(recordProblem("meta", { key: "clientId", value: 7 })).toBe(
      "meta.value: expected a string",
    );
    expect(recordProblem("meta", { key: "deadlinePolicy", value: policy })).toBe(
      "meta.value.reviewDays: missing",
    );
    expect(recordProblem("meta", { key: "routineTemplates", value: ["fire", 2] })).toBe(
      "meta.value.1: expected a string",
    );
  });
});
