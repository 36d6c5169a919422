import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorBodySchema } from "@/lib/contracts/contract";
import type { SchoolInput } from "@/lib/domain/org/org.schema";
import { schoolListResponseSchema, ZONE_MOVE_MESSAGE } from "@/lib/domain/org/school-api";
import { SCHOOL_IMPORT_HEADERS } from "@/lib/domain/org/school-import";
import { auditLog, districts, schools, user as users, zones } from "@/lib/server/db/schema";
import { newId } from "@/lib/utils/ids";

import { POST as deactivate } from "@/app/api/org/schools/[id]/deactivate/route";
import { POST as reactivate } from "@/app/api/org/schools/[id]/reactivate/route";
import { GET as getSchool, PATCH as patchSchool } from "@/app/api/org/schools/[id]/route";
import { PUT as moveSchool } from "@/app/api/org/schools/[id]/zone/route";
import { POST as previewFile } from "@/app/api/org/schools/import/preview/route";
import { POST as importFile } from "@/app/api/org/schools/import/route";
import { GET as getTemplate } from "@/app/api/org/schools/import/template/route";
import { GET as listSchools, POST as createSchool } from "@/app/api/org/schools/route";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import { csvOf, schoolRows, xlsxOf } from "../../helpers/school-sheet";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
const districtA = newId();
const districtB = newId();
const zoneA = newId();
const zoneB = newId();
const cookie = { officeA: "", officeB: "", admin: "", inspector: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(districts).values([
    { id: districtA, code: "a", name: "甲区", noticePrefix: "甲督改" },
    { id: districtB, code: "b", name: "乙区", noticePrefix: "乙督改" },
  ]);
  await t.db.insert(zones).values([
    { id: zoneA, districtId: districtA, name: "城东责任区" },
    { id: zoneB, districtId: districtB, name: "城东责任区" },
  ]);
  await createUserWithRole({ username: "officea", role: "office", districtId: districtA });
  await createUserWithRole({ username: "officeb", role: "office", districtId: districtB });
  await createUserWithRole({ username: "admin1", role: "admin" });
  await createUserWithRole({ username: "inspector1", role: "inspector", districtId: districtA });
  cookie.officeA = await signInAs("officea");
  cookie.officeB = await signInAs("officeb");
  cookie.admin = await signInAs("admin1");
  cookie.inspector = await signInAs("inspector1");
});
afterAll(() => t.drop());

function anInput(overrides: Partial<SchoolInput> = {}): SchoolInput {
  return {
    code: "A0001",
    name: "甲区实验小学",
    stage: "primary",
    ownership: "public",
    isVillage: false,
    isBoarding: false,
    canteen: "self",
    hasSchoolBus: false,
    studentCount: 900,
    classCount: 20,
    zoneId: zoneA,
    address: "甲区人民路 1 号",
    principal: "张校长",
    contact: "李老师",
    phone: "0791-1234567",
    ...overrides,
  };
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function create(who: string, body: unknown): Promise<Response> {
  return createSchool(authedRequest("/api/org/schools", who, json(body)));
}

function upload(path: string, who: string, bytes: Buffer) {
  const handler = path.endsWith("preview") ? previewFile : importFile;
  return handler(
    authedRequest(path, who, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(bytes),
    }),
  );
}

async function countIn(districtId: string): Promise<number> {
  return (await t.db.select().from(schools).where(eq(schools.districtId, districtId))).length;
}

