/**
 * The inspector's side of the rectification e2e, over HTTP: sign in, download the visit pack, and
 * push a whole visit made with the app's own domain functions — the same mutations the inspector
 * app records — with real JPEGs drawn by the browser and uploaded content-addressed first.
 */
import { createHash } from "node:crypto";

import { expect, type APIRequestContext, type Page } from "@playwright/test";

import type { Mutation } from "@/lib/domain/mutations";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template, TemplateItem } from "@/lib/domain/template/template.schema";
import {
  registerPhoto,
  setAnswer,
  startVisit,
  submitVisit,
  type AnswerInput,
} from "@/lib/domain/visit/visit";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { PhotoPurpose, Visit } from "@/lib/domain/visit/visit.schema";
import { MAX_PUSH_MUTATIONS, pushResponseSchema, visitPackSchema } from "@/lib/sync/protocol";
import { newId } from "@/lib/utils/ids";

import { DEMO_PASSWORD } from "./helpers";
import { passingValue } from "../helpers/phone-visit";

export type Jpeg = { id: string; bytes: Buffer };

/** A real JPEG of a coloured "scene" with a label, drawn by the browser (the server checks real bytes). */
export async function drawJpeg(page: Page, label: string, hue: number): Promise<Jpeg> {
  const base64 = await page.evaluate(
    async ({ label, hue }) => {
      const canvas = new OffscreenCanvas(640, 480);
      const g = canvas.getContext("2d")!;
      g.fillStyle = `hsl(${hue} 40% 78%)`;
      g.fillRect(0, 0, 640, 300);
      g.fillStyle = `hsl(${hue} 35% 42%)`;
      g.fillRect(0, 300, 640, 180);
      g.fillStyle = "#111";
      g.font = "36px sans-serif";
      g.fillText(label, 24, 60);
      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    },
    { label, hue },
  );
  const bytes = Buffer.from(base64, "base64");
  return { id: createHash("sha256").update(bytes).digest("hex"), bytes };
}

