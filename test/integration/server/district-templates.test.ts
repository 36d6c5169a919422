import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { School, User } from "@/lib/domain/org/org.schema";
import { versionListSchema } from "@/lib/domain/template/library";
import type { Template, TemplateInput } from "@/lib/domain/template/template.schema";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";
import { districts, templates, visits } from "@/lib/server/db/schema";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { pushResponseSchema } from "@/lib/sync/protocol";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { GET as getPack } from "@/app/api/inspect/pack/route";
import {
  DELETE as deleteAdoption,
  POST as postAdoption,
} from "@/app/api/templates/[code]/adoption/route";
import { POST as postDraft, PUT as putDraft } from "@/app/api/templates/[code]/draft/route";
import { POST as postFork } from "@/app/api/templates/[code]/fork/route";
import { POST as postPublish } from "@/app/api/templates/[code]/publish/route";
import { GET as getExport } from "@/app/api/templates/[code]/versions/[version]/export/route";
import { POST as postRetire } from "@/app/api/templates/[code]/versions/[version]/retire/route";
import { GET as getVersion } from "@/app/api/templates/[code]/versions/[version]/route";
import { GET as getVersions } from "@/app/api/templates/[code]/versions/route";
import { POST as postImport } from "@/app/api/templates/import/route";
import { GET as listTemplates } from "@/app/api/templates/route";
import { aClassSizeItem, aTemplateItem } from "@/test/helpers/builders/template";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { aFullVisit, PhoneVisit } from "../../helpers/phone-visit";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { pushAs, uploadPhoto } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const HOUR = 60 * 60_000;

let t: TestDatabase;
/** District A is the seeded 示范区 (it adopted the whole library); district B is a second county. */
const cookie = { office: "", inspector1: "", officeB: "", admin: "" };
let inspector1: User;
let s01: School;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  const districtB = newId();
  await t.db
    .insert(districts)
    .values({ id: districtB, code: "east", name: "东区", noticePrefix: "东区督改" });
  await createUserWithRole({ username: "eastoffice", role: "office", districtId: districtB });
  await createUserWithRole({ username: "admin9", role: "admin" });
  cookie.office = await signInAs("office", DEMO_PASSWORD);
  cookie.inspector1 = await signInAs("inspector1", DEMO_PASSWORD);
  cookie.officeB = await signInAs("eastoffice");
  cookie.admin = await signInAs("admin9");
  inspector1 = await domainUser(t.db, "inspector1");
  s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
});
afterAll(() => t.drop());

const codeParams = (code: string) => ({ params: Promise.resolve({ code }) });
const versionParams = (code: string, version: number) => ({
  params: Promise.resolve({ code, version: String(version) }),
});

