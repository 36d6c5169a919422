import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { log } from "@/lib/server/log";

import { GET as getHealth } from "@/app/api/health/route";
import { GET as getMe } from "@/app/api/me/route";
import { GET as getItems } from "@/app/api/rectification/items/route";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** What an operator reads: JSON log lines, and an id that ties a user's error report to them. */
let t: TestDatabase;
let cookie: string;
let lines: Record<string, unknown>[];

beforeAll(async () => {
  t = await createTestDatabase();
  await createUserWithRole({ username: "logofficer", role: "inspector" });
  cookie = await signInAs("logofficer");
});
afterAll(() => t.drop());

function captureLog(): void {
  lines = [];
  log.level = "info";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split("\n").filter(Boolean)) {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    return true;
  });
}
afterEach(() => {
  vi.restoreAllMocks();
  log.level = "silent";
});

describe("request ids", () => {
  it("puts the same id in the X-Request-Id header, the JSON error body and the log line", async () => {
    captureLog();
    const response = await getMe(authedRequest("/api/me", null));

    expect(response.status).toBe(401);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      error: "unauthorized",
      message: "请先登录",
      requestId: id,
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "info",
        requestId: id,
        method: "GET",
        path: "/api/me",
        status: 401,
      }),
    );
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("adds the id to a 422 with the field's issues, keeping the issues", async () => {
    const response = await getItems(
      authedRequest("/api/rectification/items?overdue=maybe", cookie),
    );

    expect(response.status).toBe(422);
    const body = (await response.json()) as { requestId: string; issues: unknown[] };
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it("keeps a well-formed id from the proxy in front and replaces one that could forge log lines", async () => {
    const kept = await getMe(
      authedRequest("/api/me", cookie, { headers: { "x-request-id": "lb-7f3a9c21" } }),
    );
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c21");

    const forged = await getMe(
      authedRequest("/api/me", cookie, { headers: { "x-request-id": 'x","level":"fatal' } }),
    );
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("/api/health", () => {
  it("reports the database latency and the pool's connections", async () => {
    const response = await getHealth(authedRequest("/api/health", null));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { dbLatencyMs: number; pool: Record<string, number> };
    expect(body.dbLatencyMs).toBeGreaterThanOrEqual(0);
    expect(body.dbLatencyMs).toBeLessThan(1_000);
    expect(Object.keys(body.pool).sort()).toEqual(["idle", "total", "waiting"]);
    expect(body.pool.total).toBeGreaterThanOrEqual(body.pool.idle ?? Infinity);
  });
});
