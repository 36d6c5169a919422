import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { RECTIFICATION_STATUS_LABELS } from "@/lib/domain/rectification/rectification.schema";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { systemClock } from "@/lib/utils/clock";

import { GET as getLedger } from "@/app/api/office/ledger.xlsx/route";
import { GET as getItems } from "@/app/api/rectification/items/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import {
  aFinding,
  domainUser,
  insertPhotos,
  issueTestNotice,
  photoId,
  schoolOf,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let office: User;
let officeCookie: string;
const now = systemClock.now();
const DAY = 24 * 60 * 60_000;

/**
 * Two notices issued ten days ago by the test clock: 城东第二小学 (S07) with four items — two
 * overdue, one due next week, one closed on site — and 示范区实验小学 (S01) with one due next week.
 */
beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  office = await domainUser(t.db, "office");
  officeCookie = await signInAs("office", DEMO_PASSWORD);
  const inspector = await domainUser(t.db, "inspector1");
  const issuedAt = now - 10 * DAY;
  const due = (days: number) => ({
    mode: "deadline" as const,
    dueDate: toChinaDate(now + days * DAY),
  });
  await insertPhotos(t.db, [photoId(1)], inspector.id);
  await issueTestNotice(t.db, {
    schoolCode: "S07",
    inspector: "inspector1",
    now: issuedAt,
    findings: [
      aFinding("XF-001", { severity: "major", rectification: due(-3) }),
      aFinding("XF-002", { severity: "minor", rectification: due(-1) }),
      aFinding("XF-003", { severity: "minor", rectification: due(7) }),
      aFinding("XF-004", {
        severity: "major",
        rectification: { mode: "on_site", afterPhotoIds: [photoId(1)] },
      }),
    ],
  });
  await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    now: issuedAt,
    findings: [aFinding("XF-005", { severity: "critical", rectification: due(7) })],
  });
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
    const all = await listItems(t.db, office, {}, now);
    const rows = await listItems(t.db, office, filters, now);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.item.id).sort()).toEqual(
      all
        .filter(matches)
        .map((r) => r.item.id)
        .sort(),
    );
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
