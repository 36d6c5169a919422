/**
 * Bounded property-based fuzzing (fast-check) of push and every JSON route, against real PostgreSQL:
 * arbitrary JSON bodies, and valid payloads (made by the domain functions, so parsed by the shared zod
 * schemas) with one field replaced by a hostile value or removed. Properties: no answer is a 5xx; a
 * refused request or a rejected mutation writes nothing. Prints its counts.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Template } from "@/lib/domain/template/template.schema";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { pushResponseSchema } from "@/lib/sync/protocol";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { GET as getPolicy, PUT as putPolicy } from "@/app/api/office/deadline-policy/route";
import { POST as actOnItem } from "@/app/api/rectification/items/[id]/actions/route";
import { POST as pushRoute } from "@/app/api/sync/push/route";
import { POST as postDraft, PUT as putDraft } from "@/app/api/templates/[code]/draft/route";
import { POST as importTemplate } from "@/app/api/templates/import/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { PhoneVisit } from "../../helpers/phone-visit";
import {
  aFinding,
  domainUser,
  issueTestNotice,
  schoolOf,
} from "../../helpers/rectification-fixtures";
import { pushAs } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** Fixed seed: a failure is reproducible; the counts below keep the run under a minute. */
const SEED = 1212;
const counts = { requests: 0, fiveHundreds: 0, partialWrites: 0 };

let t: TestDatabase;
const cookie = { inspector1: "", office: "" };
let phone: PhoneVisit;
let itemId: string;
let policy: unknown;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  cookie.inspector1 = await signInAs("inspector1", DEMO_PASSWORD);
  cookie.office = await signInAs("office", DEMO_PASSWORD);
  const campusSafety = (await templateRepository.get(t.db, "campus-safety", 1)) as Template;
  const s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
  phone = new PhoneVisit(
    (await domainUser(t.db, "inspector1")).id,
    s01,
    [campusSafety],
    systemClock.now() - 3_600_000,
  );
  for (const item of campusSafety.items.slice(0, 3)) phone.answer(campusSafety, item, {});
  expect((await pushAs(cookie.inspector1, phone.mutations.slice(0, 1))).status).toBe(200);
  const issued = await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    findings: [aFinding()],
    now: systemClock.now(),
  });
  itemId = issued.items[0]!.id;
  policy = await (
    await getPolicy(authedRequest("/api/office/deadline-policy", cookie.office))
  ).json();
});
afterAll(async () => {
  console.warn(
    `fuzz: ${counts.requests} requests, ${counts.fiveHundreds} × 5xx, ${counts.partialWrites} partial writes`,
  );
  await t.drop();
});

/** What any write leaves behind: row counts, the change counter and every item's version. */
async function footprint(): Promise<string> {
  const { rows } = await t.db.execute(sql`SELECT
    (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM visit_answers) AS answers,
    (SELECT count(*) FROM processed_mutations) AS processed, (SELECT count(*) FROM photos) AS photos,
    (SELECT count(*) FROM rectification_events) AS events, (SELECT count(*) FROM templates) AS templates,
    (SELECT last_value FROM change_seq) AS seq,
    (SELECT md5(string_agg(id || ':' || version, ',' ORDER BY id)) FROM rectification_items) AS items,
    (SELECT md5(coalesce(string_agg(deadline_policy::text, ',' ORDER BY id), '')) FROM districts) AS policies`);
  return JSON.stringify(rows[0]);
}

/** Values no well-behaved client sends. */
const hostile = fc.oneof(
  fc.constantFrom(
    "a\u0000b",
    "\u001b[2J",
    "\u0085",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "",
    " ",
    "x".repeat(5000),
    "%E0%A4%A",
    "<script>alert(1)</script>",
    "'; DROP TABLE visits; --",
    "\ud800",
  ),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e20, -1e20, 8.64e15 + 1, 0.5),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path into a JSON value (objects and arrays included). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

/** `value` with the field at `path` replaced by `replacement` (or removed when it is undefined). */
function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** A valid payload with one field made hostile or removed. */
const mutated = (valid: () => unknown) =>
  fc.tuple(fc.nat(), fc.option(hostile, { nil: undefined, freq: 5 })).map(([i, replacement]) => {
    const base = valid();
    const all = paths(base);
    return mutate(base, all[i % all.length]!, replacement);
  });

async function send(call: () => Promise<Response>): Promise<Response> {
  counts.requests++;
  const response = await call();
  if (response.status >= 500) counts.fiveHundreds++;
  return response;
}

const json = (path: string, method: string, as: string, body: unknown) =>
  authedRequest(path, as, {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("fuzzing", () => {
  it("push: every mutation gets its own answer, never a 5xx, and a rejected one writes nothing", async () => {
    const pool = () => phone.mutations.slice(1) as unknown[];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            mutated(() => fc.sample(fc.constantFrom(...pool()), 1)[0]),
            hostile,
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (batch) => {
          const mutations = batch.map((m) =>
            typeof m === "object" && m !== null && !Array.isArray(m) ? { ...m, id: newId() } : m,
          );
          const before = await footprint();
          const response = await send(() =>
            pushRoute(
              json("/api/sync/push", "POST", cookie.inspector1, { clientId: newId(), mutations }),
            ),
          );
          expect(response.status).toBeLessThan(500);
          const body: unknown = await response.json();
          if (response.status !== 200) {
            if ((await footprint()) !== before) counts.partialWrites++;
            return;
          }
          const results = pushResponseSchema.parse(body).results;
          expect(results).toHaveLength(mutations.length);
          if (results.every((r) => r.status === "rejected") && (await footprint()) !== before) {
            counts.partialWrites++;
          }
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
    expect(counts.partialWrites).toBe(0);
  });

  const routes: {
    name: string;
    call: (body: unknown) => Promise<Response>;
    valid: () => unknown;
  }[] = [
    {
      name: "POST /api/rectification/items/{id}/actions",
      call: (body) =>
        actOnItem(json(`/api/rectification/items/${itemId}/actions`, "POST", cookie.office, body), {
          params: Promise.resolve({ id: itemId }),
        }),
      valid: () => ({ action: { type: "escalate", kind: "talk", note: "约谈校长，限期整改" } }),
    },
    {
      name: "PUT /api/office/deadline-policy",
      call: (body) => putPolicy(json("/api/office/deadline-policy", "PUT", cookie.office, body)),
      valid: () => policy,
    },
    {
      name: "POST /api/templates/{code}/draft",
      call: (body) =>
        postDraft(json("/api/templates/campus-safety/draft", "POST", cookie.office, body), {
          params: Promise.resolve({ code: "campus-safety" }),
        }),
      valid: () => ({ fromVersion: 1 }),
    },
    {
      name: "PUT /api/templates/{code}/draft",
      call: (body) =>
        putDraft(json("/api/templates/campus-safety/draft", "PUT", cookie.office, body), {
          params: Promise.resolve({ code: "campus-safety" }),
        }),
      valid: () => ({ title: "校园安全检查", items: [] }),
    },
    {
      name: "POST /api/templates/import",
      call: (body) => importTemplate(json("/api/templates/import", "POST", cookie.office, body)),
      valid: () => ({ code: "fuzz", title: "模糊测试", items: [] }),
    },
  ];

  it.each(routes)("$name: never a 5xx, and a refusal writes nothing", async ({ call, valid }) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutated(valid), hostile),
        async (body) => {
          const before = await footprint();
          const response = await send(() => call(body));
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400 && (await footprint()) !== before) counts.partialWrites++;
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
    expect(counts.partialWrites).toBe(0);
  });
});
