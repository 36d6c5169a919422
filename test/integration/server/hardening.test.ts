/**
 * Issue 12, each class written as the attack: a second way in and a lockout bypass, a forged
 * forwarding header, a cross-site write with the victim's cookie, a cookie replayed after sign-out,
 * a poison mutation between two good ones, a 100 MB body, a polyglot image and another user's
 * mutation id. Real PostgreSQL, real route handlers, the real HTTP front of cli/serve.ts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { School } from "@/lib/domain/org/org.schema";
import type { Template } from "@/lib/domain/template/template.schema";
import { DISABLED_PATHS, ENABLED_PATHS, getAuth } from "@/lib/server/auth/auth";
import { FREE_FAILURES } from "@/lib/server/auth/lockout";
import { admitRequest, CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import {
  photos,
  processedMutations,
  rateLimit,
  rectificationItems,
  user as userTable,
  visitAnswers,
} from "@/lib/server/db/schema";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { demoPhoto } from "@/lib/server/seed/demo-photos";
import { MAX_PUSH_BYTES } from "@/lib/server/sync/push-request";
import { pushResponseSchema } from "@/lib/sync/protocol";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as getMe } from "@/app/api/me/route";
import { PUT as putPhoto } from "@/app/api/photos/[sha256]/route";
import { POST as rectificationAction } from "@/app/api/rectification/items/[id]/actions/route";
import { POST as pushRoute } from "@/app/api/sync/push/route";
import { POST as changePassword } from "@/app/api/users/me/password/route";

import { authedRequest, signInAs, signInRequest, TEST_ORIGIN } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { aTestPhoto, PhoneVisit } from "../../helpers/phone-visit";
import { aFinding, issueTestNotice, schoolOf } from "../../helpers/rectification-fixtures";
import { pushAs, uploadPhoto } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let campusSafety: Template;
let s01: School;
let s11: School;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  campusSafety = (await templateRepository.get(t.db, "campus-safety", 1))!;
  s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
  s11 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S11")).id))!;
});
afterAll(() => t.drop());

const auth = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  authPost(
    new Request(`${TEST_ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );

async function userId(username: string): Promise<string> {
  const [row] = await t.db
    .select({ id: userTable.id })
    .from(userTable)
    .where(eq(userTable.username, username));
  return row!.id;
}

describe("a second way in", () => {
  it.each([
    ["/sign-in/email", { email: "school02@duxue.local", password: DEMO_PASSWORD }],
    ["/sign-up/email", { email: "x@evil.example", password: "password-123", name: "x" }],
    ["/is-username-available", { username: "school02" }],
    ["/update-user", { name: "改名" }],
    ["/verify-password", { password: DEMO_PASSWORD }],
    ["/admin/impersonate-user", { userId: "x" }],
  ])("POST %s answers 404", async (path, body) => {
    expect((await auth(path, body)).status).toBe(404);
  });

  it("leaves no better-auth endpoint reachable but the four the app uses", async () => {
    const mounted = Object.values(getAuth().api as Record<string, { path?: string }>)
      .map((e) => e.path)
      .filter((p): p is string => typeof p === "string" && !p.includes(":"));
    const unlisted = mounted.filter(
      (p) => !ENABLED_PATHS.includes(p) && !DISABLED_PATHS.includes(p),
    );
    expect(unlisted).toEqual([]);
    for (const path of DISABLED_PATHS) expect((await auth(path, {})).status, path).toBe(404);
  });

  it("keeps the session token out of the sign-in answer: it travels only in an HttpOnly, SameSite=Lax cookie", async () => {
    const response = await signInRequest("school03", DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("token");
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="))!;
    const token = decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!).split(".")[0]!;
    expect(JSON.stringify(body)).not.toContain(token);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe("a lockout bypass attempt", () => {
  it("throttles every spelling of the account, and the right password too, once the guesses run out", async () => {
    for (let i = 0; i < FREE_FAILURES; i++) {
      const spelling = ["school04", "SCHOOL04", "School04"][i % 3]!;
      expect((await signInRequest(spelling, `guess-${i}`, "203.0.113.7")).status).toBe(401);
    }
    const throttled = await signInRequest("school04", DEMO_PASSWORD, "203.0.113.7");
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { message: string }).message).toMatch(
      /密码错误次数过多，请 \d+ 秒后再试/,
    );
  });

  it("does not let a stranger lock the owner out: the owner's own client still signs in", async () => {
    for (let i = 0; i < FREE_FAILURES + 2; i++)
      await signInRequest("school05", `guess-${i}`, "198.51.100.9");
    expect((await signInRequest("school05", DEMO_PASSWORD, "198.51.100.9")).status).toBe(429);
    expect((await signInRequest("school05", DEMO_PASSWORD, "192.0.2.50")).status).toBe(200);
  });

  it("puts the one other place that checks a password, 修改密码, behind the same throttle", async () => {
    const client = "203.0.113.20";
    const cookie = await signInAs("school06", DEMO_PASSWORD);
    // better-auth's own change-password is off: the app's route is the only way.
    expect(
      (
        await auth(
          "/change-password",
          { currentPassword: DEMO_PASSWORD, newPassword: "x-pass-123" },
          { cookie },
        )
      ).status,
    ).toBe(404);
    const change = (currentPassword: string) =>
      changePassword(
        authedRequest("/api/users/me/password", cookie, {
          method: "POST",
          headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: client },
          body: JSON.stringify({
            currentPassword,
            newPassword: "brand-new-pass-1",
            confirmPassword: "brand-new-pass-1",
          }),
        }),
      );
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await change(`wrong-guess-${i}`)).status).toBe(422);
    // The stolen cookie's holder guessed too often: even the right password is not checked now.
    expect((await change(DEMO_PASSWORD)).status).toBe(429);
  });
});

describe("a forged forwarding header", () => {
  let server: http.Server;
  let base: string;
  let trustedProxy: string | undefined;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const refused = admitRequest(request, trustedProxy);
      response.writeHead(refused?.status ?? 200);
      response.end(refused?.message ?? request.headers[CLIENT_IP_HEADER]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const forged = {
    "x-forwarded-for": "1.2.3.4",
    [CLIENT_IP_HEADER]: "5.6.7.8",
    "x-real-ip": "9.9.9.9",
  };

  it("takes the socket address, whatever the client claims", async () => {
    trustedProxy = undefined;
    expect(await (await fetch(base, { headers: forged })).text()).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For only from TRUSTED_PROXY, and only the entry the proxy appended", async () => {
    trustedProxy = "127.0.0.1";
    const headers = { "x-forwarded-for": "6.6.6.6, 10.1.2.3" };
    expect(await (await fetch(base, { headers })).text()).toBe("10.1.2.3");
    trustedProxy = "10.0.0.5";
    expect(await (await fetch(base, { headers })).text()).toBe("127.0.0.1");
  });

  it("answers 400 to broken percent-encoding instead of a 500", async () => {
    trustedProxy = undefined;
    const response = await fetch(`${base}/api/notices/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("网址编码有误");
  });

  it("keeps per-IP limits per address in PostgreSQL: rotating X-Forwarded-For and usernames still hits the limit", async () => {
    let status = 0;
    let attempts = 0;
    for (; attempts < 40 && status !== 429; attempts++) {
      const response = await auth(
        "/sign-in/username",
        { username: `nobody${attempts}`, password: "whatever-1" },
        { [CLIENT_IP_HEADER]: "203.0.113.99", "x-forwarded-for": `10.9.${attempts}.1` },
      );
      status = response.status;
    }
    expect(status).toBe(429);
    expect(attempts).toBe(31); // 30 a minute per address (auth.ts)
    const rows = await t.db.select({ key: rateLimit.key }).from(rateLimit);
    expect(rows.map((r) => r.key)).toContain("203.0.113.99|/sign-in/username");
  });
});

describe("a cross-site write with the victim's cookie", () => {
  let cookie: string;
  let itemId: string;
  beforeAll(async () => {
    cookie = await signInAs("office", DEMO_PASSWORD);
    const issued = await issueTestNotice(t.db, {
      schoolCode: "S02",
      inspector: "inspector1",
      findings: [aFinding()],
      now: systemClock.now(),
    });
    itemId = issued.items[0]!.id;
  });

  const cancel = JSON.stringify({ action: { type: "cancel", reason: "跨站请求伪造" } });

  it.each([
    [
      "a text/plain form post from another site",
      { origin: "https://evil.example", "content-type": "text/plain" },
      403,
    ],
    [
      "JSON from another site",
      { origin: "https://evil.example", "content-type": "application/json" },
      403,
    ],
    [
      "an opaque origin (sandboxed frame)",
      { origin: "null", "content-type": "application/json" },
      403,
    ],
    [
      "no Origin but another site's Referer",
      { origin: "", referer: "https://evil.example/x", "content-type": "application/json" },
      403,
    ],
    ["text/plain from the app's own origin", { "content-type": "text/plain" }, 415],
  ])("refuses %s and changes nothing", async (_case, headers: Record<string, string>, status) => {
    const before = await t.db
      .select()
      .from(rectificationItems)
      .where(eq(rectificationItems.id, itemId));
    const request = authedRequest(`/api/rectification/items/${itemId}/actions`, cookie, {
      method: "POST",
      headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== "")),
      body: cancel,
    });
    // authedRequest fills in the app's origin; the Referer-only attack sends none.
    if (headers.origin === "") request.headers.delete("origin");
    const response = await rectificationAction(request, {
      params: Promise.resolve({ id: itemId }),
    });
    expect(response.status).toBe(status);
    const after = await t.db
      .select()
      .from(rectificationItems)
      .where(eq(rectificationItems.id, itemId));
    expect(after).toEqual(before);
  });

  it("refuses a cross-site push too", async () => {
    const response = await pushRoute(
      authedRequest("/api/sync/push", cookie, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "text/plain" },
        body: JSON.stringify({ clientId: newId(), mutations: [] }),
      }),
    );
    expect(response.status).toBe(403);
  });
});

describe("a cookie replayed", () => {
  it("is refused at once after sign-out", async () => {
    const cookie = await signInAs("inspector2", DEMO_PASSWORD);
    expect((await getMe(authedRequest("/api/me", cookie))).status).toBe(200);
    const signOut = await authPost(
      authedRequest("/api/auth/sign-out", cookie, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(signOut.status).toBe(200);
    expect((await getMe(authedRequest("/api/me", cookie))).status).toBe(401);
    expect((await pushAs(cookie, [])).status).toBe(401);
  });

  it("is refused at once after the account is disabled", async () => {
    const cookie = await signInAs("school08", DEMO_PASSWORD);
    await t.db.update(userTable).set({ banned: true }).where(eq(userTable.username, "school08"));
    expect((await getMe(authedRequest("/api/me", cookie))).status).toBe(401);
  });
});

describe("a poison mutation between two good ones", () => {
  it.each([
    [
      "a NUL in a note",
      (m: Record<string, unknown>) => ({ ...m, args: { ...(m.args as object), note: "a\u0000b" } }),
    ],
    ["a date that does not exist", (m: Record<string, unknown>) => ({ ...m, createdAt: 1e20 })],
    [
      "a version past PostgreSQL's integer",
      () => ({
        id: newId(),
        name: "rectification.act",
        createdAt: systemClock.now(),
        args: { itemId: newId(), expectedVersion: 2 ** 40, action: { type: "acknowledge" } },
      }),
    ],
  ])("rejects %s alone, with its reason, and applies the others", async (_case, poison) => {
    const cookie = await signInAs("inspector1", DEMO_PASSWORD);
    const phone = new PhoneVisit(
      await userId("inspector1"),
      s01,
      [campusSafety],
      systemClock.now() - 3_600_000,
    );
    const [first, second] = campusSafety.items;
    phone.answer(campusSafety, first!, {});
    phone.answer(campusSafety, second!, {});
    const [start, good1, good2] = phone.mutations as unknown as Record<string, unknown>[];
    const bad = { ...poison({ ...good1!, id: newId() }), id: newId() };
    const { status, body } = await pushAs(cookie, [start, good1, bad, good2]);
    expect(status).toBe(200);
    const results = pushResponseSchema.parse(body).results;
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "rejected", "applied"]);
    expect(results[2]).toMatchObject({
      refusal: {
        code: "invalid_input",
        message: expect.stringMatching(/[\u4e00-\u9fff]/) as unknown,
      },
    });
    const visitId = (start!.args as { visitId: string }).visitId;
    expect(await t.db.$count(visitAnswers, eq(visitAnswers.visitId, visitId))).toBe(2);
  });
});

describe("a 100 MB body", () => {
  it("is refused with 413 while streaming: the rest is never read", async () => {
    const cookie = await signInAs("inspector3", DEMO_PASSWORD);
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const hundredMegabytes = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: hundredMegabytes,
      duplex: "half",
    };
    const response = await pushRoute(authedRequest("/api/sync/push", cookie, init));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe(
      "同步内容过大（超过 2 MB），请分批同步",
    );
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(MAX_PUSH_BYTES + 4 * chunk.length);
  });

  it("is refused by its Content-Length before a byte is read, on the sign-in route too", async () => {
    const response = await authPost(
      new Request(`${TEST_ORIGIN}/api/auth/sign-in/username`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: TEST_ORIGIN,
          "content-length": String(100 * 1024 * 1024),
        },
        body: "{}",
      }),
    );
    expect(response.status).toBe(413);
  });
});

describe("a polyglot image", () => {
  const html = Buffer.from("<html><script>alert(document.cookie)</script></html>");
  const put = async (bytes: Uint8Array, cookie: string) => {
    const id = (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
    return putPhoto(
      authedRequest(`/api/photos/${id}`, cookie, {
        method: "PUT",
        headers: { "content-type": "image/jpeg" },
        body: Buffer.from(bytes),
      }),
      { params: Promise.resolve({ sha256: id }) },
    );
  };

  it.each([
    [
      "JPEG magic bytes, then HTML",
      () => Promise.resolve(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html])),
    ],
    [
      "PNG magic bytes, then HTML",
      () => Promise.resolve(Buffer.concat([demoPhoto(1).bytes.subarray(0, 16), html])),
    ],
    [
      "half a real JPEG, then HTML",
      async () => {
        const jpeg = await sharp(demoPhoto(2).bytes).jpeg().toBuffer();
        return Buffer.concat([jpeg.subarray(0, jpeg.length / 2), html]);
      },
    ],
  ])("refuses %s with 415 and stores nothing", async (_case, make) => {
    const cookie = await signInAs("inspector4", DEMO_PASSWORD);
    const before = await t.db.$count(photos);
    const response = await put(new Uint8Array(await make()), cookie);
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toBe(
      "只能上传 JPEG、PNG 或 WebP 格式的图片",
    );
    expect(await t.db.$count(photos)).toBe(before);
  });

  it("stores a real photo", async () => {
    const cookie = await signInAs("inspector4", DEMO_PASSWORD);
    expect(await uploadPhoto(cookie, aTestPhoto("a real one"))).toBe(201);
  });
});

describe("another user's mutation id", () => {
  it("is a different mutation: applied for its own author, never answered as a duplicate", async () => {
    const [c1, c2] = [
      await signInAs("inspector1", DEMO_PASSWORD),
      await signInAs("inspector2", DEMO_PASSWORD),
    ];
    const mine = new PhoneVisit(
      await userId("inspector1"),
      s01,
      [campusSafety],
      systemClock.now() - 3_600_000,
    );
    const theirs = new PhoneVisit(
      await userId("inspector2"),
      s11,
      [campusSafety],
      systemClock.now() - 3_600_000,
    );
    const stolenId = mine.mutations[0]!.id;
    expect(
      pushResponseSchema.parse((await pushAs(c1, mine.mutations)).body).results[0]?.status,
    ).toBe("applied");

    // inspector2's phone (or an attacker who saw the id) uses the same id for its own visit.start.
    const reused = { ...theirs.mutations[0]!, id: stolenId };
    const { body } = await pushAs(c2, [reused]);
    expect(pushResponseSchema.parse(body).results).toMatchObject([
      { id: stolenId, status: "applied" },
    ]);
    expect(await t.db.$count(processedMutations, eq(processedMutations.id, stolenId))).toBe(2);
    // And a true repeat by its author is still a duplicate.
    expect(pushResponseSchema.parse((await pushAs(c2, [reused])).body).results[0]?.status).toBe(
      "duplicate",
    );
  });
});
