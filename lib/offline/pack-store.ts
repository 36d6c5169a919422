/**
 * The visit pack on the phone: assigned schools, template versions and open rectification items.
 * Replacing the pack never removes a template or school that a visit on the phone still refers to,
 * so a draft keeps working after its template version is retired. The pack is parsed as it arrives
 * (the sync engine), so its records are stored as they are and read with the cheap check.
 */
import type { Id } from "@/lib/domain/ids";
import { isOpenItem } from "@/lib/domain/rectification/open-item";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import type { Template, TemplateRef } from "@/lib/domain/template/template.schema";
import type { PackSchool, VisitPack } from "@/lib/domain/visit/visit-pack.schema";

import type { AppDb } from "./db";
import { readRecord, readRecords, warnUnreadable, type ReportUnreadable } from "./read-record";

export type PackStore = ReturnType<typeof createPackStore>;

export function createPackStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  return {
    /** Swaps in a freshly downloaded pack, in one transaction. */
    async replace(pack: VisitPack): Promise<void> {
      const tx = db.transaction(
        ["schools", "templates", "rectificationItems", "visits", "meta"],
        "readwrite",
      );
      const visitStore = tx.objectStore("visits");
      const [visitKeys, rawVisits] = await Promise.all([
        visitStore.getAllKeys(),
        visitStore.getAll(),
      ]);
      const visits = readRecords("visits", visitKeys, rawVisits, report);
      const keptSchools = new Set([
        ...visits.map((v) => v.schoolId),
        ...pack.schools.map((s) => s.id),
      ]);
      const keptTemplates = new Set(
        [...visits.flatMap((v) => v.templates), ...pack.templates].map((t) => templateKey(t)),
      );

      const schools = tx.objectStore("schools");
      for (const id of await schools.getAllKeys()) {
        if (!keptSchools.has(id)) await schools.delete(id);
      }
      for (const school of pack.schools) await schools.put(school);

      const templates = tx.objectStore("templates");
      for (const [code, version] of await templates.getAllKeys()) {
        if (!keptTemplates.has(templateKey({ code, version })))
          await templates.delete([code, version]);
      }
      for (const template of pack.templates) await templates.put(template);

      const items = tx.objectStore("rectificationItems");
      await items.clear();
      for (const item of pack.openItems.filter(isOpenItem)) await items.put(item);

      await tx.objectStore("meta").put({ key: "packGeneratedAt", value: pack.generatedAt });
      await tx.objectStore("meta").put({ key: "deadlinePolicy", value: pack.deadlinePolicy });
      await tx.objectStore("meta").put({ key: "offeredTemplates", value: pack.offered });
      await tx
        .objectStore("meta")
        .put({ key: "routineTemplates", value: pack.routineTemplates ?? [] });
      await tx.objectStore("meta").put({ key: "campaigns", value: pack.campaigns });
      await tx.done;
    },

    async listSchools(): Promise<PackSchool[]> {
      const store = db.transaction("schools").store;
      const [keys, raws] = await Promise.all([store.getAllKeys(), store.getAll()]);
      return readRecords("schools", keys, raws, report);
    },

    async getSchool(id: Id): Promise<PackSchool | undefined> {
      return readRecord("schools", id, await db.get("schools", id), report);
    },

    async listTemplates(): Promise<Template[]> {
      const store = db.transaction("templates").store;
      const [keys, raws] = await Promise.all([store.getAllKeys(), store.getAll()]);
      return readRecords("templates", keys, raws, report);
    },

    async getTemplate(ref: TemplateRef): Promise<Template | undefined> {
      const key: [string, number] = [ref.code, ref.version];
      return readRecord("templates", key, await db.get("templates", key), report);
    },

    /** Open rectification items, of one school or of all. */
    async listOpenItems(schoolId?: Id): Promise<RectificationItem[]> {
      const store = db.transaction("rectificationItems").store;
      const [keys, raws] =
        schoolId === undefined
          ? await Promise.all([store.getAllKeys(), store.getAll()])
          : await Promise.all([
              store.index("bySchoolId").getAllKeys(schoolId),
              store.index("bySchoolId").getAll(schoolId),
            ]);
      return readRecords("rectificationItems", keys, raws, report);
    },
  };
}

function templateKey(ref: TemplateRef): string {
  return `${ref.code}@${ref.version}`;
}