function jsonRequest(path: string, who: string, method: string, body?: unknown): Request {
  return authedRequest(path, who, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function anInput(code: string, title = "东区食堂专项检查"): TemplateInput {
  return {
    code,
    title,
    domain: "campus_safety",
    description: "",
    items: [aTemplateItem(), aClassSizeItem()],
  };
}

const saveDraft = (who: string, draft: TemplateInput) =>
  putDraft(
    jsonRequest(`/api/templates/${draft.code}/draft`, who, "PUT", draft),
    codeParams(draft.code),
  );
const publish = (who: string, code: string) =>
  postPublish(jsonRequest(`/api/templates/${code}/publish`, who, "POST"), codeParams(code));
const retire = (who: string, code: string, version: number) =>
  postRetire(
    jsonRequest(`/api/templates/${code}/versions/${version}/retire`, who, "POST"),
    versionParams(code, version),
  );
const adopt = (who: string, code: string, body: unknown = {}) =>
  postAdoption(jsonRequest(`/api/templates/${code}/adoption`, who, "POST", body), codeParams(code));
const fork = (who: string, code: string, version: number) =>
  postFork(jsonRequest(`/api/templates/${code}/fork`, who, "POST", { version }), codeParams(code));

async function offered(who: string): Promise<string[]> {
  const body = (await (await listTemplates(authedRequest("/api/templates", who))).json()) as {
    templates: Template[];
  };
  return body.templates.map((x) => `${x.code}@${x.version}`).sort();
}

async function pack() {
  const response = await getPack(authedRequest("/api/inspect/pack", cookie.inspector1));
  expect(response.status).toBe(200);
  return visitPackSchema.parse(await response.json());
}

/** Publishes `input` as a new version through the API as `who`. */
async function publishAs(who: string, input: TemplateInput): Promise<Template> {
  expect((await saveDraft(who, input)).status).toBe(200);
  const response = await publish(who, input.code);
  expect(response.status).toBe(201);
  return ((await response.json()) as { template: Template }).template;
}

/** Every row of a code, to show that a refused write changed nothing. */
const rowsOf = (code: string) => t.db.select().from(templates).where(eq(templates.code, code));

describe("who may change a template", () => {
  it("district B's office publishes its own template, which district A's office cannot see or change", async () => {
    const own = await publishAs(cookie.officeB, anInput("east-canteen"));
    expect(own).toMatchObject({ code: "east-canteen", version: 1, status: "published" });
    await saveDraft(cookie.officeB, anInput("east-canteen", "东区食堂专项检查（修订）"));
    const before = await rowsOf("east-canteen");

    const attempts: [string, () => Promise<Response>][] = [
      ["save a draft", () => saveDraft(cookie.office, anInput("east-canteen", "示范区改的"))],
      [
        "open a draft",
        () =>
          postDraft(
            jsonRequest("/api/templates/east-canteen/draft", cookie.office, "POST"),
            codeParams("east-canteen"),
          ),
      ],
      ["publish", () => publish(cookie.office, "east-canteen")],
      ["retire", () => retire(cookie.office, "east-canteen", 1)],
      [
        "import over it",
        () =>
          postImport(
            jsonRequest("/api/templates/import", cookie.office, "POST", anInput("east-canteen")),
          ),
      ],
      ["adopt it", () => adopt(cookie.office, "east-canteen")],
      ["copy it", () => fork(cookie.office, "east-canteen", 1)],
      [
        "read a version",
        () =>
          getVersion(
            authedRequest("/api/templates/east-canteen/versions/1", cookie.office),
            versionParams("east-canteen", 1),
          ),
      ],
      [
        "export a version",
        () =>
          getExport(
            authedRequest("/api/templates/east-canteen/versions/1/export", cookie.office),
            versionParams("east-canteen", 1),
          ),
      ],
      [
        "list its versions",
        () =>
          getVersions(
            authedRequest("/api/templates/east-canteen/versions", cookie.office),
            codeParams("east-canteen"),
          ),
      ],
    ];
    for (const [what, attempt] of attempts) {
      expect({ what, status: (await attempt()).status }).toEqual({ what, status: 404 });
    }
    expect(await rowsOf("east-canteen")).toEqual(before);
    expect(await offered(cookie.office)).not.toContain("east-canteen@1");
  });

  it("no office edits, publishes or retires a national template; admin does", async () => {
    const before = await rowsOf("health-care");
    const [current] = await templateRepository.listVersions(t.db, "health-care");
    const edited = { ...current!, title: "卫生保健检查（区改）" };
    for (const office of [cookie.office, cookie.officeB]) {
      const refusals = [
        await saveDraft(office, edited),
        await postDraft(
          jsonRequest("/api/templates/health-care/draft", office, "POST"),
          codeParams("health-care"),
        ),
        await publish(office, "health-care"),
        await retire(office, "health-care", 1),
        await postImport(jsonRequest("/api/templates/import", office, "POST", edited)),
      ];
      for (const response of refusals) {
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({
          message: "国家库的检查表不能直接修改，请采用或复制为本区清单后修改",
        });
      }
    }
    expect(await rowsOf("health-care")).toEqual(before);

    const { version: _v, status: _s, publishedAt: _p, ...input } = edited;
    expect((await publishAs(cookie.admin, input)).version).toBe(2);
  });

  it("answers 403 to an office account bound to no district creating a template", async () => {
    await createUserWithRole({ username: "officenowhere", role: "office" });
    const nowhere = await signInAs("officenowhere");
    const response = await saveDraft(nowhere, anInput("nowhere-new"));
    expect(response.status).toBe(403);
    expect(await rowsOf("nowhere-new")).toEqual([]);
  });
});

describe("adopting a national template", () => {
  it("pins the adopted version until the district moves it forward, never back", async () => {
    // District B adopted nothing yet: only its own template is offered.
    expect(await offered(cookie.officeB)).toEqual(["east-canteen@1"]);
    const adopted = await adopt(cookie.officeB, "fire", { version: 1 });
    expect(adopted.status).toBe(200);
    expect(await adopted.json()).toEqual({ adoption: { code: "fire", version: 1 } });

    const [fire] = await templateRepository.listVersions(t.db, "fire");
    const { version: _v, status: _s, publishedAt: _p, ...input } = fire!;
    await publishAs(cookie.admin, { ...input, title: "消防安全检查（2026 修订）" });
    // A new national version changes nothing for the districts until they move.
    expect(await offered(cookie.officeB)).toContain("fire@1");
    expect(await offered(cookie.office)).toContain("fire@1");

    const moved = await adopt(cookie.officeB, "fire", { version: 2 });
    expect(await moved.json()).toEqual({ adoption: { code: "fire", version: 2 } });
    expect(await offered(cookie.officeB)).toEqual(["east-canteen@1", "fire@2"]);
    expect(await offered(cookie.office)).toContain("fire@1");

    const back = await adopt(cookie.officeB, "fire", { version: 1 });
    expect(back.status).toBe(409);
    expect(await back.json()).toMatchObject({
      message: "本区已采用第 2 版，不能退回到较早的第 1 版",
    });
  });

  it("refuses a retired version with 409 and an unknown one with 404", async () => {
    await publishAs(cookie.admin, anInput("national-old", "旧版国家检查表"));
    expect((await retire(cookie.admin, "national-old", 1)).status).toBe(200);
    const retired = await adopt(cookie.officeB, "national-old", { version: 1 });
    expect(retired.status).toBe(409);
    expect(await retired.json()).toMatchObject({ message: "第 1 版已停用，不能采用" });
    expect((await adopt(cookie.officeB, "fire", { version: 9 })).status).toBe(404);
  });

  it("refuses with 422 a version that is not a positive number", async () => {
    const response = await adopt(cookie.officeB, "fire", { version: "最新" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      issues: [expect.objectContaining({ path: ["version"] })],
    });
  });

  it("is for offices: an inspector gets 403", async () => {
    expect((await adopt(cookie.inspector1, "fire")).status).toBe(403);
  });
});

describe("the inspector's pack", () => {
  it("holds only what the district adopted or owns, and a stopped template leaves it", async () => {
    const before = await pack();
    const offeredCodes = before.offered.map((ref) => ref.code);
    expect(offeredCodes).toContain("school-bus");
    expect(offeredCodes).not.toContain("east-canteen");
    expect(offeredCodes).not.toContain("national-old");
    expect(before.templates.map((x) => x.code)).not.toContain("east-canteen");

    const withdrawn = await deleteAdoption(
      jsonRequest("/api/templates/school-bus/adoption", cookie.office, "DELETE"),
      codeParams("school-bus"),
    );
    expect(withdrawn.status).toBe(200);
    expect((await pack()).offered.map((ref) => ref.code)).not.toContain("school-bus");
    expect((await adopt(cookie.office, "school-bus")).status).toBe(200);
  });

  it("gets the district's own copy once the office publishes it", async () => {
    const forked = await fork(cookie.office, "food-safety", 1);
    expect(forked.status).toBe(201);
    const { draft } = (await forked.json()) as { draft: TemplateInput };
    expect(draft.code).toBe("food-safety-demo");
    expect(draft.title).toMatch(/（示范区）$/);
    // A draft is not offered; district B cannot see it; copying twice is refused.
    expect((await pack()).offered.map((ref) => ref.code)).not.toContain("food-safety-demo");
    expect(
      (
        await getVersions(
          authedRequest("/api/templates/food-safety-demo/versions", cookie.officeB),
          codeParams("food-safety-demo"),
        )
      ).status,
    ).toBe(404);
    expect((await fork(cookie.office, "food-safety", 1)).status).toBe(409);

    expect((await publish(cookie.office, "food-safety-demo")).status).toBe(201);
    expect((await pack()).offered).toContainEqual({ code: "food-safety-demo", version: 1 });
  });
});

describe("pinning a retired version", () => {
  it("is refused for a new visit, while drafts pinned before the retirement still sync", async () => {
    const [campus] = await templateRepository.listVersions(t.db, "campus-safety");
    const { version: _v, status: _s, publishedAt: _p, ...campusInput } = campus!;
    expect((await fork(cookie.office, "campus-safety", campus!.version)).status).toBe(201);
    const own = await publishAs(cookie.office, {
      ...campusInput,
      code: "campus-safety-demo",
      title: "示范区校园安全检查",
    });

    // A draft that reached the server, and one started offline, both before the retirement.
    const synced = aFullVisit(inspector1.id, s01, own, systemClock.now() - 2 * HOUR);
    const offline = new PhoneVisit(inspector1.id, s01, [own], systemClock.now() - HOUR);
    expect(await statuses(synced.mutations.slice(0, 1))).toEqual(["applied"]);

    expect((await retire(cookie.office, "campus-safety-demo", 1)).status).toBe(200);
    const afterRetirement = new PhoneVisit(inspector1.id, s01, [own], systemClock.now());
    const refused = await push(afterRetirement.mutations);
    expect(refused).toEqual([
      {
        id: afterRetirement.mutations[0]!.id,
        status: "rejected",
        refusal: {
          code: "conflict",
          message: "检查表 campus-safety-demo 第 1 版已停用，请重新下载检查包后再开始检查",
        },
      },
    ]);

    for (const photo of synced.photos) await uploadPhoto(cookie.inspector1, photo);
    const rest = await statuses(synced.mutations.slice(1));
    expect(new Set(rest)).toEqual(new Set(["applied"]));
    const [stored] = await t.db.select().from(visits).where(eq(visits.id, synced.visit.id));
    expect(stored?.status).toBe("submitted");
    expect(await statuses(offline.mutations)).toEqual(["applied"]);

    // The pack keeps the retired version for the draft, but offers it to no new visit.
    const after = await pack();
    expect(after.templates.map((x) => `${x.code}@${x.version}`)).toContain("campus-safety-demo@1");
    expect(after.offered.map((ref) => ref.code)).not.toContain("campus-safety-demo");
  });

  it("is refused when a draft adds a template the district does not use", async () => {
    const fire = (await templateRepository.get(t.db, "fire", 1))!;
    const phone = new PhoneVisit(inspector1.id, s01, [fire], systemClock.now());
    expect(await statuses(phone.mutations)).toEqual(["applied"]);
    const update = {
      id: newId(),
      name: "visit.update",
      args: {
        visitId: phone.visit.id,
        patch: {
          templates: [
            { code: "fire", version: 1 },
            { code: "east-canteen", version: 1 },
          ],
        },
      },
      createdAt: systemClock.now(),
    };
    expect(await push([update])).toEqual([
      {
        id: update.id,
        status: "rejected",
        refusal: { code: "conflict", message: "检查表 east-canteen 不属于本区" },
      },
    ]);
  });
});

describe("GET /api/templates/{code}/versions", () => {
  it("says which version is current, which are superseded and which retired", async () => {
    await publishAs(cookie.admin, anInput("standing", "版本状态检查表"));
    await publishAs(cookie.admin, anInput("standing", "版本状态检查表（第二版）"));
    await publishAs(cookie.admin, anInput("standing", "版本状态检查表（第三版）"));
    expect((await retire(cookie.admin, "standing", 3)).status).toBe(200);
    expect((await adopt(cookie.office, "standing", { version: 1 })).status).toBe(200);

    const response = await getVersions(
      authedRequest("/api/templates/standing/versions", cookie.office),
      codeParams("standing"),
    );
    const list = versionListSchema.parse(await response.json());
    expect(list.versions.map((v) => [v.version, v.standing])).toEqual([
      [3, "retired"],
      [2, "current"],
      [1, "superseded"],
    ]);
    expect(list.adoptedVersion).toBe(1);
  });
});

async function push(mutations: readonly unknown[]) {
  const { status, body } = await pushAs(cookie.inspector1, mutations);
  expect(status).toBe(200);
  return pushResponseSchema.parse(body).results;
}

async function statuses(mutations: readonly unknown[]) {
  return (await push(mutations)).map((r) => r.status);
}
