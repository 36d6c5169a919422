/**
 * A visit made on a "phone": the mutations and photos the app's own domain functions produce, in
 * order, against the built-in checklist library. No server code, so the bench can use it too.
 */

import type { Mutation } from "@/lib/domain/mutations";
import type { School } from "@/lib/domain/org/org.schema";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template, TemplateItem } from "@/lib/domain/template/template.schema";
import {
  registerPhoto,
  setAnswer,
  startVisit,
  submitVisit,
  type AnswerInput,
} from "@/lib/domain/visit/visit";
import type {
  PhotoAnnotation,
  PhotoPurpose,
  Visit,
  VisitSignatures,
} from "@/lib/domain/visit/visit.schema";
import { demoPhoto } from "@/lib/server/seed/demo-photos";
import { newId } from "@/lib/utils/ids";

const MINUTE = 60_000;

export type TestPhoto = { id: string; bytes: Uint8Array };

/** A distinct real PNG (the label is written into it): the server decodes every upload. */
export function aTestPhoto(label: string): TestPhoto {
  const { id, bytes } = demoPhoto(0, `photo ${encodeURIComponent(label)}`);
  return { id, bytes: new Uint8Array(bytes) };
}

/** The phone's side of a visit: mutations made with the app's own domain functions, in order. */
export class PhoneVisit {
  readonly mutations: Mutation[] = [];
  readonly photos: TestPhoto[] = [];
  visit: Visit;
  private clock: number;

  constructor(
    readonly inspectorId: string,
    readonly school: School,
    readonly templates: readonly Template[],
    startedAt: number,
  ) {
    this.clock = startedAt;
    const started = startVisit(
      {
        schoolId: school.id,
        inspectorId,
        kind: "routine",
        templates: templates.map((t) => ({ code: t.code, version: t.version })),
        startedAt,
        location: null,
      },
      newId,
      startedAt,
    );
    if (!started.ok) throw new Error(started.message);
    this.visit = started.visit;
    this.mutations.push(started.mutation);
  }

  private tick(): number {
    this.clock += MINUTE;
    return this.clock;
  }

  /**
   * Takes a photo: its bytes to upload and its "photo.register" mutation. With `annotation` it is
   * an annotated copy of a photo taken before.
   */
  photo(
    purpose: PhotoPurpose,
    photo = aTestPhoto(`${this.visit.id} ${this.photos.length} ${purpose}`),
    annotation?: PhotoAnnotation,
  ): string {
    this.photos.push(photo);
    const at = this.tick();
    const registered = registerPhoto(
      this.visit,
      {
        id: photo.id,
        visitId: this.visit.id,
        mime: "image/jpeg",
        bytes: photo.bytes.byteLength,
        width: 1600,
        height: 1200,
        capturedAt: at,
        takenBy: this.inspectorId,
        location: null,
        purpose,
        ...(annotation ? { annotation } : {}),
      },
      newId,
      at,
    );
    if (!registered.ok) throw new Error(registered.message);
    this.mutations.push(registered.mutation);
    return photo.id;
  }

  answer(template: Template, item: TemplateItem, input: Partial<AnswerInput> = {}): void {
    const saved = setAnswer(
      this.visit,
      {
        templateCode: template.code,
        itemCode: item.code,
        result: "pass",
        value: null,
        note: "",
        photoIds: [],
        finding: null,
        ...input,
      },
      newId,
      this.tick(),
    );
    if (!saved.ok) throw new Error(saved.message);
    this.mutations.push(saved.mutation);
  }

  /** Both signatures; the inspector signs under the account's name (the seeded inspector1's by default). */
  signatures(inspectorName = "王建国"): VisitSignatures {
    const at = this.clock;
    return {
      inspector: { photoId: this.photo("signature"), name: inspectorName, signedAt: at },
      school: { photoId: this.photo("signature"), name: "赵明", title: "校长", signedAt: at },
    };
  }

  submit(signatures: VisitSignatures = this.signatures()): void {
    const submitted = submitVisit(
      this.visit,
      { signatures, summary: "整体情况良好，发现问题已当场反馈。" },
      newId,
      this.tick(),
    );
    if (!submitted.ok) throw new Error(submitted.message);
    this.visit = submitted.visit;
    this.mutations.push(submitted.mutation);
  }
}

/** A number item's reading that keeps its rule (null for other items), so it answers 符合. */
export function passingValue(item: TemplateItem): number | null {
  if (item.response.type !== "number") return null;
  const { op, value } = item.response.rule;
  return op === "lt" ? value - 1 : op === "gt" ? value + 1 : value;
}

/** The findings a full visit records, by the item's default rectification. */
export const FULL_VISIT_FINDINGS = { deadline: 3, onSite: 1 };

/**
 * A complete visit of one template: every applicable item answered; items that always need a photo
 * get one; three 不符合 with deadlines and one fixed on site (with its after-photo); both signatures.
 */
export function aFullVisit(
  inspectorId: string,
  school: School,
  template: Template,
  startedAt: number,
): PhoneVisit {
  const phone = new PhoneVisit(inspectorId, school, [template], startedAt);
  let deadlines = 0;
  let onSite = 0;
  for (const item of applicableItems(template, school)) {
    const failsByDeadline =
      deadlines < FULL_VISIT_FINDINGS.deadline &&
      item.evidence === "photo_on_fail" &&
      item.rectification.mode === "deadline";
    const failsOnSite =
      onSite < FULL_VISIT_FINDINGS.onSite &&
      item.evidence === "photo_on_fail" &&
      item.rectification.mode === "on_site";
    if (failsByDeadline) {
      deadlines += 1;
      phone.answer(template, item, {
        result: "fail",
        note: `现场发现问题 ${deadlines}`,
        photoIds: [phone.photo("answer")],
      });
    } else if (failsOnSite) {
      onSite += 1;
      const before = phone.photo("answer");
      const after = phone.photo("after");
      phone.answer(template, item, {
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
      const photoIds = item.evidence === "photo_always" ? [phone.photo("answer")] : [];
      phone.answer(template, item, { photoIds, value: passingValue(item) });
    }
  }
  phone.submit();
  return phone;
}
