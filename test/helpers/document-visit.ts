/**
 * A submitted visit with real photos and drawn signatures, made on a "phone" (the domain's own
 * reducers) and synced through the real routes, so its 整改通知书 and 督导检查记录 can be read back.
 */
import { createHash } from "node:crypto";

import sharp from "sharp";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import type { School } from "@/lib/domain/org/org.schema";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template, TemplateItem } from "@/lib/domain/template/template.schema";
import type { AnswerInput } from "@/lib/domain/visit/visit";

import { PhoneVisit, type TestPhoto } from "./phone-visit";
import { pushAs, uploadPhoto } from "./sync-fixtures";

const photoOf = (bytes: Buffer): TestPhoto => ({
  id: createHash("sha256").update(bytes).digest("hex"),
  bytes: new Uint8Array(bytes),
});

/** A 1600 × 1200 JPEG, as the phone uploads them, with a label drawn on it. */
export async function aScenePhoto(label: string, hue: number): Promise<TestPhoto> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="1600" height="1200" fill="hsl(${hue}, 45%, 55%)"/>
    <circle cx="800" cy="600" r="320" fill="hsl(${(hue + 120) % 360}, 50%, 35%)"/>
    <text x="80" y="1120" font-size="96" fill="white">${label}</text></svg>`;
  return photoOf(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
}

/** A signature as the phone's signature pad saves it: a transparent PNG with a stroke. */
export async function aSignaturePhoto(seed: number): Promise<TestPhoto> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
    <path d="M30 150 C ${120 + seed * 7} 20, 200 180, 290 80 S 450 ${40 + seed * 11}, 570 120"
      stroke="#1a237e" stroke-width="9" fill="none" stroke-linecap="round"/></svg>`;
  return photoOf(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** An answer that complies: 符合, a number within the rule, a compliant option, or some text. */
function compliant(item: TemplateItem): Partial<AnswerInput> {
  const response = item.response;
  switch (response.type) {
    case "judgement":
      return { result: "pass" };
    case "number": {
      const { op, value } = response.rule;
      const within = op === "lt" ? value - 1 : op === "gt" ? value + 1 : value;
      return { result: null, value: within };
    }
    case "choice":
      return { result: null, value: response.options.find((o) => o.result === "pass")!.value };
    case "text":
      return { result: null, value: "已查看" };
  }
}

export type FailedItem = { item: TemplateItem; note: string; onSite: boolean };

export type DocumentVisit = {
  visitId: string;
  template: Template;
  failed: FailedItem[];
  signers: { inspector: string; school: string };
};

/**
 * Inspector `inspectorCookie` (user `inspectorId`) visits `school` with the fire checklist: the
 * first `deadlineNotes.length` deadline items fail with those notes and a photo each, one item is
 * fixed on site (before and after photos), everything else passes. Both sign; the visit is pushed.
 */
export async function syncDocumentVisit(options: {
  inspectorId: string;
  inspectorCookie: string;
  school: School;
  startedAt: number;
  deadlineNotes: readonly string[];
}): Promise<DocumentVisit> {
  const template = BUILT_IN_TEMPLATES.find((t) => t.code === "fire");
  if (!template) throw new Error("no fire template");
  const pinned: Template = { ...template, version: 1, status: "published", publishedAt: 0 };
  const phone = new PhoneVisit(options.inspectorId, options.school, [pinned], options.startedAt);
  const failed: FailedItem[] = [];
  let hue = 0;
  for (const item of applicableItems(pinned, options.school)) {
    const canFail = item.evidence !== "photo_always" && item.response.type === "judgement";
    const byDeadline =
      canFail &&
      item.rectification.mode === "deadline" &&
      failed.filter((f) => !f.onSite).length < options.deadlineNotes.length;
    const onSite =
      canFail && item.rectification.mode === "on_site" && !failed.some((f) => f.onSite);
    if (byDeadline) {
      const note = options.deadlineNotes[failed.filter((f) => !f.onSite).length]!;
      const photo = phone.photo("answer", await aScenePhoto(item.code, (hue += 47)));
      phone.answer(pinned, item, { result: "fail", note, photoIds: [photo] });
      failed.push({ item, note, onSite: false });
    } else if (onSite) {
      const before = phone.photo("answer", await aScenePhoto(`${item.code} before`, (hue += 47)));
      const after = phone.photo("after", await aScenePhoto(`${item.code} after`, (hue += 47)));
      const note = "现场发现后已当场整改";
      phone.answer(pinned, item, {
        result: "fail",
        note,
        photoIds: [before],
        finding: {
          severity: item.severity,
          rectification: { mode: "on_site", afterPhotoIds: [after] },
          requiredAction: "",
        },
      });
      failed.push({ item, note, onSite: true });
    } else {
      const photoIds =
        item.evidence === "photo_always"
          ? [phone.photo("answer", await aScenePhoto(item.code, (hue += 47)))]
          : [];
      phone.answer(pinned, item, { ...compliant(item), photoIds });
    }
  }
  const signers = { inspector: "王建国", school: "赵明" };
  const signedAt = options.startedAt + 90 * 60_000;
  phone.submit({
    inspector: {
      photoId: phone.photo("signature", await aSignaturePhoto(1)),
      name: signers.inspector,
      signedAt,
    },
    school: {
      photoId: phone.photo("signature", await aSignaturePhoto(2)),
      name: signers.school,
      title: "校长",
      signedAt,
    },
  });
  for (const photo of phone.photos) await uploadPhoto(options.inspectorCookie, photo);
  const pushed = await pushAs(options.inspectorCookie, phone.mutations);
  const results = (pushed.body as { results: { status: string; reason?: string }[] }).results;
  const refused = results.find((r) => r.status === "rejected");
  if (pushed.status !== 200 || refused) {
    throw new Error(`push refused: ${pushed.status} ${refused?.reason ?? ""}`);
  }
  return { visitId: phone.visit.id, template: pinned, failed, signers };
}
