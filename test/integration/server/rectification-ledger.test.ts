import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chinaDayStart, toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { type ItemRow, ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import {
  RECTIFICATION_MODE_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import { DOMAIN_LABELS } from "@/lib/domain/template/template.schema";
import { LEDGER_HEADERS } from "@/lib/server/rectification/ledger";
import { listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { systemClock } from "@/lib/utils/clock";

import { GET as getLedgerCsv } from "@/app/api/office/ledger.csv/route";
import { GET as getLedger } from "@/app/api/office/ledger.xlsx/route";
import { GET as getItems } from "@/app/api/rectification/items/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import {
  aCountyHistory,
  buildHistory,
  type BuiltItem,
  clockToday,
} from "../../helpers/builders/history";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let office: User;
let officeCookie: string;
/** Every item of the county's history, newest first, read in one page. */
let all: ItemRow[];
/** The history's items by name (test/helpers/builders/history.ts). */
let built: Record<string, BuiltItem>;
const now = systemClock.now();
/** The ids of the named items, in the ledger's order (newest first). */
const idsOf = (names: string[]) =>
  all.map((r) => r.item.id).filter((id) => names.some((n) => built[n]!.item.id === id));

async function page(query: string, user: User = office) {
  const parsed = ledgerQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const result = await listItemPage(t.db, user, parsed, now);
  if ("error" in result) throw new Error(result.error);
  return result;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  built = await buildHistory(t.db, aCountyHistory(clockToday()));
  office = await domainUser(t.db, "office");
  officeCookie = await signInAs("office", DEMO_PASSWORD);
  all = (await page("limit=200")).rows;
});
afterAll(() => t.drop());

describe("listItemPage", () => {
  it("lists every item of the history, each with how late the school is", () => {
    expect(all).toHaveLength(14);
    const late = (name: string) => all.find((r) => r.item.id === built[name]!.item.id)!.daysOverdue;
    // A report fixed at how late it came (4 days); a return's new date two days past; 先行管控 12 days.
    expect([late("lateReport"), late("returned"), late("controlled")]).toEqual([4, 2, 12]);
    expect([late("awaitingReview"), late("extended"), late("closedLate"), late("notDue")]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it.each([
    [
      "state=closed",
      (r: ItemRow) => r.item.status === "closed",
      ["s01ClosedOnTime", "closedOnTime", "closedLate", "onSite"],
    ],
    [
      "state=pending,returned",
      (r: ItemRow) => ["pending", "returned"].includes(r.item.status),
      ["s01Untouched", "ignored", "returned", "notDue", "extended", "controlled"],
    ],
    [
      "overdue=1",
      (r: ItemRow) => r.daysOverdue > 0,
      ["s01Untouched", "ignored", "acknowledged", "returned", "controlled", "lateReport"],
    ],
    [
      "overdue=0",
      (r: ItemRow) => r.daysOverdue === 0,
      [
        "s01ClosedOnTime",
        "closedOnTime",
        "closedLate",
        "awaitingReview",
        "onSite",
        "cancelled",
        "notDue",
        "extended",
      ],
    ],
    [
      "severity=major",
      (r: ItemRow) => r.item.severity === "major",
      [
        "s01Untouched",
        "closedOnTime",
        "closedLate",
        "returned",
        "awaitingReview",
        "cancelled",
        "notDue",
        "extended",
      ],
    ],
    [
      "domain=fire",
      (r: ItemRow) => r.domain === "fire",
      ["s01ClosedOnTime", "closedOnTime", "closedLate", "returned", "onSite", "notDue"],
    ],
    [
      "q=灭火器",
      (r: ItemRow) => `${r.item.prompt}${r.item.description}`.includes("灭火器"),
      ["closedOnTime", "returned", "notDue"],
    ],
  ])("keeps exactly the matching items when filtered by %s", async (query, matches, names) => {
    const result = await page(`${query}&limit=200`);
    expect(result.rows.map((r) => r.item.id)).toEqual(idsOf(names));
    expect(result.rows.map((r) => r.item.id)).toEqual(all.filter(matches).map((r) => r.item.id));
    expect(result.total).toBe(names.length);
  });

  it("filters by school, zone and inspector, each through its own relation", async () => {
    const school = await schoolOf(t.db, "S07");
    const bySchool = await page(`school=${school.id}`);
    expect(bySchool.rows.map((r) => r.schoolName)).toEqual(Array(4).fill("城东第二小学"));
    const zoneId = bySchool.rows[0]!.zoneId;
    // S01 and S07 are both in 城东责任区.
    expect((await page(`zone=${zoneId}&limit=200`)).rows.map((r) => r.item.id)).toEqual(
      idsOf([
        "s01ClosedOnTime",
        "s01Untouched",
        "closedOnTime",
        "closedLate",
        "ignored",
        "acknowledged",
      ]),
    );
    const inspector = await domainUser(t.db, "inspector3");
    const byInspector = await page(`inspector=${inspector.id}&limit=200`);
    expect(byInspector.rows.map((r) => r.item.id)).toEqual(
      idsOf(["notDue", "extended", "controlled", "lateReport"]),
    );
    expect(byInspector.rows.every((r) => r.inspectorName === inspector.name)).toBe(true);
    expect(byInspector.total).toBe(all.filter((r) => r.inspectorId === inspector.id).length);
  });

  it("bounds the finding date by from and to, China calendar days inclusive", async () => {
    // Four visit days; the middle two are S07's and S11's visits, four items each.
    const dates = [...new Set(all.map((r) => toChinaDate(r.item.createdAt)))].sort();
    expect(dates).toHaveLength(4);
    const from = dates[1]!;
    const to = dates[dates.length - 2]!;
    const result = await page(`from=${from}&to=${to}&limit=200`);
    expect(result.rows).toHaveLength(8);
    expect(result.rows.map((r) => r.item.id)).toEqual(
      all
        .filter((r) => {
          const day = toChinaDate(r.item.createdAt);
          return day >= from && day <= to;
        })
        .map((r) => r.item.id),
    );
    expect(chinaDayStart(from)).toBeLessThan(chinaDayStart(to));
  });

  it("pages forwards and backwards by cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: Awaited<ReturnType<typeof page>>[] = [];
    do {
      const next = await page(`limit=4${cursor ? `&after=${cursor}` : ""}`);
      pages.push(next);
      seen.push(...next.rows.map((r) => r.item.id));
      cursor = next.page.next;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((r) => r.item.id));
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 4, 2]);
    expect(pages[0]!.page.prev).toBeNull();
    const back = await page(`limit=4&before=${pages[2]!.page.prev}`);
    expect(back.rows.map((r) => r.item.id)).toEqual(pages[1]!.rows.map((r) => r.item.id));
  });

  it("sorts by due date, soonest first and 立行立改 last", async () => {
    const rows = (await page("sort=due&limit=200")).rows;
    const keys = rows.map((r) => r.item.dueDate ?? "9999-12-31");
    expect(keys).toEqual([...keys].sort());
    expect(rows.length).toBe(all.length);
  });

  it("shows a school only its own items, and an inspector only their zones' schools", async () => {
    const school = await domainUser(t.db, "school07");
    expect((await page("limit=200", school)).rows.map((r) => r.item.id)).toEqual(
      idsOf(["closedOnTime", "closedLate", "ignored", "acknowledged"]),
    );
    const inspector = await domainUser(t.db, "inspector1");
    const seen = (await page("limit=200", inspector)).rows;
    expect(new Set(seen.map((r) => r.zoneName))).toEqual(new Set(["城东责任区"]));
    expect(seen).toHaveLength(6);
  });

  it("answers 422 for an unknown state and for a cursor it did not make", async () => {
    const response = await getItems(
      authedRequest("/api/rectification/items?state=done", officeCookie),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: "invalid_input",
      message: "无效的整改状态",
    });
    const forged = await getItems(
      authedRequest("/api/rectification/items?after=bm90LWEtY3Vyc29y", officeCookie),
    );
    expect(forged.status).toBe(422);
  });

  it("answers the API with one page, its cursors and the total", async () => {
    const response = await getItems(
      authedRequest("/api/rectification/items?limit=5&overdue=1", officeCookie),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: unknown[];
      page: { next: string | null; prev: string | null; limit: number };
      total: number;
    };
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(body.page.limit).toBe(5);
    expect(body.total).toBe(6);
    expect(body.total).toBe(all.filter((r) => r.daysOverdue > 0).length);
  });
});