describe("/api/org/schools create, edit, deactivate", () => {
  it("creates a school in the office's own district and edits it with PATCH", async () => {
    const created = await create(cookie.officeA, anInput());
    expect(created.status).toBe(201);
    const school = (await created.json()) as { id: string; districtId: string; isActive: boolean };
    expect(school).toMatchObject({ districtId: districtA, isActive: true });

    const patched = await patchSchool(
      authedRequest(`/api/org/schools/${school.id}`, cookie.officeA, {
        ...json({ isBoarding: true, canteen: "contracted", contact: "王老师" }),
        method: "PATCH",
      }),
      idParams(school.id),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      isBoarding: true,
      canteen: "contracted",
      contact: "王老师",
      code: "A0001",
    });
  });

  it("answers 422 with Chinese messages naming each bad field and writes nothing", async () => {
    const before = await countIn(districtA);
    const response = await create(
      cookie.officeA,
      anInput({ code: "", stage: "middle" as never, studentCount: -1, phone: "电话" }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: string;
      issues: { path: string[]; message: string }[];
    };
    expect(body.error).toBe("invalid_input");
    expect(body.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["stage", "请选择学段"],
      ["studentCount", "学生数不能为负"],
      ["code", "请填写学校代码"],
      ["phone", "联系电话只能包含数字、空格和 + - ( )"],
    ]);
    expect(await countIn(districtA)).toBe(before);
  });

  it("refuses a code the district already has, a zone of another district and a closed zone", async () => {
    const duplicate = await create(cookie.officeA, anInput({ name: "另一所" }));
    expect(duplicate.status).toBe(422);
    expect(await duplicate.json()).toMatchObject({
      issues: [{ path: ["code"], message: "学校代码“A0001”已被“甲区实验小学”使用" }],
    });
    const foreignZone = await create(cookie.officeA, anInput({ code: "A0002", zoneId: zoneB }));
    expect(await foreignZone.json()).toMatchObject({
      issues: [{ path: ["zoneId"], message: "督学责任区不存在或已停用" }],
    });
    // A new school goes only where a moved one may: an active zone of its district.
    const closed = newId();
    await t.db
      .insert(zones)
      .values({ id: closed, districtId: districtA, name: "已停用责任区", active: false });
    const intoClosed = await create(cookie.officeA, anInput({ code: "A0002", zoneId: closed }));
    expect(intoClosed.status).toBe(422);
    expect(await intoClosed.json()).toMatchObject({
      issues: [{ path: ["zoneId"], message: "督学责任区不存在或已停用" }],
    });
    expect(await t.db.select().from(schools).where(eq(schools.code, "A0002"))).toEqual([]);
    // The same code is fine in another district.
    expect((await create(cookie.officeB, anInput({ zoneId: zoneB }))).status).toBe(201);
  });

  it("refuses a PATCH of the district or other fields that are not the school's attributes", async () => {
    const [school] = await t.db.select().from(schools).where(eq(schools.districtId, districtA));
    const response = await patchSchool(
      authedRequest(`/api/org/schools/${school!.id}`, cookie.officeA, {
        ...json({ districtId: districtB }),
        method: "PATCH",
      }),
      idParams(school!.id),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: "不能通过此接口修改：districtId" });
  });

  it("moves a school to another zone only through the zone endpoint, which the audit log records", async () => {
    const zoneA2 = newId();
    await t.db.insert(zones).values({ id: zoneA2, districtId: districtA, name: "城西责任区" });
    const [school] = await t.db.select().from(schools).where(eq(schools.code, "A0001"));
    const { id, zoneId: before } = school!;
    expect(before).toBe(zoneA);

    const patched = await patchSchool(
      authedRequest(`/api/org/schools/${id}`, cookie.officeA, {
        ...json({ zoneId: zoneA2, contact: "周老师" }),
        method: "PATCH",
      }),
      idParams(id),
    );
    expect(patched.status).toBe(422);
    expect(await patched.json()).toMatchObject({
      error: "invalid_input",
      message: ZONE_MOVE_MESSAGE,
    });
    const [unchanged] = await t.db.select().from(schools).where(eq(schools.id, id));
    expect(unchanged).toMatchObject({ zoneId: zoneA, contact: school!.contact });

    const moved = await moveSchool(
      authedRequest(`/api/org/schools/${id}/zone`, cookie.officeA, {
        ...json({ zoneId: zoneA2 }),
        method: "PUT",
      }),
      idParams(id),
    );
    expect(moved.status).toBe(200);
    const [after] = await t.db.select().from(schools).where(eq(schools.id, id));
    expect(after!.zoneId).toBe(zoneA2);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entries).toEqual([
      expect.objectContaining({
        action: "school.zone",
        before: { zoneId: zoneA },
        after: { zoneId: zoneA2 },
      }),
    ]);
  });

  it("deactivates instead of deleting, keeps the row, and reactivates", async () => {
    const [school] = await t.db.select().from(schools).where(eq(schools.districtId, districtA));
    const off = await deactivate(
      authedRequest("/x", cookie.officeA, { method: "POST" }),
      idParams(school!.id),
    );
    expect(await off.json()).toMatchObject({ id: school!.id, isActive: false });
    const inactive = await listSchools(
      authedRequest("/api/org/schools?active=false", cookie.officeA),
    );
    expect(schoolListResponseSchema.parse(await inactive.json()).schools.map((s) => s.id)).toEqual([
      school!.id,
    ]);
    const on = await reactivate(
      authedRequest("/x", cookie.officeA, { method: "POST" }),
      idParams(school!.id),
    );
    expect(await on.json()).toMatchObject({ isActive: true });
  });

  it("keeps an office out of another district's schools: not found for read and write, own list only", async () => {
    const [schoolB] = await t.db.select().from(schools).where(eq(schools.districtId, districtB));
    const read = await getSchool(authedRequest("/x", cookie.officeA), idParams(schoolB!.id));
    expect(read.status).toBe(404);
    const write = await patchSchool(
      authedRequest("/x", cookie.officeA, { ...json({ name: "改名" }), method: "PATCH" }),
      idParams(schoolB!.id),
    );
    expect(write.status).toBe(404);
    const off = await deactivate(
      authedRequest("/x", cookie.officeA, { method: "POST" }),
      idParams(schoolB!.id),
    );
    expect(off.status).toBe(404);
    const asked = await listSchools(
      authedRequest(`/api/org/schools?districtId=${districtB}`, cookie.officeA),
    );
    const list = schoolListResponseSchema.parse(await asked.json());
    expect(list.schools.every((s) => s.districtId === districtA)).toBe(true);
    expect((await storedSchool(schoolB!.id)).name).not.toBe("改名");
  });

  it("lets only office and admin in", async () => {
    expect((await listSchools(authedRequest("/api/org/schools", cookie.inspector))).status).toBe(
      403,
    );
    expect((await listSchools(authedRequest("/api/org/schools", null))).status).toBe(401);
    expect((await create(cookie.inspector, anInput({ code: "I1" }))).status).toBe(403);
  });

  it("makes an admin name the district to create in", async () => {
    const missing = await create(cookie.admin, anInput({ code: "ADM1", zoneId: null }));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      issues: [{ path: ["districtId"], message: "请选择区县" }],
    });
    const created = await create(cookie.admin, {
      ...anInput({ code: "ADM1", zoneId: null }),
      districtId: districtB,
    });
    expect(created.status).toBe(201);
  });
});

