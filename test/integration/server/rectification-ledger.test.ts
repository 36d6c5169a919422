import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { RECTIFICATION_STATUS_LABELS } from "@/lib/domain/rectification/rectification.schema";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { seedDemo } from "@/lib/server/seed/seed";

import { GET as getLedger } from "@/app/api/office/ledger.xlsx/route";
import { GET as getItems } from "@/app/api/rectification/items/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let office: User;
let officeCookie: string;
const now = Date.now();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  office = await domainUser(t.db, "office");
  officeCookie = await signInAs("office", DEMO_PASSWORD);
});
afterAll(() => t.drop());

describe("listItems", () => {
  it.each([
    ["status=closed", (r: { item: { status: string } }) => r.item.status === "closed"],
    [
      "status=pending,returned",
      (r: { item: { status: string } }) => ["pending", "returned"].includes(r.item.status),
    ],
    ["overdue=true", (r: { daysOverdue: number }) => r.daysOverdue > 0],
    ["overdue=0", (r: { daysOverdue: number }) => r.daysOverdue === 0],
    ["severity=major", (r: { item: { severity: string } }) => r.item.severity === "major"],
  ])("keeps only matching items when filtered by %s", async (query, matches) => {
    const filters = itemFiltersSchema.parse(Object.fromEntries(new URLSearchParams(query)));
    const rows = await listItems(t.db, office, filters, now);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(matches)).toBe(true);
  });

  it("keeps one school's items when filtered by school", async () => {
    const school = await schoolOf(t.db, "S07");
    const rows = await listItems(t.db, office, { school: school.id }, now);
    expect(rows.map((r) => r.schoolName)).toEqual([
      "城东第二小学",
      "城东第二小学",
      "城东第二小学",
      "城东第二小学",
    ]);
  });

  it("answers 422 with the reason for an unknown status", async () => {
    const response = await getItems(
      authedRequest("/api/rectification/items?status=done", officeCookie),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: "invalid_input",
      message: "无效的整改状态",
    });
  });
});

describe("GET /api/office/ledger.xlsx", () => {
  it("exports one row per item with school, notice number, status, overdue days and closed date", async () => {
    const response = await getLedger(
      authedRequest("/api/office/ledger.xlsx?overdue=true", officeCookie),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent(`整改台账-${toChinaDate(now)}.xlsx`),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("整改台账")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "学校",
      "责任区",
      "通知书编号",
      "检查项编号",
      "检查内容",
      "问题描述",
      "问题等级",
      "整改方式",
      "整改期限",
      "状态",
      "逾期天数",
      "销号日期",
    ]);
    const overdue = await listItems(t.db, office, { overdue: true }, now);
    expect(sheet.rowCount).toBe(overdue.length + 1);
    const first = overdue[0]!;
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual([
      first.schoolName,
      first.zoneName,
      first.noticeNumber,
      first.item.itemCode,
      first.item.prompt,
      first.item.description,
      expect.any(String),
      expect.any(String),
      first.item.dueDate,
      RECTIFICATION_STATUS_LABELS[first.item.status],
      first.daysOverdue,
      "",
    ]);
  });
});
