import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { Template, TemplateInput } from "@/lib/domain/template/template.schema";
import { districts, templates } from "@/lib/server/db/schema";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { adoptNationalLibrary, seedBuiltInTemplates } from "@/lib/server/seed/templates";
import { newId } from "@/lib/utils/ids";

import {
  GET as getDeadlinePolicy,
  PUT as putDeadlinePolicy,
} from "@/app/api/office/deadline-policy/route";
import { POST as postDraft, PUT as putDraft } from "@/app/api/templates/[code]/draft/route";
import { POST as postPublish } from "@/app/api/templates/[code]/publish/route";
import { GET as getExport } from "@/app/api/templates/[code]/versions/[version]/export/route";
import { POST as postRetire } from "@/app/api/templates/[code]/versions/[version]/retire/route";
import { GET as getVersion } from "@/app/api/templates/[code]/versions/[version]/route";
import { POST as postImport } from "@/app/api/templates/import/route";
import { GET as listTemplates } from "@/app/api/templates/route";
import { aClassSizeItem, aTemplateItem } from "@/test/helpers/builders/template";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const PUBLISHED_AT = Date.UTC(2026, 0, 5, 2, 0);

let t: TestDatabase;
const cookies: Record<"office" | "inspector" | "school" | "admin", string> = {
  office: "",
  inspector: "",
  school: "",
  admin: "",
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedBuiltInTemplates(t.db);
  const districtId = newId();
  await t.db
    .insert(districts)
    .values({ id: districtId, code: "test", name: "测试区", noticePrefix: "测试督改" });
  await adoptNationalLibrary(t.db, districtId);
  await createUserWithRole({ username: "office1", role: "office", districtId });
  await createUserWithRole({ username: "inspector1", role: "inspector", districtId });
  await createUserWithRole({ username: "school01", role: "school" });
  await createUserWithRole({ username: "admin9", role: "admin" });
  cookies.office = await signInAs("office1");
  cookies.inspector = await signInAs("inspector1");
  cookies.school = await signInAs("school01");
  cookies.admin = await signInAs("admin9");
});
afterAll(() => t.drop());

/** A template input of its own code, so no test depends on another's versions. */
function aTemplateInput(code: string, overrides: Partial<TemplateInput> = {}): TemplateInput {
  return {
    code,
    title: "校园安全检查",
    domain: "campus_safety",
    description: "",
    items: [aTemplateItem(), aClassSizeItem()],
    ...overrides,
  };
}

/** Publishes `code` as version 1 at PUBLISHED_AT. */
async function publishedV1(code: string): Promise<TemplateInput> {
  const input = aTemplateInput(code);
  expect(await templateRepository.publishFirstVersion(t.db, input, PUBLISHED_AT)).toBe(true);
  return input;
}

const codeParams = (code: string) => ({ params: Promise.resolve({ code }) });
const versionParams = (code: string, version: number | string) => ({
  params: Promise.resolve({ code, version: String(version) }),
});