async function storedSchool(id: string) {
  const [row] = await t.db.select().from(schools).where(eq(schools.id, id));
  return row!;
}

describe("/api/org/schools list", () => {
  it("searches, filters and pages in the database", async () => {
    const rows = schoolRows(30, { prefix: "L", zone: (i) => (i < 10 ? "城东责任区" : "") });
    const imported = await upload("/api/org/schools/import", cookie.officeA, await xlsxOf(rows));
    expect(imported.status).toBe(201);
    const page = async (query: string) =>
      schoolListResponseSchema.parse(
        await (
          await listSchools(authedRequest(`/api/org/schools?${query}`, cookie.officeA))
        ).json(),
      );
    const second = await page("q=L00&pageSize=10&page=2");
    expect(second.total).toBe(30);
    expect(second.schools.map((s) => s.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `L${String(i + 11).padStart(4, "0")}`),
    );
    const zoned = await page(`zone=${zoneA}&q=L`);
    expect(zoned.total).toBe(10);
    expect(zoned.schools[0]!.zoneName).toBe("城东责任区");
    expect((await page("zone=none&q=L")).total).toBe(20);
    expect((await page("stage=kindergarten&q=L")).total).toBe(6);
    expect((await page("q=测试第17学校")).schools.map((s) => s.code)).toEqual(["L0017"]);
    const bad = await listSchools(
      authedRequest("/api/org/schools?page=0&stage=大学", cookie.officeA),
    );
    expect(bad.status).toBe(422);
    expect(
      ((await bad.json()) as { issues: { message: string }[] }).issues.map((i) => i.message),
    ).toEqual(["请选择学段", "页码须为正整数"]);
  });
});

