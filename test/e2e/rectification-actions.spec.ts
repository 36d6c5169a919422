/**
 * The rectification action forms and the item history, as components in the real Chromium (the
 * jsdom + Testing Library stack is not installed here): the spec bundles them with esbuild, serves
 * them to a blank page, and checks what a person sees and what would be sent.
 */
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";
import { build } from "esbuild";

import type { RectificationEvent } from "@/lib/domain/rectification/events";
import type { RectificationActionType } from "@/lib/domain/rectification/rectification.schema";

const ROOT = path.resolve(__dirname, "../..");
/** Never listened on: page.route answers everything. */
const ORIGIN = "http://localhost:4811";

let bundle = "";

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(__dirname, "rectification-actions.page.tsx")],
    bundle: true,
    format: "iife",
    target: "chrome120",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(ROOT, "tsconfig.json"),
    write: false,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]!.text;
});

async function openPage(page: Page): Promise<void> {
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`)
      return route.fulfill({
        body: '<!doctype html><meta charset="utf-8"><div id="root"></div><script src="/t.js"></script>',
        contentType: "text/html",
      });
    if (url === `${ORIGIN}/t.js`)
      return route.fulfill({ body: bundle, contentType: "text/javascript" });
    return route.abort("blockedbyclient");
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => typeof window.rectificationTest?.mountPanel === "function");
}

function mountPanel(
  page: Page,
  props: { allowed: RectificationActionType[]; only?: RectificationActionType[]; refusal?: string },
) {
  return page.evaluate((p) => window.rectificationTest.mountPanel(p as never), props);
}

/** Props cross into the page as JSON; the page's own types check them there. */
function mountTimeline(
  page: Page,
  props: { events: RectificationEvent[]; verification: unknown; names: [string, string][] },
) {
  return page.evaluate((p) => window.rectificationTest.mountTimeline(p as never), props as unknown);
}

const sent = (page: Page) => page.evaluate(() => window.rectificationTest.sent);

test.describe("ActionPanel", () => {
  test.beforeEach(async ({ page }) => openPage(page));

  const cases: {
    who: string;
    allowed: RectificationActionType[];
    only?: RectificationActionType[];
    buttons: string[];
  }[] = [
    {
      who: "the school, item pending",
      allowed: ["acknowledge", "respond", "request_extension"],
      buttons: ["开始整改", "提交整改报告", "申请延期"],
    },
    {
      who: "the school, item returned",
      allowed: ["respond", "request_extension"],
      buttons: ["提交整改报告", "申请延期"],
    },
    {
      who: "the office, answer submitted",
      allowed: ["verify_pass", "verify_return", "escalate", "cancel"],
      buttons: ["复查通过（销号）", "退回", "督办", "撤销"],
    },
    {
      who: "the office in the queue, extension asked",
      allowed: ["approve_extension", "refuse_extension", "escalate", "cancel"],
      only: ["approve_extension", "refuse_extension"],
      buttons: ["同意延期", "不同意延期"],
    },
    {
      who: "an inspector's on-site close (not on these screens)",
      allowed: ["close_on_site"],
      buttons: [],
    },
    { who: "nobody, item closed", allowed: [], buttons: [] },
  ];
  for (const { who, allowed, only, buttons } of cases) {
    test(`shows exactly the allowed actions when the viewer is ${who}`, async ({ page }) => {
      await mountPanel(page, { allowed, only });
      await expect(page.getByRole("button")).toHaveText(buttons);
    });
  }

  const reasons: { action: string; field: string; message: string }[] = [
    { action: "退回", field: "退回理由", message: "请填写退回理由" },
    { action: "不同意延期", field: "不同意延期的理由", message: "请填写不同意延期的理由" },
    { action: "撤销", field: "撤销理由", message: "请填写撤销理由" },
    { action: "督办", field: "督办说明", message: "请填写督办说明" },
  ];
  for (const { action, field, message } of reasons) {
    test(`refuses 「${action}」 without a reason: shows "${message}" and sends nothing`, async ({
      page,
    }) => {
      await mountPanel(page, {
        allowed: ["verify_return", "refuse_extension", "cancel", "escalate"],
      });
      await page.getByRole("button", { name: action, exact: true }).click();
      const form = page.getByRole("form", { name: action });
      await form.getByLabel(field).fill(" ");
      await form.getByRole("button", { name: action, exact: true }).click();
      await expect(form.getByLabel(field)).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByRole("alert")).toHaveText(message);
      expect(await sent(page)).toEqual([]);
    });
  }

  test("sends the return with its trimmed reason once the reason is given", async ({ page }) => {
    await mountPanel(page, { allowed: ["verify_pass", "verify_return"] });
    await page.getByRole("button", { name: "退回", exact: true }).click();
    const form = page.getByRole("form", { name: "退回" });
    await form.getByRole("button", { name: "退回", exact: true }).click();
    await expect(form.getByRole("alert")).toHaveText("请填写退回理由");
    await form.getByLabel("退回理由").fill("  照片看不清，请补拍  ");
    await form.getByRole("button", { name: "退回", exact: true }).click();
    await expect(form).toHaveCount(0);
    expect(await sent(page)).toEqual([{ type: "verify_return", reason: "照片看不清，请补拍" }]);
  });

  test("refuses a 整改报告 without text or photos, in the schema's words, and sends nothing", async ({
    page,
  }) => {
    await mountPanel(page, { allowed: ["respond"] });
    await page.getByRole("button", { name: "提交整改报告", exact: true }).click();
    const form = page.getByRole("form", { name: "提交整改报告" });
    await form.getByLabel("整改情况说明").fill("已改");
    await form.getByRole("button", { name: "提交整改报告", exact: true }).click();
    await expect(form.getByText("整改情况说明至少 5 个字")).toBeVisible();
    await expect(form.getByText("请至少上传 1 张整改后照片")).toBeVisible();
    expect(await sent(page)).toEqual([]);
  });

  test("sends the 整改报告 with its trimmed text and the photo's id", async ({ page }) => {
    await mountPanel(page, { allowed: ["respond"] });
    await page.getByRole("button", { name: "提交整改报告", exact: true }).click();
    const form = page.getByRole("form", { name: "提交整改报告" });
    await form.getByLabel("整改情况说明").fill(" 已更换灭火器并张贴检查卡 ");
    await form
      .getByLabel("选择照片")
      .setInputFiles({ name: "abc123.jpg", mimeType: "image/jpeg", buffer: Buffer.from("jpeg") });
    await expect(form.getByRole("img", { name: "整改后照片 1" })).toBeVisible();
    await form.getByRole("button", { name: "提交整改报告", exact: true }).click();
    await expect(form).toHaveCount(0);
    expect(await sent(page)).toEqual([
      { type: "respond", text: "已更换灭火器并张贴检查卡", photoIds: ["abc123".padStart(64, "0")] },
    ]);
  });

  test("acts at once for an action without fields (开始整改)", async ({ page }) => {
    await mountPanel(page, { allowed: ["acknowledge"] });
    await page.getByRole("button", { name: "开始整改", exact: true }).click();
    await expect.poll(() => sent(page)).toEqual([{ type: "acknowledge" }]);
  });

  test("shows the server's refusal and keeps what was typed", async ({ page }) => {
    const refusal = "该事项已被他人处理（当前状态：已销号），您的操作未生效，请刷新后查看";
    await mountPanel(page, { allowed: ["cancel"], refusal });
    await page.getByRole("button", { name: "撤销", exact: true }).click();
    const form = page.getByRole("form", { name: "撤销" });
    await form.getByLabel("撤销理由").fill("检查认定有误");
    await form.getByRole("button", { name: "撤销", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(refusal);
    await expect(form.getByLabel("撤销理由")).toHaveValue("检查认定有误");
  });
});

test.describe("ItemTimeline", () => {
  test.beforeEach(async ({ page }) => openPage(page));

  const hash = (n: number) => n.toString(16).padStart(64, "0");
  const event = (
    seq: number,
    type: RectificationEvent["type"],
    payload: RectificationEvent["payload"],
    actorRole: RectificationEvent["actorRole"],
  ): RectificationEvent => ({
    id: `0195f3a0-0000-7000-8000-${String(seq).padStart(12, "0")}`,
    itemId: "0195f3a0-0000-7000-8000-000000000099",
    seq,
    type,
    actorId: actorRole === "school" ? "u-school" : "u-office",
    actorRole,
    at: Date.UTC(2026, 2, seq, 2, 0),
    payload,
    prevHash: hash(seq - 1),
    hash: hash(seq),
  });
  const events = [
    event(
      1,
      "request_extension",
      { requestedDueDate: "2026-04-30", reason: "设备采购周期长" },
      "school",
    ),
    event(2, "approve_extension", {}, "office"),
    event(3, "verify_return", { reason: "照片不清楚" }, "office"),
  ];
  const names: [string, string][] = [
    ["u-school", "示范区实验小学"],
    ["u-office", "陈主任"],
  ];

  test("lists every step with who, in which role, and what it said", async ({ page }) => {
    await mountTimeline(page, { events, verification: { ok: true }, names });
    const steps = page.getByRole("list", { name: "处理记录" }).locator(":scope > li");
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText("申请延期");
    await expect(steps.nth(0)).toContainText("示范区实验小学");
    await expect(steps.nth(0)).toContainText("理由：设备采购周期长");
    await expect(steps.nth(1)).toContainText("新的整改期限：2026-04-30");
    await expect(steps.nth(2)).toContainText("督导室");
    await expect(steps.nth(2)).toContainText("理由：照片不清楚");
    await expect(page.getByRole("status")).toHaveText("✓ 记录完整，未被篡改");
  });

  test("warns in red naming the first record that fails verification", async ({ page }) => {
    await mountTimeline(page, {
      events,
      verification: { ok: false, brokenAt: 2, reason: "第 2 条记录的内容与哈希不符，可能被篡改" },
      names,
    });
    await expect(page.getByRole("alert")).toContainText("第 2 条记录异常");
    await expect(page.getByRole("status")).toHaveCount(0);
  });
});