function jsonRequest(path: string, cookie: string | null, method: string, body?: unknown): Request {
  return authedRequest(path, cookie, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The built-in library and these tests' templates are national: admin manages them. */
function publish(code: string, cookie: string | null = cookies.admin): Promise<Response> {
  return postPublish(
    jsonRequest(`/api/templates/${code}/publish`, cookie, "POST"),
    codeParams(code),
  );
}

function saveDraft(draft: TemplateInput, cookie: string = cookies.admin): Promise<Response> {
  return putDraft(
    jsonRequest(`/api/templates/${draft.code}/draft`, cookie, "PUT", draft),
    codeParams(draft.code),
  );
}

async function fetchVersion(code: string, version: number | string, cookie = cookies.inspector) {
  const response = await getVersion(
    authedRequest(`/api/templates/${code}/versions/${version}`, cookie),
    versionParams(code, version),
  );
  return { status: response.status, text: await response.text() };
}

async function rowCount(code?: string): Promise<number> {
  return t.db.$count(templates, code === undefined ? undefined : eq(templates.code, code));
}

describe("seedBuiltInTemplates", () => {
  it("publishes every built-in template as version 1 when seeding an empty library", async () => {
    const published = await templateRepository.listPublished(t.db);
    const builtIn = published.filter((p) => BUILT_IN_TEMPLATES.some((b) => b.code === p.code));
    expect(builtIn.map((p) => `${p.code}@${p.version}:${p.status}`).sort()).toEqual(
      BUILT_IN_TEMPLATES.map((b) => `${b.code}@1:published`).sort(),
    );
  });

  it("adds nothing when seeding again", async () => {
    const before = await rowCount();
    expect(await seedBuiltInTemplates(t.db)).toEqual([]);
    expect(await rowCount()).toBe(before);
  });
});

describe("templateRepository", () => {
  it("reads a published version back exactly as it was published", async () => {
    const input = await publishedV1("round-trip");
    expect(await templateRepository.get(t.db, "round-trip", 1)).toEqual({
      ...input,
      version: 1,
      status: "published",
      publishedAt: PUBLISHED_AT,
    });
  });

  it("keeps one draft per code and lists it in the overview only as a badge", async () => {
    const input = await publishedV1("overview");
    await templateRepository.saveDraft(t.db, { ...input, title: "草稿标题" }, null, null);
    await templateRepository.saveDraft(t.db, { ...input, title: "改过的草稿标题" }, null, null);
    expect(await rowCount("overview")).toBe(2);
    const overview = (await templateRepository.listOverview(t.db, null)).find(
      (o) => o.code === "overview",
    );
    expect(overview).toEqual({
      code: "overview",
      owner: null,
      adoptedVersion: null,
      currentVersion: 1,
      title: "校园安全检查",
      domain: "campus_safety",
      itemCount: 2,
      latest: { version: 1, status: "published" },
      hasDraft: true,
    });
  });

  it("gives the conflict to the second of two publishes that took the same version", async () => {
    const input = await publishedV1("race");
    await templateRepository.saveDraft(t.db, { ...input, title: "并发发布" }, null, null);
    // Another session takes version 2 first and commits only after our publish has chosen 2 too.
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    await other.query("BEGIN");
    await other.query(
      `INSERT INTO templates (code, version, status, title, domain, description, items, published_at)
       SELECT code, 2, 'published', title, domain, description, items, now() FROM templates WHERE code = 'race' AND version = 1`,
    );
    const publishing = templateRepository.publish(t.db, "race", {
      now: PUBLISHED_AT,
      userId: null,
    });
    await waitUntilBlockedOnLock();
    await other.query("COMMIT");
    await other.end();

    expect(await publishing).toEqual({
      ok: false,
      code: "conflict",
      message: "其他人刚刚发布了该模板的新版本，请刷新后再试",
    });
    // Nothing was half-done: the draft is still there, and publishing again takes version 3.
    expect(await templateRepository.getDraft(t.db, "race")).toMatchObject({ title: "并发发布" });
    const retry = await templateRepository.publish(t.db, "race", {
      now: PUBLISHED_AT,
      userId: null,
    });
    expect(retry.ok && retry.value.version).toBe(3);
  });
});

/** Polls until some session of this database waits on a lock (our publish behind the other insert). */
async function waitUntilBlockedOnLock(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("publish never waited on the other session's insert");
}

describe("GET /api/templates", () => {
  it("answers 401 without a session", async () => {
    expect((await listTemplates(authedRequest("/api/templates", null))).status).toBe(401);
  });

  it("answers 403 to a school account", async () => {
    expect((await listTemplates(authedRequest("/api/templates", cookies.school))).status).toBe(403);
  });

  it("gives an inspector the version of each template their district adopted, with its items", async () => {
    const response = await listTemplates(authedRequest("/api/templates", cookies.inspector));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { templates: Template[] };
    const fire = body.templates.find((x) => x.code === "fire");
    expect(fire).toMatchObject({ code: "fire", domain: "fire", version: 1, status: "published" });
    expect(fire?.title).toBe(BUILT_IN_TEMPLATES.find((b) => b.code === "fire")?.title);
    expect(fire?.items.length).toBeGreaterThanOrEqual(25);
  });
});

describe("publishing a new version", () => {
  it("leaves v1 readable and byte-for-byte unchanged, and serves v2 as the latest", async () => {
    const input = await publishedV1("pinned");
    const v1Before = await fetchVersion("pinned", 1);
    expect(v1Before.status).toBe(200);

    const opened = await postDraft(
      jsonRequest("/api/templates/pinned/draft", cookies.admin, "POST"),
      codeParams("pinned"),
    );
    expect(opened.status).toBe(201);
    const { draft } = (await opened.json()) as { draft: TemplateInput };
    expect(draft).toEqual(input);
    const [first, ...rest] = draft.items;
    const edited = {
      ...draft,
      items: [{ ...first!, prompt: "校门实行封闭管理，来访人员登记并核验身份后方可进入" }, ...rest],
    };
    expect((await saveDraft(edited)).status).toBe(200);
    const published = await publish("pinned");
    expect(published.status).toBe(201);
    expect(((await published.json()) as { template: Template }).template).toMatchObject({
      version: 2,
      status: "published",
    });

    expect(await fetchVersion("pinned", 1)).toEqual(v1Before);
    const v2 = JSON.parse((await fetchVersion("pinned", 2)).text) as { template: Template };
    expect(v2.template.items[0]?.prompt).toBe("校门实行封闭管理，来访人员登记并核验身份后方可进入");
    const list = (await (
      await listTemplates(authedRequest("/api/templates", cookies.admin))
    ).json()) as { templates: Template[] };
    expect(list.templates.filter((x) => x.code === "pinned").map((x) => x.version)).toEqual([2]);
    expect(await templateRepository.getDraft(t.db, "pinned")).toBeNull();
  });

  it("refuses with 409 to publish a draft identical to the latest version", async () => {
    const input = await publishedV1("unchanged");
    await saveDraft(input);
    const response = await publish("unchanged");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: "conflict",
      message: "内容与已发布的第 1 版相同，无需发布新版本",
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("answers 404 when there is no draft to publish", async () => {
    await publishedV1("no-draft");
    expect((await publish("no-draft")).status).toBe(404);
  });

  it.each([
    ["an inspector", 403, "inspector"],
    ["a school account", 403, "school"],
    ["no session", 401, null],
  ] as const)("refuses %s with %i and publishes nothing", async (_who, status, role) => {
    const code = `refused-${status}-${role ?? "anon"}`;
    const input = await publishedV1(code);
    await templateRepository.saveDraft(t.db, { ...input, title: "不该发布的版本" }, null, null);
    const response = await publish(code, role === null ? null : cookies[role]);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toBe(
      status === 401 ? "请先登录" : "无权访问",
    );
    expect((await templateRepository.listVersions(t.db, code)).map((v) => v.version)).toEqual([1]);
  });
});

describe("GET /api/templates/{code}/versions/{version}", () => {
  it("serves a retired version to a visit pinned to it", async () => {
    await publishedV1("retired");
    const retired = await postRetire(
      jsonRequest("/api/templates/retired/versions/1/retire", cookies.admin, "POST"),
      versionParams("retired", 1),
    );
    expect(retired.status).toBe(200);
    const { status, text } = await fetchVersion("retired", 1);
    expect(status).toBe(200);
    expect((JSON.parse(text) as { template: Template }).template.status).toBe("retired");
    const list = (await (
      await listTemplates(authedRequest("/api/templates", cookies.admin))
    ).json()) as { templates: Template[] };
    expect(list.templates.some((x) => x.code === "retired")).toBe(false);
  });

  it.each([
    ["a version that does not exist", "fire", "9"],
    ["the draft slot", "fire", "0"],
    ["a malformed version", "fire", "v1"],
    ["an unknown template", "no-such-template", "1"],
  ])("answers 404 for %s", async (_case, code, version) => {
    expect((await fetchVersion(code, version)).status).toBe(404);
  });
});

describe("POST /api/templates/{code}/versions/{version}/retire", () => {
  it("answers 409 when the version is already retired", async () => {
    await publishedV1("retire-twice");
    const retire = () =>
      postRetire(
        jsonRequest("/api/templates/retire-twice/versions/1/retire", cookies.admin, "POST"),
        versionParams("retire-twice", 1),
      );
    expect((await retire()).status).toBe(200);
    const again = await retire();
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: "conflict",
      message: "只有已发布的版本可以停用",
      requestId: again.headers.get("x-request-id"),
    });
  });
});

describe("drafts", () => {
  it("returns the open draft instead of a new copy when opening it again", async () => {
    await publishedV1("reopen");
    const open = () =>
      postDraft(
        jsonRequest("/api/templates/reopen/draft", cookies.admin, "POST"),
        codeParams("reopen"),
      );
    expect((await open()).status).toBe(201);
    await templateRepository.saveDraft(
      t.db,
      aTemplateInput("reopen", { title: "编辑中的草稿" }),
      null,
      null,
    );
    const again = await open();
    expect(again.status).toBe(200);
    expect(((await again.json()) as { draft: TemplateInput }).draft.title).toBe("编辑中的草稿");
  });

  it("refuses with 422 and saves nothing when an item is invalid", async () => {
    const input = await publishedV1("invalid-draft");
    const bad = { ...input, items: [{ ...aTemplateItem(), prompt: "短" }] };
    const response = await saveDraft(bad);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { issues: { path: unknown[]; message: string }[] };
    expect(body.issues).toEqual([
      expect.objectContaining({ path: ["items", 0, "prompt"], message: "检查内容至少 4 个字" }),
    ]);
    expect(await templateRepository.getDraft(t.db, "invalid-draft")).toBeNull();
  });

  it("refuses with 422 a body whose code differs from the path", async () => {
    const response = await putDraft(
      jsonRequest("/api/templates/fire/draft", cookies.admin, "PUT", aTemplateInput("other-code")),
      codeParams("fire"),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: "模板编号应为 fire，与地址一致" });
  });

  it("answers 403 to an inspector saving a draft", async () => {
    expect((await saveDraft(aTemplateInput("inspector-draft"), cookies.inspector)).status).toBe(
      403,
    );
  });
});

describe("POST /api/templates/import", () => {
  function importFile(body: unknown, cookie: string = cookies.admin): Promise<Response> {
    return postImport(jsonRequest("/api/templates/import", cookie, "POST", body));
  }

  it("names the item and field in Chinese and writes no row when the file is malformed", async () => {
    const before = await rowCount();
    const { basis: _basis, ...withoutBasis } = aTemplateItem({ code: "AQ-003" });
    const file = aTemplateInput("imported-bad", {
      items: [aTemplateItem(), aClassSizeItem(), withoutBasis as never],
    });
    const response = await importFile(file);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "invalid_input",
      message: "导入的模板有误，未保存任何内容",
      errors: ["第 3 项（AQ-003）「检查依据」：缺少此项"],
      requestId: response.headers.get("x-request-id"),
    });
    expect(await rowCount()).toBe(before);
  });

  it("answers 422 to text that is not JSON", async () => {
    const response = await importFile("{ code: fire");
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: string[] }).errors).toEqual([
      "文件不是有效的 JSON",
    ]);
  });

  it("turns an exported version into the draft of its template", async () => {
    await publishedV1("round-file");
    const exported = await getExport(
      authedRequest("/api/templates/round-file/versions/1/export", cookies.admin),
      versionParams("round-file", 1),
    );
    expect(exported.headers.get("content-disposition")).toBe(
      'attachment; filename="round-file-v1.json"',
    );
    const file = (await exported.json()) as Template;
    const response = await importFile({ ...file, title: "导入后改名" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      draft: { code: "round-file", title: "导入后改名" },
      isNewTemplate: false,
      replacedDraft: false,
    });
  });

  it("creates a new template, as a draft only, from a file with a new code", async () => {
    const response = await importFile(aTemplateInput("brand-new"));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ isNewTemplate: true });
    const overview = (await templateRepository.listOverview(t.db, null)).find(
      (o) => o.code === "brand-new",
    );
    expect(overview).toMatchObject({ latest: null, hasDraft: true, itemCount: 2 });
    expect(await templateRepository.get(t.db, "brand-new", 1)).toBeNull();
  });

  it("answers 403 to an inspector", async () => {
    expect((await importFile(aTemplateInput("from-inspector"), cookies.inspector)).status).toBe(
      403,
    );
    expect(await rowCount("from-inspector")).toBe(0);
  });
});

