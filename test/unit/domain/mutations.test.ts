import { describe, expect, it } from "vitest";

import {
  mutationSchema,
  mutationVisitId,
  referencedPhotoIds,
  type Mutation,
} from "@/lib/domain/mutations";

import {
  aFailingAnswer,
  anId,
  anInspectorSignature,
  aPhotoHash,
  aPhotoMeta,
  aSchoolSignature,
  aStartInput,
  aVisitAnswer,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";

const envelope = { id: anId(1), createdAt: STARTED_AT };
const SIGNATURES = { inspector: anInspectorSignature(), school: aSchoolSignature() };

const MUTATIONS: Record<Mutation["name"], Mutation> = {
  "visit.start": {
    ...envelope,
    name: "visit.start",
    args: { ...aStartInput(), visitId: VISIT_ID },
  },
  "visit.update": {
    ...envelope,
    name: "visit.update",
    args: { visitId: VISIT_ID, patch: { signatures: SIGNATURES } },
  },
  "answer.save": { ...envelope, name: "answer.save", args: aVisitAnswer() },
  "photo.register": { ...envelope, name: "photo.register", args: aPhotoMeta() },
  "visit.submit": {
    ...envelope,
    name: "visit.submit",
    args: { visitId: VISIT_ID, summary: "", signatures: SIGNATURES, endedAt: STARTED_AT },
  },
  "rectification.act": {
    ...envelope,
    name: "rectification.act",
    args: {
      itemId: anId(800),
      expectedVersion: 3,
      action: { type: "verify_pass", note: "复查合格", photoIds: [aPhotoHash("7")] },
    },
  },
};
const VISIT_MUTATIONS = Object.entries(MUTATIONS).filter(([name]) => name !== "rectification.act");

function firstIssue(value: unknown) {
  const result = mutationSchema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue && { path: issue.path.join("."), message: issue.message };
}

describe("mutationSchema", () => {
  it.each(Object.entries(MUTATIONS))("accepts %s", (_name, mutation) => {
    expect(mutationSchema.safeParse(mutation).success).toBe(true);
  });

  it.each<[string, unknown, { path: string; message?: string }]>([
    [
      "an unknown name",
      { ...envelope, name: "visit.delete", args: {} },
      { path: "name", message: "无法识别的更改类型" },
    ],
    [
      "an id that is not a UUIDv7",
      { ...MUTATIONS["answer.save"], id: "m-1" },
      { path: "id", message: "无效的编号" },
    ],
    [
      "args that do not match the name",
      { ...MUTATIONS["answer.save"], args: aPhotoMeta() },
      { path: "args.templateCode" },
    ],
    [
      "an update with nothing in it",
      { ...envelope, name: "visit.update", args: { visitId: VISIT_ID, patch: {} } },
      { path: "args.patch", message: "没有要保存的更改" },
    ],
    [
      "a rectification action without the version the person saw",
      {
        ...envelope,
        name: "rectification.act",
        args: { itemId: anId(800), action: { type: "acknowledge" } },
      },
      { path: "args.expectedVersion" },
    ],
    [
      "an unknown rectification action",
      {
        ...envelope,
        name: "rectification.act",
        args: { itemId: anId(800), expectedVersion: 1, action: { type: "close" } },
      },
      { path: "args.action.type", message: "无效的操作" },
    ],
  ])("rejects %s", (_name, value, issue) => {
    expect(firstIssue(value)).toMatchObject(issue);
  });
});

describe("referencedPhotoIds", () => {
  it.each<[string, Mutation, string[]]>([
    ["visit.start", MUTATIONS["visit.start"], []],
    ["visit.update with signatures", MUTATIONS["visit.update"], [aPhotoHash("5"), aPhotoHash("6")]],
    [
      "visit.update without signatures",
      { ...envelope, name: "visit.update", args: { visitId: VISIT_ID, patch: { summary: "x" } } },
      [],
    ],
    [
      "answer.save with a deadline finding",
      { ...envelope, name: "answer.save", args: aFailingAnswer() },
      [aPhotoHash("1")],
    ],
    [
      "answer.save fixed on site",
      {
        ...envelope,
        name: "answer.save",
        args: aFailingAnswer({
          finding: {
            severity: "minor",
            rectification: { mode: "on_site", afterPhotoIds: [aPhotoHash("2")] },
            requiredAction: "",
          },
        }),
      },
      [aPhotoHash("1"), aPhotoHash("2")],
    ],
    ["photo.register", MUTATIONS["photo.register"], [aPhotoHash("1")]],
    [
      "photo.register of an annotated copy, with its original",
      {
        ...envelope,
        name: "photo.register",
        args: aPhotoMeta({
          id: aPhotoHash("2"),
          annotation: {
            originalId: aPhotoHash("1"),
            shapes: [{ kind: "text", at: { x: 0.5, y: 0.5 }, text: "过期", color: "red" }],
          },
        }),
      },
      [aPhotoHash("2"), aPhotoHash("1")],
    ],
    ["rectification.act with photos", MUTATIONS["rectification.act"], [aPhotoHash("7")]],
    [
      "rectification.act without photos",
      {
        ...envelope,
        name: "rectification.act",
        args: { itemId: anId(800), expectedVersion: 1, action: { type: "acknowledge" } },
      },
      [],
    ],
    [
      "visit.submit without the school's signature",
      {
        ...envelope,
        name: "visit.submit",
        args: {
          visitId: VISIT_ID,
          summary: "",
          signatures: { ...SIGNATURES, school: null },
          endedAt: STARTED_AT,
        },
      },
      [aPhotoHash("5")],
    ],
  ])("lists the photos of %s", (_name, mutation, expected) => {
    expect(referencedPhotoIds(mutation)).toEqual(expected);
  });
});

describe("mutationVisitId", () => {
  it.each(VISIT_MUTATIONS)("is the visit of %s", (_name, mutation) => {
    expect(mutationVisitId(mutation)).toBe(VISIT_ID);
  });

  it("is undefined for rectification.act, which belongs to no visit", () => {
    expect(mutationVisitId(MUTATIONS["rectification.act"])).toBeUndefined();
  });
});
