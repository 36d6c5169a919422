/**
 * Every notice and rectification endpoint × every kind of caller → the expected answer, through the
 * real route handlers with real sessions. "listed" / "hidden": a 200 list that does / does not
 * contain the target school's record, so own and other school are told apart on lists too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getHealth } from "@/app/api/health/route";
import { GET as getNoticePdf } from "@/app/api/notices/[id]/pdf/route";
import { POST as postNoticeRead } from "@/app/api/notices/[id]/read/route";
import { GET as getNotice } from "@/app/api/notices/[id]/route";
import { GET as getNotices } from "@/app/api/notices/route";
import { GET as getDashboard } from "@/app/api/office/dashboard/route";
import { GET as getLedger } from "@/app/api/office/ledger.xlsx/route";
import { POST as postItemAction } from "@/app/api/rectification/items/[id]/actions/route";
import { GET as getItem } from "@/app/api/rectification/items/[id]/route";
import { GET as getItems } from "@/app/api/rectification/items/route";
import { GET as getReviewQueue } from "@/app/api/rectification/review-queue/route";
import { GET as getTemplates } from "@/app/api/templates/route";
import type { RectificationAction } from "@/lib/domain/rectification/rectification.schema";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { seedDemo } from "@/lib/server/seed/seed";

import { authedRequest, signInAs } from "../../helpers/auth";
import {
  aFinding,
  domainUser,
  insertPhotos,
  issueTestNotice,
  photoId,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const CALLERS = [
  "inspector of the school",
  "inspector of another zone",
  "office of the district",
  "own school",
  "other school",
  "no session",
] as const;
type Caller = (typeof CALLERS)[number];
const USERNAMES: Record<Caller, string | null> = {
  "inspector of the school": "inspector1",
  "inspector of another zone": "inspector2",
  "office of the district": "office",
  "own school": "school01",
  "other school": "school02",
  "no session": null,
};

type Expected = 200 | 401 | 403 | 404 | "listed" | "hidden";
type Target = {
  noticeId: string;
  itemId: string;
  submittedItemId: string;
  freshItemId(): Promise<string>;
};
type Endpoint = {
  name: string;
  call(cookie: string | null, target: Target): Promise<Response>;
  /** For lists: whether the body holds the target school's record. */
  lists?(body: unknown, target: Target): boolean;
  /** In CALLERS order. */
  expected: readonly Expected[];
};

const NOW = Date.parse("2035-03-02T02:00:00Z");
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string, cookie: string | null) => authedRequest(path, cookie);
const actionOn = (action: RectificationAction) => (cookie: string | null, target: Target) =>
  target.freshItemId().then((id) =>
    postItemAction(
      authedRequest(`/api/rectification/items/${id}/actions`, cookie, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action }),
      }),
      idParams(id),
    ),
  );
const has = (
  list: unknown,
  pick: (entry: { id?: string; item?: { id: string } }) => string | undefined,
  id: string,
) =>
  Array.isArray(list) &&
  list.some((entry: { id?: string; item?: { id: string } }) => pick(entry) === id);