describe("/api/org/schools/import", () => {
  it("serves a template whose headers and example row import as they are", async () => {
    const response = await getTemplate(authedRequest("/x", cookie.officeB));
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...SCHOOL_IMPORT_HEADERS]);
    const preview = await upload(
      "/api/org/schools/import/preview",
      cookie.officeB,
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(await preview.json()).toEqual({
      ok: true,
      total: 1,
      created: 1,
      updated: 0,
      moved: 0,
      isImported: false,
    });
  });

  it("imports nothing from a file with a bad row, names the row and column, then imports the fixed file", async () => {
    const rows = schoolRows(40, { prefix: "B", zone: () => "城东责任区" });
    const before = await countIn(districtB);
    const bad = rows.map((r, i) => r.map((c, j) => (i === 5 && j === 2 ? "初级中学" : c)));
    bad[9]![0] = "B0001";

    const preview = await upload(
      "/api/org/schools/import/preview",
      cookie.officeB,
      await xlsxOf(bad),
    );
    expect(preview.status).toBe(422);
    const refused = errorBodySchema.parse(await preview.json());
    expect(refused).toEqual({
      error: "invalid_input",
      message: "文件中有 2 处错误，未导入任何学校",
      rows: [
        {
          row: 7,
          column: "学段",
          message:
            "无法识别的学段“初级中学”，可填：幼儿园、小学、初中、九年一贯制、高中、中职、特殊教育",
        },
        { row: 11, column: "学校代码", message: "学校代码“B0001”与第 2 行重复" },
      ],
    });
    expect(
      (await upload("/api/org/schools/import", cookie.officeB, await xlsxOf(bad))).status,
    ).toBe(422);
    expect(await countIn(districtB)).toBe(before);

    const ok = await upload("/api/org/schools/import/preview", cookie.officeB, await xlsxOf(rows));
    expect(await ok.json()).toEqual({
      ok: true,
      total: 40,
      created: 40,
      updated: 0,
      moved: 0,
      isImported: false,
    });
    const done = await upload("/api/org/schools/import", cookie.officeB, await xlsxOf(rows));
    expect(done.status).toBe(201);
    expect(await done.json()).toEqual({
      ok: true,
      total: 40,
      created: 40,
      updated: 0,
      moved: 0,
      isImported: true,
    });
    expect(await countIn(districtB)).toBe(before + 40);
    const [first] = await t.db.select().from(schools).where(eq(schools.code, "B0001"));
    expect(first).toMatchObject({
      districtId: districtB,
      zoneId: zoneB,
      stage: "primary",
      contact: "联系人1",
    });
  });

  it("updates by code on a second import (CSV), creating only the new codes", async () => {
    const rows = schoolRows(42, { prefix: "B" }).map((r) =>
      r.map((c, j) => (j === 1 ? `${c}（更名）` : c)),
    );
    const response = await upload("/api/org/schools/import", cookie.officeB, csvOf(rows));
    expect(await response.json()).toEqual({
      ok: true,
      total: 42,
      created: 2,
      updated: 40,
      moved: 0,
      isImported: true,
    });
    // A blank zone cell leaves an existing school in its zone (only the zone endpoint moves it).
    const [first] = await t.db.select().from(schools).where(eq(schools.code, "B0001"));
    expect(first).toMatchObject({ name: "测试第1学校（更名）", zoneId: zoneB });
    const [added] = await t.db.select().from(schools).where(eq(schools.code, "B0041"));
    expect(added!.zoneId).toBeNull();
  });

  it("moves a school to another zone as the zone endpoint does: an audit entry, nothing else", async () => {
    const east = newId();
    const west = newId();
    const closed = newId();
    await t.db.insert(zones).values([
      { id: east, districtId: districtA, name: "导入东区" },
      { id: west, districtId: districtA, name: "导入西区" },
      { id: closed, districtId: districtA, name: "导入停用区", active: false },
    ]);
    const rows = schoolRows(3, { prefix: "M", zone: () => "导入东区" });
    expect(
      (await upload("/api/org/schools/import", cookie.officeA, await xlsxOf(rows))).status,
    ).toBe(201);
    const byCode = async () =>
      new Map(
        (await t.db.select().from(schools).where(eq(schools.districtId, districtA)))
          .filter((s) => s.code.startsWith("M"))
          .map((s) => [s.code, s]),
      );
    const before = await byCode();
    const zoneEntries = () =>
      t.db.select().from(auditLog).where(eq(auditLog.action, "school.zone"));
    const entriesBefore = await zoneEntries();

    // Into a closed zone: refused by row, as the zone endpoint refuses it; nothing is written.
    const intoClosed = rows.map((r, i) =>
      i === 2 ? r.map((c, j) => (j === 10 ? "导入停用区" : c)) : r,
    );
    for (const path of ["/api/org/schools/import/preview", "/api/org/schools/import"]) {
      const refused = await upload(path, cookie.officeA, await xlsxOf(intoClosed));
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({
        message: "文件中有 1 处错误，未导入任何学校",
        rows: [{ row: 4, column: "督学责任区", message: "督学责任区不存在或已停用" }],
      });
    }
    expect(await byCode()).toEqual(before);
    expect(await zoneEntries()).toEqual(entriesBefore);
    // A new school into the closed zone: refused on its row the same way.
    const newIntoClosed = [...rows, schoolRows(4, { prefix: "M", zone: () => "导入停用区" })[3]!];
    const refusedNew = await upload(
      "/api/org/schools/import",
      cookie.officeA,
      await xlsxOf(newIntoClosed),
    );
    expect(await refusedNew.json()).toMatchObject({
      rows: [{ row: 5, column: "督学责任区", message: "督学责任区不存在或已停用" }],
    });
    expect((await byCode()).has("M0004")).toBe(false);

    // M0002 to 导入西区; M0003's zone cell blank (it stays in 导入东区).
    const moving = rows.map((r, i) =>
      r.map((c, j) => (j === 10 && i === 1 ? "导入西区" : j === 10 && i === 2 ? "" : c)),
    );
    const preview = await upload("/api/org/schools/import/preview", cookie.officeA, csvOf(moving));
    expect(await preview.json()).toEqual({
      ok: true,
      total: 3,
      created: 0,
      updated: 3,
      moved: 1,
      isImported: false,
    });
    expect(await zoneEntries()).toEqual(entriesBefore);
    const done = await upload("/api/org/schools/import", cookie.officeA, csvOf(moving));
    expect(await done.json()).toMatchObject({ ok: true, updated: 3, moved: 1, isImported: true });

    const after = await byCode();
    const m2 = before.get("M0002")!;
    expect(after.get("M0002")!.zoneId).toBe(west);
    expect(after.get("M0003")!.zoneId).toBe(east);
    const unchanged = ({ updatedAt: _u, changeSeq: _c, ...rest }: typeof m2) => rest;
    for (const code of ["M0001", "M0003"]) {
      expect(unchanged(after.get(code)!)).toEqual(unchanged(before.get(code)!));
    }
    expect(unchanged(after.get("M0002")!)).toEqual({ ...unchanged(m2), zoneId: west });
    const added = (await zoneEntries()).filter((e) => !entriesBefore.some((b) => b.id === e.id));
    const [office] = await t.db.select().from(users).where(eq(users.username, "officea"));
    expect(added).toEqual([
      expect.objectContaining({
        action: "school.zone",
        actorId: office!.id,
        targetId: m2.id,
        targetLabel: m2.name,
        districtId: districtA,
        before: { zoneId: east },
        after: { zoneId: west },
      }),
    ]);

    // The same file again moves nothing and logs nothing.
    const again = await upload("/api/org/schools/import", cookie.officeA, csvOf(moving));
    expect(await again.json()).toMatchObject({ ok: true, moved: 0 });
    expect(await zoneEntries()).toHaveLength(entriesBefore.length + 1);
  });

  it("says in Chinese when the file is not a spreadsheet, and writes nothing", async () => {
    const response = await upload(
      "/api/org/schools/import",
      cookie.officeB,
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: "无法读取文件：请上传 Excel（.xlsx）或 UTF-8 编码的 CSV 文件",
    });
  });

  it("keeps an office to its own district and makes an admin name one", async () => {
    const rows = schoolRows(2, { prefix: "X" });
    const foreign = await upload(
      `/api/org/schools/import?districtId=${districtB}`,
      cookie.officeA,
      await xlsxOf(rows),
    );
    expect(foreign.status).toBe(403);
    const unnamed = await upload("/api/org/schools/import", cookie.admin, await xlsxOf(rows));
    expect(await unnamed.json()).toMatchObject({
      issues: [{ path: ["districtId"], message: "请选择区县" }],
    });
    const named = await upload(
      `/api/org/schools/import?districtId=${districtA}`,
      cookie.admin,
      await xlsxOf(rows),
    );
    expect(await named.json()).toMatchObject({ ok: true, created: 2 });
  });
});