describe("GET /api/office/ledger.xlsx", () => {
  it("streams a 汇总 sheet and one sheet per domain with every column, real dates and the right rows", async () => {
    const response = await getLedger(authedRequest("/api/office/ledger.xlsx", officeCookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent(`整改台账-${toChinaDate(now)}.xlsx`),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());

    const domains = [...new Set(all.map((r) => r.domain!))];
    const sheetNames = workbook.worksheets.map((s) => s.name);
    expect(sheetNames[0]).toBe("汇总");
    expect(sheetNames.slice(1).sort()).toEqual(domains.map((d) => DOMAIN_LABELS[d]).sort());
    const summary = workbook.getWorksheet("汇总")!;
    const summaryTotals = domains.map((d) => {
      const row = summary
        .getSheetValues()
        .find((v) => Array.isArray(v) && v[1] === DOMAIN_LABELS[d]) as unknown[];
      return row[2];
    });
    expect(summaryTotals).toEqual(domains.map((d) => all.filter((r) => r.domain === d).length));

    const expectedHeaders = [
      "学校",
      "责任区",
      "检查领域",
      "通知书编号",
      "检查项编号",
      "检查内容",
      "问题描述",
      "问题等级",
      "整改方式",
      "发现日期",
      "整改期限",
      "状态",
      "逾期天数",
      "督学",
      "学校整改报告",
      "报告提交日期",
      "复查意见",
      "销号日期",
    ];
    expect(LEDGER_HEADERS).toEqual(expectedHeaders);
    let exported = 0;
    for (const domain of domains) {
      const sheet = workbook.getWorksheet(DOMAIN_LABELS[domain])!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(expectedHeaders);
      const expected = all
        .filter((r) => r.domain === domain)
        .sort((a, b) => a.item.createdAt - b.item.createdAt || a.item.id.localeCompare(b.item.id));
      expect(sheet.rowCount).toBe(expected.length + 1);
      exported += expected.length;
      expected.forEach((r, i) => {
        const cells = expectedHeaders.map((_, c) => sheet.getRow(i + 2).getCell(c + 1).value);
        const day = (ms: number | null | undefined) =>
          ms == null ? null : new Date(`${toChinaDate(ms)}T00:00:00Z`);
        expect(cells).toEqual([
          r.schoolName,
          r.zoneName,
          DOMAIN_LABELS[domain],
          r.noticeNumber ?? null,
          r.item.itemCode,
          r.item.prompt,
          r.item.description,
          SEVERITY_LABELS[r.item.severity],
          RECTIFICATION_MODE_LABELS[r.item.mode],
          day(r.item.createdAt),
          r.item.dueDate === null ? null : new Date(`${r.item.dueDate}T00:00:00Z`),
          RECTIFICATION_STATUS_LABELS[r.item.status],
          r.daysOverdue,
          r.inspectorName,
          r.item.response?.text ?? null,
          day(r.item.response?.submittedAt),
          r.item.status === "closed" || r.item.status === "returned" ? expect.any(String) : null,
          day(r.item.closedAt),
        ]);
        const found = sheet.getRow(i + 2).getCell(10);
        expect(found.type).toBe(ExcelJS.ValueType.Date);
        expect(found.numFmt).toBe("yyyy-mm-dd");
        expect(sheet.getRow(i + 2).getCell(7).alignment?.wrapText).toBe(true);
      });
    }
    expect(exported).toBe(all.length);
    // A closed item carries the reviewer's opinion; a returned one the reason it was sent back.
    const closedByReview = all.find((r) => r.item.status === "closed" && r.reviewNote)!;
    const sheet = workbook.getWorksheet(DOMAIN_LABELS[closedByReview.domain!])!;
    const opinions = sheet.getColumn(17).values as unknown[];
    expect(opinions).toContain(closedByReview.reviewNote);
    expect(workbook.worksheets.flatMap((s) => s.getColumn(17).values as unknown[])).toContainEqual(
      expect.stringMatching(/^退回：/),
    );
  });

  it("exports only the filtered rows", async () => {
    const response = await getLedger(
      authedRequest("/api/office/ledger.xlsx?overdue=1", officeCookie),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets.slice(1).reduce((n, s) => n + s.rowCount - 1, 0);
    expect(rows).toBe(6);
    expect(rows).toBe(all.filter((r) => r.daysOverdue > 0).length);
  });
});

describe("GET /api/office/ledger.csv", () => {
  it("streams UTF-8 with a BOM, the Chinese headers and one line per item", async () => {
    const response = await getLedgerCsv(authedRequest("/api/office/ledger.csv", officeCookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(LEDGER_HEADERS.join(","));
    expect(lines).toHaveLength(all.length + 1);
    const oldest = [...all].sort(
      (a, b) => a.item.createdAt - b.item.createdAt || a.item.id.localeCompare(b.item.id),
    )[0]!;
    expect(lines[1]).toContain(`${oldest.schoolName},${oldest.zoneName}`);
    expect(lines[1]).toContain(toChinaDate(oldest.item.createdAt));
  });
});
