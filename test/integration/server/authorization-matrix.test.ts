/**
 * Every notice, rectification, organisation and account endpoint × every kind of caller → the
 * expected answer, through the real route handlers with real sessions. "listed" / "hidden": a 200
 * list that does / does not contain the target record (of district A), so own and other school,
 * district and city are told apart on lists too. District A is the seeded 示范区; district B and
 * their city come from test/helpers/org-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { analyticsContracts } from "@/lib/contracts/analytics";
import { type Contract, errorBodySchema } from "@/lib/contracts/contract";
import { documentContracts } from "@/lib/contracts/documents";
import { orgContracts } from "@/lib/contracts/org";
import { planContracts } from "@/lib/contracts/plans";
import { rectificationContracts } from "@/lib/contracts/rectification";
import { schoolContracts } from "@/lib/contracts/schools";
import { templateContracts } from "@/lib/contracts/templates";
import type { RectificationAction } from "@/lib/domain/rectification/rectification.schema";
import { auditLog, zones } from "@/lib/server/db/schema";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { newId } from "@/lib/utils/ids";

import { GET as getHealth } from "@/app/api/health/route";
import { GET as getNoticePdf } from "@/app/api/notices/[id]/pdf/route";
import { POST as postNoticeRead } from "@/app/api/notices/[id]/read/route";
import { GET as getNotice } from "@/app/api/notices/[id]/route";
import { GET as getNotices } from "@/app/api/notices/route";
import { GET as getCampaigns } from "@/app/api/office/campaigns/route";
import { GET as getCoverage } from "@/app/api/office/coverage/route";
import { GET as getDashboard } from "@/app/api/office/dashboard/route";
import { GET as getLedger } from "@/app/api/office/ledger.xlsx/route";
import { GET as getOfficeSchools } from "@/app/api/office/schools/route";
import { PUT as putVisitRule } from "@/app/api/office/visit-rule/route";
import { GET as getOfficeVisits } from "@/app/api/office/visits/route";
import { GET as getAudit } from "@/app/api/org/audit/route";
import { GET as getCities, POST as postCity } from "@/app/api/org/cities/route";
import { GET as getDistricts, POST as postDistrict } from "@/app/api/org/districts/route";
import { GET as getOrgSchool, PATCH as patchOrgSchool } from "@/app/api/org/schools/[id]/route";
import { PUT as putSchoolZone } from "@/app/api/org/schools/[id]/zone/route";
import { GET as getOrgSchools } from "@/app/api/org/schools/route";
import { PUT as putZoneInspectors } from "@/app/api/org/zones/[id]/inspectors/route";
import { PATCH as patchZone } from "@/app/api/org/zones/[id]/route";
import { GET as getZones, POST as postZone } from "@/app/api/org/zones/route";
import { POST as postItemAction } from "@/app/api/rectification/items/[id]/actions/route";
import { GET as getItem } from "@/app/api/rectification/items/[id]/route";
import { GET as getItems } from "@/app/api/rectification/items/route";
import { GET as getReviewQueue } from "@/app/api/rectification/review-queue/route";
import { GET as getTemplates } from "@/app/api/templates/route";
import { POST as postDisable } from "@/app/api/users/[id]/disable/route";
import { POST as postEnable } from "@/app/api/users/[id]/enable/route";
import { POST as postReset } from "@/app/api/users/[id]/reset-password/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { POST as postCredentialSheet } from "@/app/api/users/credential-sheet/route";
import { GET as getUsers, POST as postUser } from "@/app/api/users/route";
import { POST as postSchoolAccounts } from "@/app/api/users/school-accounts/route";
import { GET as getIssued } from "@/app/api/visits/[id]/issued/route";
import { GET as getRecordPdf } from "@/app/api/visits/[id]/record.pdf/route";

import { authedRequest, createUserWithRole, signInAs, TEST_PASSWORD } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { addSecondDistrictAndCity, type TwoDistricts } from "../../helpers/org-fixtures";
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
  "admin",
  "office of district B",
  "city office",
] as const;
type Caller = (typeof CALLERS)[number];
const USERNAMES: Record<Caller, string | null> = {
  "inspector of the school": "inspector1",
  "inspector of another zone": "inspector2",
  "office of the district": "office",
  "own school": "school01",
  "other school": "school02",
  "no session": null,
  admin: "admin",
  "office of district B": "office_b",
  "city office": "city",
};

type Expected = 200 | 201 | 401 | 403 | 404 | "listed" | "hidden";
type Target = TwoDistricts & {
  noticeId: string;
  visitId: string;
  itemId: string;
  submittedItemId: string;
  freshItemId(): Promise<string>;
  /** An inspector of district A whose account the callers edit, reset, disable and enable. */
  personId: string;
  /** A zone of district A with no inspectors, whose (empty) inspector list the callers set. */
  spareZoneId: string;
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
const send = (path: string, cookie: string | null, method: string, body?: unknown) =>
  authedRequest(path, cookie, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
let serial = 0;
/** A code or username no other call has used (each allowed create really creates). */
const unique = (prefix: string) => `${prefix.toLowerCase()}_${++serial}`;
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
    expected: ["listed", "hidden", "listed", "listed", "hidden", 401, "listed", "hidden", "listed"] },
  { name: "GET /api/notices/{id}", call: (c, t) => getNotice(get(`/api/notices/${t.noticeId}`, c), idParams(t.noticeId)),
    expected: [200, 404, 200, 200, 404, 401, 200, 404, 200] },
  { name: "POST /api/notices/{id}/read",
    call: (c, t) => postNoticeRead(authedRequest(`/api/notices/${t.noticeId}/read`, c, { method: "POST" }), idParams(t.noticeId)),
    expected: [403, 404, 403, 200, 404, 401, 403, 404, 403] },
  { name: "GET /api/notices/{id}/pdf", call: (c, t) => getNoticePdf(get(`/api/notices/${t.noticeId}/pdf`, c), idParams(t.noticeId)),
    expected: [200, 404, 200, 200, 404, 401, 200, 404, 200] },
  { name: "GET /api/visits/{id}/record.pdf", call: (c, t) => getRecordPdf(get(`/api/visits/${t.visitId}/record.pdf`, c), idParams(t.visitId)),
    expected: [200, 404, 200, 200, 404, 401, 200, 404, 200] },
  { name: "GET /api/visits/{id}/issued", call: (c, t) => getIssued(get(`/api/visits/${t.visitId}/issued`, c), idParams(t.visitId)),
    expected: [200, 404, 200, 200, 404, 401, 200, 404, 200] },
  { name: "GET /api/rectification/items", call: (c) => getItems(get("/api/rectification/items", c)),
    lists: (b, t) => has((b as { items: unknown }).items, (r) => r.item?.id, t.itemId),
    expected: ["listed", "hidden", "listed", "listed", "hidden", 401, "listed", "hidden", "listed"] },
  { name: "GET /api/rectification/items/{id}", call: (c, t) => getItem(get(`/api/rectification/items/${t.itemId}`, c), idParams(t.itemId)),
    expected: [200, 404, 200, 200, 404, 401, 200, 404, 200] },
  { name: "POST /api/rectification/items/{id}/actions acknowledge", call: actionOn({ type: "acknowledge" }),
    expected: [403, 404, 403, 200, 404, 401, 403, 404, 403] },
  { name: "POST /api/rectification/items/{id}/actions escalate", call: actionOn({ type: "escalate", kind: "interview", note: "约谈校长" }),
    expected: [200, 404, 200, 403, 404, 401, 403, 404, 403] },
  { name: "POST /api/rectification/items/{id}/actions cancel", call: actionOn({ type: "cancel", reason: "重复登记，撤销" }),
    expected: [403, 404, 200, 403, 404, 401, 403, 404, 403] },
  { name: "GET /api/rectification/review-queue", call: (c) => getReviewQueue(get("/api/rectification/review-queue", c)),
    lists: (b, t) => has((b as { tasks: unknown }).tasks, (r) => r.item?.id, t.submittedItemId),
    expected: ["listed", "hidden", "listed", 403, 403, 401, "hidden", "hidden", 403] },
  { name: "GET /api/office/dashboard", call: (c) => getDashboard(get("/api/office/dashboard", c)),
    expected: [403, 403, 200, 403, 403, 401, 200, 200, 200] },
  { name: "GET /api/office/ledger.xlsx", call: (c) => getLedger(get("/api/office/ledger.xlsx", c)),
    expected: [403, 403, 200, 403, 403, 401, 200, 200, 200] },
  // Visits, coverage and campaigns (issue #11): offices read their district, the city both, the admin all.
  { name: "GET /api/office/visits", call: (c) => getOfficeVisits(get("/api/office/visits", c)),
    lists: (b, t) => has((b as { visits: unknown }).visits, (v) => v.id, t.visitId),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "GET /api/office/coverage", call: (c) => getCoverage(get("/api/office/coverage", c)),
    expected: [403, 403, 200, 403, 403, 401, 200, 200, 200] },
  { name: "GET /api/office/campaigns", call: (c) => getCampaigns(get("/api/office/campaigns", c)),
    expected: [403, 403, 200, 403, 403, 401, 200, 200, 200] },
  { name: "PUT /api/office/visit-rule", call: (c) => putVisitRule(send("/api/office/visit-rule", c, "PUT", { visitsPerMonth: 1 })),
    expected: [403, 403, 200, 403, 403, 401, 403, 200, 403] },
  { name: "GET /api/templates", call: (c) => getTemplates(get("/api/templates", c)),
    expected: [200, 200, 200, 403, 403, 401, 200, 200, 200] },
  // Organisation and accounts (issue #8). Columns: insp. of school, insp. other zone, office A,
  // own school, other school, no session, admin, office B, city office.
  { name: "GET /api/org/districts", call: (c) => getDistricts(get("/api/org/districts", c)),
    lists: (b, t) => has((b as { districts: unknown }).districts, (d) => d.id, t.districtA),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "POST /api/org/districts", call: (c) => postDistrict(send("/api/org/districts", c, "POST", { code: unique("D"), name: "新区", noticePrefix: "新区督改" })),
    expected: [403, 403, 403, 403, 403, 401, 201, 403, 403] },
  { name: "GET /api/org/cities", call: (c) => getCities(get("/api/org/cities", c)),
    lists: (b, t) => has((b as { cities: unknown }).cities, (x) => x.id, t.cityId),
    expected: [403, 403, "hidden", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "POST /api/org/cities", call: (c) => postCity(send("/api/org/cities", c, "POST", { code: unique("C"), name: "新市" })),
    expected: [403, 403, 403, 403, 403, 401, 201, 403, 403] },
  { name: "GET /api/org/zones", call: (c) => getZones(get("/api/org/zones", c)),
    lists: (b, t) => has((b as { zones: unknown }).zones, (z) => z.id, t.zoneA),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "POST /api/org/zones (district A)", call: (c, t) => postZone(send("/api/org/zones", c, "POST", { districtId: t.districtA, name: unique("责任区") })),
    expected: [403, 403, 201, 403, 403, 401, 201, 404, 403] },
  { name: "PATCH /api/org/zones/{id}", call: (c, t) => patchZone(send(`/api/org/zones/${t.spareZoneId}`, c, "PATCH", { name: "备用责任区" }), idParams(t.spareZoneId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "PUT /api/org/zones/{id}/inspectors", call: (c, t) => putZoneInspectors(send(`/api/org/zones/${t.spareZoneId}/inspectors`, c, "PUT", { userIds: [] }), idParams(t.spareZoneId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "GET /api/org/schools", call: (c) => getOrgSchools(get("/api/org/schools", c)),
    lists: (b, t) => has((b as { schools: unknown }).schools, (x) => x.id, t.schoolA),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "GET /api/org/schools/{id}", call: (c, t) => getOrgSchool(get(`/api/org/schools/${t.schoolA}`, c), idParams(t.schoolA)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 200] },
  { name: "PATCH /api/org/schools/{id}", call: (c, t) => patchOrgSchool(send(`/api/org/schools/${t.schoolA}`, c, "PATCH", { principal: "赵明" }), idParams(t.schoolA)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "PUT /api/org/schools/{id}/zone", call: (c, t) => putSchoolZone(send(`/api/org/schools/${t.schoolA}/zone`, c, "PUT", { zoneId: t.zoneA }), idParams(t.schoolA)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "GET /api/org/audit", call: (c) => getAudit(get("/api/org/audit", c)),
    lists: (b, t) => has((b as { entries: unknown }).entries, (e) => (e as { targetId?: string }).targetId, t.spareZoneId),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "GET /api/users", call: (c) => getUsers(get("/api/users", c)),
    lists: (b, t) => has((b as { people: unknown }).people, (p) => p.id, t.personId),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "POST /api/users (inspector of A)", call: (c, t) => postUser(send("/api/users", c, "POST", { username: unique("insp"), name: "新督学", role: "inspector", districtId: t.districtA })),
    expected: [403, 403, 201, 403, 403, 401, 201, 404, 403] },
  { name: "POST /api/users (admin)", call: (c) => postUser(send("/api/users", c, "POST", { username: unique("adm"), name: "新管理员", role: "admin" })),
    expected: [403, 403, 403, 403, 403, 401, 201, 403, 403] },
  { name: "PATCH /api/users/{id}", call: (c, t) => patchUser(send(`/api/users/${t.personId}`, c, "PATCH", { phone: "13800000000" }), idParams(t.personId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "POST /api/users/{id}/reset-password", call: (c, t) => postReset(send(`/api/users/${t.personId}/reset-password`, c, "POST"), idParams(t.personId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "POST /api/users/{id}/disable", call: (c, t) => postDisable(send(`/api/users/${t.personId}/disable`, c, "POST"), idParams(t.personId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "POST /api/users/{id}/enable", call: (c, t) => postEnable(send(`/api/users/${t.personId}/enable`, c, "POST"), idParams(t.personId)),
    expected: [403, 403, 200, 403, 403, 401, 200, 404, 403] },
  { name: "POST /api/users/school-accounts (district A)", call: (c, t) => postSchoolAccounts(send("/api/users/school-accounts", c, "POST", { districtId: t.districtA })),
    expected: [403, 403, 201, 403, 403, 401, 201, 404, 403] },
  { name: "POST /api/users/credential-sheet", call: (c) => postCredentialSheet(send("/api/users/credential-sheet", c, "POST", { rows: [{ schoolName: "示范校", schoolCode: "X1", username: "school_x1", password: "Abcdefgh23" }] })),
    expected: [403, 403, 200, 403, 403, 401, 200, 200, 403] },
  { name: "GET /api/office/schools", call: (c) => getOfficeSchools(get("/api/office/schools", c)),
    lists: (b, t) => has((b as { schools: unknown }).schools, (x) => x.id, t.schoolA),
    expected: [403, 403, "listed", 403, 403, 401, "listed", "hidden", "listed"] },
  { name: "GET /api/health", call: (c) => getHealth(get("/api/health", c)),
    expected: [200, 200, 200, 200, 200, 200, 200, 200, 200] },
];

let t: TestDatabase;
let target: Target;
const cookies = new Map<Caller, string | null>();

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  const org = await addSecondDistrictAndCity(t.db);
  for (const caller of CALLERS) {
    const username = USERNAMES[caller];
    const password = ["admin", "office_b", "city"].includes(username ?? "")
      ? TEST_PASSWORD
      : DEMO_PASSWORD;
    cookies.set(caller, username === null ? null : await signInAs(username, password));
  }
  const personId = await createUserWithRole({
    username: "inspector_a9",
    role: "inspector",
    districtId: org.districtA,
  });
  const spareZoneId = newId();
  await t.db
    .insert(zones)
    .values({ id: spareZoneId, districtId: org.districtA, name: "备用责任区" });
  // One audit entry of district A for the audit list to show or hide.
  await t.db.insert(auditLog).values({
    id: newId(),
    at: new Date(NOW),
    actorId: personId,
    action: "zone.create",
    targetId: spareZoneId,
    targetLabel: "备用责任区",
    districtId: org.districtA,
    before: null,
    after: { name: "备用责任区" },
  });
  const school01 = await domainUser(t.db, "school01");
  await insertPhotos(t.db, [photoId(1)], school01.id);
  const issue = () =>
    issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: NOW,
      findings: [aFinding("XF-012"), aFinding("XF-013")],
    });
  const { notice, items, visitId } = await issue();
  const submitted = items[1]!.id;
  const answer = { type: "respond" as const, text: "已全部更换灭火器", photoIds: [photoId(1)] };
  await applyRectificationAction(t.db, school01, { itemId: submitted, action: answer }, NOW);
  target = {
    ...org,
    personId,
    spareZoneId,
    noticeId: notice!.id,
    visitId,
    itemId: items[0]!.id,
    submittedItemId: submitted,
    freshItemId: async () => (await issue()).items[0]!.id,
  };
});
afterAll(() => t.drop());

const CONTRACTS: Contract[] = [
  analyticsContracts,
  documentContracts,
  orgContracts,
  planContracts,
  rectificationContracts,
  schoolContracts,
  templateContracts,
].flatMap((group) => Object.values<Contract>(group));

/** The contract of an endpoint named "GET /api/notices/{id}" (and any words after it). */
function contractOf(name: string): Contract | undefined {
  return CONTRACTS.find((spec) => {
    const key = `${spec.method} ${spec.path.replace(/:(\w+)/g, "{$1}")}`;
    return name === key || name.startsWith(`${key} `);
  });
}

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
      // Every endpoint but the infrastructure's health check has its contract.
      const spec = contractOf(endpoint.name);
      if (!endpoint.name.startsWith("GET /api/health")) expect(spec).toBeDefined();
      if (response.status >= 400) {
        // Every refusal is the one error body, whoever answers it (the guard, the schema, the service).
        expect(errorBodySchema.safeParse(await response.json()).error).toBeUndefined();
        return;
      }
      if (spec?.response === "file" || response.headers.get("content-type") !== "application/json")
        return;
      const body: unknown = await response.json();
      // The answer is what the contract says the browser will parse.
      expect(spec?.response.safeParse(body).error).toBeUndefined();
      if (listed) expect(endpoint.lists!(body, target)).toBe(expected === "listed");
    },
  );
});
