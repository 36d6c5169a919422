/**
 * The rectification loop across three browser contexts on the real server (demo seed): the
 * inspector's visit arrives through the sync API with four 不符合 — three 限期整改 and one 立行立改
 * closed on site — and becomes a numbered 整改通知书; its PDF carries the school and every finding;
 * school01 opens it (read receipt), answers two items with photos — the second while its network is
 * down — and asks for more time on the third; the office approves the extension, returns one answer with a reason and passes the other;
 * the school answers again; the office passes it. Every step is in the item's history and the
 * hash chain verifies. Set E2E_SCREENSHOTS_DIR to keep screenshots of the screens on the way.
 */
import path from "node:path";

import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { z } from "zod";

import { addDays } from "@/lib/domain/dates";
import { rectificationEventSchema } from "@/lib/domain/rectification/events";
import {
  rectificationItemSchema,
  type RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";

import { signIn } from "./helpers";
import { drawJpeg, pushVisit, signInOverHttp } from "./inspector-visit";

const SCHOOL = "示范区实验小学";
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

const noticeSchema = z.object({
  id: z.string(),
  number: z.string(),
  visitId: z.string(),
  readAt: z.number().nullable(),
  readBy: z.string().nullable(),
  items: z.array(rectificationItemSchema),
});
const timelineSchema = z.object({
  item: rectificationItemSchema,
  events: z.array(rectificationEventSchema),
  verification: z.object({ ok: z.boolean() }),
});

const compact = (text: string) => text.replace(/\s+/g, "");

/** Every office decision asks for confirmation, showing what it changes. */
async function confirmDecision(card: Locator, label: string): Promise<void> {
  await card
    .getByRole("group", { name: `确认${label}` })
    .getByRole("button", { name: `确认${label}`, exact: true })
    .click();
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function newContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const baseURL = test.info().project.use.baseURL!;
  return browser.newContext({ viewport, extraHTTPHeaders: { origin: baseURL } });
}

/** An item's card on the school's notice page (each card is a region named by the item's prompt). */
function card(page: Page, item: RectificationItem): Locator {
  return page.getByRole("region", { name: item.prompt, exact: true });
}

/** An item's card in the office's review queue, named "学校：检查项" and showing its notice number. */
function reviewCard(page: Page, item: RectificationItem, noticeNumber: string): Locator {
  return page
    .getByRole("region", { name: `${SCHOOL}：${item.prompt}`, exact: true })
    .filter({ hasText: noticeNumber });
}

/**
 * The school writes a 整改报告 with one photo and sends it: stored on the device first, then sent.
 * With `offline`, the network drops just before sending: the report waits on the device, says so,
 * and goes out by itself when the network returns.
 */
async function answerItem(
  page: Page,
  item: RectificationItem,
  report: { text: string; photoLabel: string; offline?: BrowserContext },
): Promise<void> {
  const region = card(page, item);
  await region.getByRole("button", { name: "提交整改报告", exact: true }).click();
  const form = region.getByRole("form", { name: "提交整改报告" });
  await form.getByLabel("整改情况说明").fill(report.text);
  const jpeg = await drawJpeg(page, report.photoLabel, 140);
  await form
    .getByLabel("选择照片")
    .setInputFiles({ name: "evidence.jpg", mimeType: "image/jpeg", buffer: jpeg.bytes });
  await expect(form.getByRole("img", { name: "整改后照片 1" })).toBeVisible();
  await report.offline?.setOffline(true);
  await form.getByRole("button", { name: "提交整改报告", exact: true }).click();
  if (report.offline) {
    await expect(region.getByRole("status")).toContainText(
      "网络不可用：已保存在本机，网络恢复后自动提交",
    );
    await report.offline.setOffline(false);
  }
  await expect(region.getByText("待复查", { exact: true })).toBeVisible();
}

test("a finding travels from the inspector's visit through the school's answer to 销号, every step recorded", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const inspector = await newContext(browser, DESK);
  const school = await newContext(browser, PHONE);
  const office = await newContext(browser, DESK);

  // ── The inspector's visit syncs: four findings, one fixed on the spot ──────────────────────
  const inspectorPage = await inspector.newPage();
  const inspectorId = await signInOverHttp(inspector.request, "inspector1");
  const { visitId } = await pushVisit({
    request: inspector.request,
    page: inspectorPage,
    inspectorId,
    schoolName: SCHOOL,
    templateCode: "campus-safety",
    findings: { deadline: 3, onSite: 1 },
  });

  const notices = z
    .object({ notices: z.array(z.object({ id: z.string(), visitId: z.string() })) })
    .parse(await (await inspector.request.get("/api/notices")).json()).notices;
  const noticeId = notices.find((n) => n.visitId === visitId)?.id;
  expect(noticeId, "the submitted visit issued a notice").toBeDefined();
  const loadNotice = async (context: BrowserContext) =>
    noticeSchema.parse(
      (
        (await (await context.request.get(`/api/notices/${noticeId}`)).json()) as {
          notice: unknown;
        }
      ).notice,
    );
  const issued = await loadNotice(inspector);
  expect(issued.number).toMatch(/〔\d{4}〕第\d+号$/);
  expect(issued.items).toHaveLength(4);
  const onSite = issued.items.find((i) => i.mode === "on_site")!;
  const [answered, passed, extended] = issued.items.filter((i) => i.mode === "deadline") as [
    RectificationItem,
    RectificationItem,
    RectificationItem,
  ];
  expect(onSite.status).toBe("closed");
  expect(issued.readAt).toBeNull();

  // ── The PDF holds the school and every finding ────────────────────────────────────────────
  const pdfResponse = await inspector.request.get(`/api/notices/${noticeId}/pdf`);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await pdfResponse.body()) });
  try {
    const text = compact((await parser.getText()).text);
    expect(text).toContain(SCHOOL);
    expect(text).toContain(compact(issued.number));
    for (const item of issued.items) expect(text).toContain(compact(item.prompt));
  } finally {
    await parser.destroy();
  }

  // ── The school opens the notice: read receipt; two answers with photos, one extension ────
  const schoolPage = await school.newPage();
  await signIn(schoolPage, "school01", /\/school$/);
  const listed = schoolPage.getByRole("link").filter({ hasText: issued.number });
  await expect(listed.getByText("未读")).toBeVisible();
  await shot(schoolPage, "school-notices");
  await listed.click();
  await expect(schoolPage.getByRole("article", { name: "整改通知书" })).toContainText(SCHOOL);
  expect(
    (await loadNotice(inspector)).readAt,
    "opening the notice recorded the read receipt",
  ).not.toBeNull();
  const pdfHref = await schoolPage.getByRole("link", { name: "下载 PDF" }).getAttribute("href");
  expect((await schoolPage.request.get(pdfHref!)).headers()["content-type"]).toBe(
    "application/pdf",
  );
  await expect(card(schoolPage, onSite).getByText("已销号", { exact: true })).toBeVisible();

  await answerItem(schoolPage, answered, {
    text: "已将灭火器送检充装，补充备用灭火器",
    photoLabel: "整改后 一",
  });
  await answerItem(schoolPage, passed, {
    text: "已清理疏散通道杂物，张贴禁止堆放标识",
    photoLabel: "整改后 二",
    offline: school,
  });
  const newDueDate = addDays(extended.dueDate!, 14);
  const extendCard = card(schoolPage, extended);
  await extendCard.getByRole("button", { name: "申请延期", exact: true }).click();
  await extendCard.getByLabel("申请延期至").fill(newDueDate);
  await extendCard.getByLabel("延期理由").fill("需要采购专用设备，供货周期约两周");
  await extendCard.getByRole("button", { name: "提交延期申请", exact: true }).click();
  await expect(extendCard.getByText(`学校申请延期至 ${newDueDate}（待督导室审批）`)).toBeVisible();
  await shot(schoolPage, "school-notice-answered");

  // ── The office decides: approve the extension, return one answer, pass the other ──────────
  const officePage = await office.newPage();
  await signIn(officePage, "office", /\/office$/);
  await shot(officePage, "office-dashboard");
  await officePage.goto("/office/review");
  await shot(officePage, "office-review");
  const extendedCard = reviewCard(officePage, extended, issued.number);
  await extendedCard.getByRole("button", { name: "同意延期", exact: true }).click();
  await extendedCard.getByLabel("审批意见").fill("同意延期，请按期完成");
  await extendedCard
    .getByRole("form", { name: "同意延期" })
    .getByRole("button", { name: "同意延期", exact: true })
    .click();
  await confirmDecision(extendedCard, "同意延期");
  await expect(extendedCard).toHaveCount(0);

  const returnCard = reviewCard(officePage, answered, issued.number);
  const sent: string[] = [];
  officePage.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/actions")) sent.push(r.url());
  });
  await returnCard.getByRole("button", { name: "退回", exact: true }).click();
  await returnCard
    .getByRole("form", { name: "退回" })
    .getByRole("button", { name: "退回", exact: true })
    .click();
  await expect(returnCard.getByText("请填写退回理由")).toBeVisible();
  expect(sent, "an empty reason sends nothing").toEqual([]);
  await returnCard.getByLabel("退回理由").fill("照片未显示备用灭火器，请补拍");
  await returnCard
    .getByRole("form", { name: "退回" })
    .getByRole("button", { name: "退回", exact: true })
    .click();
  await confirmDecision(returnCard, "退回");
  await expect(returnCard).toHaveCount(0);

  const passCard = reviewCard(officePage, passed, issued.number);
  await passCard.getByRole("button", { name: "复查通过（销号）", exact: true }).click();
  await passCard.getByLabel("复查意见（可不填）").fill("现场核实已整改到位");
  await passCard
    .getByRole("form", { name: "复查通过（销号）" })
    .getByRole("button", { name: "复查通过（销号）", exact: true })
    .click();
  await confirmDecision(passCard, "复查通过（销号）");
  await expect(passCard).toHaveCount(0);

  // ── The school sees the return and why, and answers again ────────────────────────────────
  await schoolPage.reload();
  const returned = card(schoolPage, answered);
  await expect(returned.getByText("已退回", { exact: true })).toBeVisible();
  await expect(returned.getByText("退回理由：照片未显示备用灭火器，请补拍")).toBeVisible();
  await expect(card(schoolPage, passed).getByText("已销号", { exact: true })).toBeVisible();
  await answerItem(schoolPage, answered, {
    text: "已补充 2 具备用灭火器并补拍照片",
    photoLabel: "整改后 三",
  });

  // ── The office passes it: 销号 ────────────────────────────────────────────────────────────
  await officePage.goto("/office/review");
  const again = reviewCard(officePage, answered, issued.number);
  await again.getByRole("button", { name: "复查通过（销号）", exact: true }).click();
  await again
    .getByRole("form", { name: "复查通过（销号）" })
    .getByRole("button", { name: "复查通过（销号）", exact: true })
    .click();
  await confirmDecision(again, "复查通过（销号）");
  await expect(again).toHaveCount(0);

  // ── Every step is in the history and the chain verifies ──────────────────────────────────
  const history = async (item: RectificationItem) =>
    timelineSchema.parse(
      await (await office.request.get(`/api/rectification/items/${item.id}`)).json(),
    );
  const closed = await history(answered);
  expect(closed.item.status).toBe("closed");
  expect(closed.events.map((e) => e.type)).toEqual([
    "created",
    "respond",
    "verify_return",
    "respond",
    "verify_pass",
  ]);
  expect(closed.verification.ok).toBe(true);
  expect((await history(passed)).events.map((e) => e.type)).toEqual([
    "created",
    "respond",
    "verify_pass",
  ]);
  const moreTime = await history(extended);
  expect(moreTime.events.map((e) => e.type)).toEqual([
    "created",
    "request_extension",
    "approve_extension",
  ]);
  expect(moreTime.item.dueDate).toBe(newDueDate);
  expect((await history(onSite)).events.map((e) => e.type)).toEqual(["created", "close_on_site"]);

  await officePage.goto(`/office/items/${answered.id}`);
  await expect(
    officePage.getByRole("status").filter({ hasText: "记录完整，未被篡改" }),
  ).toBeVisible();
  const steps = officePage.getByRole("list", { name: "处理记录" }).locator(":scope > li");
  await expect(steps).toHaveCount(5);
  for (const [index, title] of [
    "发现问题",
    "提交整改报告",
    "退回",
    "提交整改报告",
    "复查通过（销号）",
  ].entries()) {
    await expect(steps.nth(index)).toContainText(title);
  }
  await expect(steps.nth(2)).toContainText("照片未显示备用灭火器，请补拍");
  await shot(officePage, "office-item-timeline");

  await schoolPage.goto(`/school/items/${extended.id}`);
  await expect(schoolPage.getByText(`新的整改期限：${newDueDate}`)).toBeVisible();
  await shot(schoolPage, "school-item-extended");

  await Promise.all([inspector.close(), school.close(), office.close()]);
});