export async function signInOverHttp(
  request: APIRequestContext,
  username: string,
): Promise<string> {
  const response = await request.post("/api/auth/sign-in/username", {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { user: { id: string } };
  return body.user.id;
}

export type VisitFindings = { deadline: number; onSite: number };

type Builder = {
  visit: Visit;
  mutations: Mutation[];
  photos: Jpeg[];
  clock: number;
};

/**
 * A routine visit of `schoolName` on `templateCode`: every applicable item answered; the first
 * items whose default is 限期整改 (and need a photo on failure) fail, as many as asked, then the
 * 立行立改 ones with an after-photo; items that always need a photo get one; both signatures.
 * Returns the visit id once the server has applied every mutation.
 */
export async function pushVisit(options: {
  request: APIRequestContext;
  page: Page;
  inspectorId: string;
  schoolName: string;
  templateCode: string;
  findings: VisitFindings;
}): Promise<{ visitId: string; school: PackSchool; failed: TemplateItem[] }> {
  const { request, page, inspectorId } = options;
  const packResponse = await request.get("/api/inspect/pack");
  expect(packResponse.ok()).toBe(true);
  const pack = visitPackSchema.parse(await packResponse.json());
  const school = pack.schools.find((s) => s.name === options.schoolName);
  const template = pack.templates
    .filter((t): t is Template => t.code === options.templateCode)
    .sort((a, b) => b.version - a.version)[0];
  if (!school || !template)
    throw new Error(`pack lacks ${options.schoolName} or ${options.templateCode}`);

  const startedAt = Date.now() - 60 * 60_000;
  const started = startVisit(
    {
      schoolId: school.id,
      inspectorId,
      kind: "routine",
      templates: [{ code: template.code, version: template.version }],
      startedAt,
      location: null,
    },
    newId,
    startedAt,
  );
  if (!started.ok) throw new Error(started.message);
  const b: Builder = {
    visit: started.visit,
    mutations: [started.mutation],
    photos: [],
    clock: startedAt,
  };
  const tick = () => (b.clock += 30_000);

  async function photo(purpose: PhotoPurpose, label: string): Promise<string> {
    const jpeg = await drawJpeg(page, label, (b.photos.length * 67) % 360);
    b.photos.push(jpeg);
    const at = tick();
    const registered = registerPhoto(
      b.visit,
      {
        id: jpeg.id,
        visitId: b.visit.id,
        mime: "image/jpeg",
        bytes: jpeg.bytes.byteLength,
        width: 640,
        height: 480,
        capturedAt: at,
        takenBy: inspectorId,
        location: null,
        purpose,
      },
      newId,
      at,
    );
    if (!registered.ok) throw new Error(registered.message);
    b.mutations.push(registered.mutation);
    return jpeg.id;
  }

  function answer(item: TemplateItem, input: Partial<AnswerInput>): void {
    const saved = setAnswer(
      b.visit,
      {
        templateCode: template!.code,
        itemCode: item.code,
        result: "pass",
        value: null,
        note: "",
        photoIds: [],
        finding: null,
        ...input,
      },
      newId,
      tick(),
    );
    if (!saved.ok) throw new Error(saved.message);
    b.mutations.push(saved.mutation);
  }

  const failed: TemplateItem[] = [];
  let deadlines = 0;
  let onSite = 0;
  for (const item of applicableItems(template, school)) {
    const failsByDeadline =
      deadlines < options.findings.deadline &&
      item.evidence === "photo_on_fail" &&
      item.rectification.mode === "deadline";
    const failsOnSite =
      onSite < options.findings.onSite &&
      item.evidence === "photo_on_fail" &&
      item.rectification.mode === "on_site";
    if (failsByDeadline) {
      deadlines += 1;
      failed.push(item);
      answer(item, {
        result: "fail",
        note: `现场发现问题 ${deadlines}`,
        photoIds: [await photo("answer", `问题 ${deadlines}`)],
      });
    } else if (failsOnSite) {
      onSite += 1;
      failed.push(item);
      const before = await photo("answer", "立行立改 整改前");
      const after = await photo("after", "立行立改 整改后");
      answer(item, {
        result: "fail",
        note: "当场整改",
        photoIds: [before],
        finding: {
          severity: item.severity,
          rectification: { mode: "on_site", afterPhotoIds: [after] },
          requiredAction: "",
        },
      });
    } else {
      answer(item, {
        value: passingValue(item),
        photoIds: item.evidence === "photo_always" ? [await photo("answer", item.code)] : [],
      });
    }
  }
  if (deadlines < options.findings.deadline || onSite < options.findings.onSite) {
    throw new Error(`${template.code} has too few items to fail as asked`);
  }
  const signedAt = tick();
  const submitted = submitVisit(
    b.visit,
    {
      signatures: {
        inspector: { photoId: await photo("signature", "督学签名"), name: "王建国", signedAt },
        school: {
          photoId: await photo("signature", "学校签名"),
          name: "赵明",
          title: "校长",
          signedAt,
        },
      },
      summary: "整体情况良好，发现问题已当场反馈。",
    },
    newId,
    tick(),
  );
  if (!submitted.ok) throw new Error(submitted.message);
  b.mutations.push(submitted.mutation);

  // Photos first, as the phone does: the server checks every reference when it applies a mutation.
  for (const jpeg of b.photos) {
    const put = await request.put(`/api/photos/${jpeg.id}`, {
      headers: { "content-type": "image/jpeg" },
      data: jpeg.bytes,
    });
    expect([200, 201]).toContain(put.status());
  }
  const clientId = newId();
  for (let i = 0; i < b.mutations.length; i += MAX_PUSH_MUTATIONS) {
    const mutations = b.mutations.slice(i, i + MAX_PUSH_MUTATIONS);
    const push = await request.post("/api/sync/push", { data: { clientId, mutations } });
    expect(push.ok(), await push.text()).toBe(true);
    const { results } = pushResponseSchema.parse(await push.json());
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(results).toHaveLength(mutations.length);
  }
  return { visitId: b.visit.id, school, failed };
}