describe("GET /api/templates/{code}/versions/{version}/export", () => {
  it("answers 403 to an inspector", async () => {
    const response = await getExport(
      authedRequest("/api/templates/fire/versions/1/export", cookies.inspector),
      versionParams("fire", 1),
    );
    expect(response.status).toBe(403);
  });
});

describe("/api/office/deadline-policy", () => {
  const stricter: DeadlinePolicy = {
    ...DEFAULT_DEADLINE_POLICY,
    critical: { mode: "on_site" },
    major: { mode: "deadline", days: 7 },
    minor: { mode: "deadline", days: 20 },
  };

  const get = (cookie: string) =>
    getDeadlinePolicy(authedRequest("/api/office/deadline-policy", cookie));
  const put = (cookie: string, body: unknown) =>
    putDeadlinePolicy(jsonRequest("/api/office/deadline-policy", cookie, "PUT", body));

  it("gives the defaults, then the policy the office saved", async () => {
    expect(await (await get(cookies.office)).json()).toEqual({ policy: DEFAULT_DEADLINE_POLICY });
    expect((await put(cookies.office, stricter)).status).toBe(200);
    expect(await (await get(cookies.office)).json()).toEqual({ policy: stricter });
  });

  it("refuses with 422 a deadline of 0 days and keeps the saved policy", async () => {
    const before: unknown = await (await get(cookies.office)).json();
    const response = await put(cookies.office, {
      ...stricter,
      minor: { mode: "deadline", days: 0 },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: "整改期限至少 1 天" });
    expect(await (await get(cookies.office)).json()).toEqual(before);
  });

  it.each([
    ["an inspector", "inspector"],
    ["an admin bound to no district", "admin"],
  ] as const)("answers 403 to %s", async (_who, role) => {
    expect((await put(cookies[role], stricter)).status).toBe(403);
  });
});

describe("published rows", () => {
  it("never change when a draft of the same code is saved", async () => {
    const input = await publishedV1("immutable");
    const [before] = await t.db
      .select()
      .from(templates)
      .where(and(eq(templates.code, "immutable"), eq(templates.version, 1)));
    await templateRepository.saveDraft(t.db, { ...input, title: "改名" }, null, null);
    const [after] = await t.db
      .select()
      .from(templates)
      .where(and(eq(templates.code, "immutable"), eq(templates.version, 1)));
    expect(after).toEqual(before);
  });
});