// prettier-ignore
const ENDPOINTS: Endpoint[] = [
  { name: "GET /api/notices", call: (c) => getNotices(get("/api/notices", c)),
    lists: (b, t) => has((b as { notices: unknown }).notices, (n) => n.id, t.noticeId),
    expected: ["listed", "hidden", "listed", "listed", "hidden", 401] },
  { name: "GET /api/notices/{id}", call: (c, t) => getNotice(get(`/api/notices/${t.noticeId}`, c), idParams(t.noticeId)),
    expected: [200, 404, 200, 200, 404, 401] },
  { name: "POST /api/notices/{id}/read",
    call: (c, t) => postNoticeRead(authedRequest(`/api/notices/${t.noticeId}/read`, c, { method: "POST" }), idParams(t.noticeId)),
    expected: [403, 404, 403, 200, 404, 401] },
  { name: "GET /api/notices/{id}/pdf", call: (c, t) => getNoticePdf(get(`/api/notices/${t.noticeId}/pdf`, c), idParams(t.noticeId)),
    expected: [200, 404, 200, 200, 404, 401] },
  { name: "GET /api/rectification/items", call: (c) => getItems(get("/api/rectification/items", c)),
    lists: (b, t) => has((b as { items: unknown }).items, (r) => r.item?.id, t.itemId),
    expected: ["listed", "hidden", "listed", "listed", "hidden", 401] },
  { name: "GET /api/rectification/items/{id}", call: (c, t) => getItem(get(`/api/rectification/items/${t.itemId}`, c), idParams(t.itemId)),
    expected: [200, 404, 200, 200, 404, 401] },
  { name: "POST /api/rectification/items/{id}/actions acknowledge", call: actionOn({ type: "acknowledge" }),
    expected: [403, 404, 403, 200, 404, 401] },
  { name: "POST /api/rectification/items/{id}/actions escalate", call: actionOn({ type: "escalate", kind: "interview", note: "约谈校长" }),
    expected: [200, 404, 200, 403, 404, 401] },
  { name: "POST /api/rectification/items/{id}/actions cancel", call: actionOn({ type: "cancel", reason: "重复登记，撤销" }),
    expected: [403, 404, 200, 403, 404, 401] },
  { name: "GET /api/rectification/review-queue", call: (c) => getReviewQueue(get("/api/rectification/review-queue", c)),
    lists: (b, t) => has((b as { tasks: unknown }).tasks, (r) => r.item?.id, t.submittedItemId),
    expected: ["listed", "hidden", "listed", 403, 403, 401] },
  { name: "GET /api/office/dashboard", call: (c) => getDashboard(get("/api/office/dashboard", c)),
    expected: [403, 403, 200, 403, 403, 401] },
  { name: "GET /api/office/ledger.xlsx", call: (c) => getLedger(get("/api/office/ledger.xlsx", c)),
    expected: [403, 403, 200, 403, 403, 401] },
  { name: "GET /api/templates", call: (c) => getTemplates(get("/api/templates", c)),
    expected: [200, 200, 200, 403, 403, 401] },
  { name: "GET /api/health", call: (c) => getHealth(get("/api/health", c)),
    expected: [200, 200, 200, 200, 200, 200] },
];

let t: TestDatabase;
let target: Target;
const cookies = new Map<Caller, string | null>();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  for (const caller of CALLERS) {
    const username = USERNAMES[caller];
    cookies.set(caller, username === null ? null : await signInAs(username, DEMO_PASSWORD));
  }
  const school01 = await domainUser(t.db, "school01");
  await insertPhotos(t.db, [photoId(1)], school01.id);
  const issue = () =>
    issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: NOW,
      findings: [aFinding("XF-012"), aFinding("XF-013")],
    });
  const { notice, items } = await issue();
  const submitted = items[1]!.id;
  const answer = { type: "respond" as const, text: "已全部更换灭火器", photoIds: [photoId(1)] };
  await applyRectificationAction(t.db, school01, { itemId: submitted, action: answer }, NOW);
  target = {
    noticeId: notice!.id,
    itemId: items[0]!.id,
    submittedItemId: submitted,
    freshItemId: async () => (await issue()).items[0]!.id,
  };
});
afterAll(() => t.drop());

describe("authorization matrix", () => {
  const cases = ENDPOINTS.flatMap((endpoint) =>
    CALLERS.map((caller, i) => ({ endpoint, caller, expected: endpoint.expected[i]! })),
  );

  it.each(cases.map((c) => [c.endpoint.name, c.caller, c.expected, c] as const))(
    "%s as %s → %s",
    async (_name, caller, expected, { endpoint }) => {
      const response = await endpoint.call(cookies.get(caller) ?? null, target);
      const listed = expected === "listed" || expected === "hidden";
      expect(response.status).toBe(listed ? 200 : expected);
      if (listed)
        expect(endpoint.lists!(await response.json(), target)).toBe(expected === "listed");
      else if (response.status >= 400)
        expect(await response.json()).toMatchObject({ message: expect.any(String) as unknown });
    },
  );
});
