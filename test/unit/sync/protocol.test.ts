import { describe, expect, it } from "vitest";

import {
  MAX_PUSH_MUTATIONS,
  parsePullResponse,
  pushRequestEnvelopeSchema,
  pushRequestSchema,
  pushResponseSchema,
} from "@/lib/sync/protocol";

import {
  anId,
  anOpenItem,
  aStartInput,
  aVisit,
  aVisitAnswer,
  CLIENT_ID,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";

const START = {
  id: anId(1),
  name: "visit.start",
  args: { ...aStartInput(), visitId: VISIT_ID },
  createdAt: STARTED_AT,
};

describe("pushRequestSchema", () => {
  it("accepts a batch of mutations", () => {
    expect(pushRequestSchema.safeParse({ clientId: CLIENT_ID, mutations: [START] }).success).toBe(
      true,
    );
  });

  it.each<[string, unknown]>([
    ["an empty batch", { clientId: CLIENT_ID, mutations: [] }],
    [
      "an oversized batch",
      {
        clientId: CLIENT_ID,
        mutations: Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, () => START),
      },
    ],
    ["a client id that is not a UUIDv7", { clientId: "phone", mutations: [START] }],
    [
      "an unknown mutation",
      { clientId: CLIENT_ID, mutations: [{ ...START, name: "visit.delete" }] },
    ],
  ])("rejects %s", (_name, body) => {
    expect(pushRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe("pushRequestEnvelopeSchema", () => {
  it("accepts an unknown mutation so the server can reject it on its own", () => {
    const body = {
      clientId: CLIENT_ID,
      mutations: [{ ...START, name: "visit.delete", args: { anything: 1 } }],
    };

    expect(pushRequestEnvelopeSchema.safeParse(body).success).toBe(true);
  });
});

describe("pushResponseSchema", () => {
  it("accepts one result per mutation", () => {
    const body = {
      results: [
        { id: anId(1), status: "applied" },
        { id: anId(2), status: "duplicate" },
        {
          id: anId(3),
          status: "rejected",
          refusal: { code: "forbidden", message: "超出督导范围" },
        },
      ],
    };

    expect(pushResponseSchema.safeParse(body).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ["a rejection without a refusal", { results: [{ id: anId(1), status: "rejected" }] }],
    ["an unknown status", { results: [{ id: anId(1), status: "queued" }] }],
  ])("rejects %s", (_name, body) => {
    expect(pushResponseSchema.safeParse(body).success).toBe(false);
  });
});

describe("parsePullResponse", () => {
  it("reads known changes with the cursor and flags", () => {
    const body = {
      cursor: "42",
      changes: [
        { entity: "visit", value: aVisit() },
        { entity: "answer", value: aVisitAnswer() },
        { entity: "rectificationItem", value: anOpenItem() },
      ],
      hasMore: true,
    };

    expect(parsePullResponse(body)).toEqual({
      ok: true,
      pull: {
        cursor: "42",
        changes: body.changes,
        hasMore: true,
        resetRequired: false,
        unknown: 0,
        invalid: 0,
      },
    });
  });

  it("skips entities it does not know and counts them", () => {
    const body = {
      cursor: "43",
      changes: [
        { entity: "notice", value: { id: 1 } },
        { entity: "visit", value: aVisit() },
      ],
    };

    expect(parsePullResponse(body)).toMatchObject({
      ok: true,
      pull: { changes: [{ entity: "visit" }], unknown: 1 },
    });
  });

  it("skips a known change that fails validation and applies the rest", () => {
    const body = {
      cursor: "44",
      changes: [
        { entity: "visit", value: { ...aVisit(), kind: "audit" } },
        { entity: "answer", value: aVisitAnswer() },
      ],
      resetRequired: true,
    };

    expect(parsePullResponse(body)).toMatchObject({
      ok: true,
      pull: { changes: [{ entity: "answer" }], invalid: 1, resetRequired: true },
    });
  });

  it.each<[string, unknown]>([
    ["an HTML page", "<html>请登录 Wi-Fi</html>"],
    ["a missing cursor", { changes: [] }],
    ["changes that are not a list", { cursor: "1", changes: {} }],
  ])("fails on %s", (_name, body) => {
    expect(parsePullResponse(body)).toEqual({ ok: false });
  });
});
