/**
 * The conflict list: changes the server refused, each with its refusal (the code decides what the
 * inspector is told to do about it) and where it belongs. Kept until retried or discarded.
 */
import type { Mutation } from "@/lib/domain/mutations";
import type { Refusal } from "@/lib/domain/refusal";
import { REFUSAL_ADVICE } from "@/lib/domain/refusal.labels";
import type { AppStores } from "@/lib/offline/stores";

export type Conflict = {
  mutation: Mutation;
  refusal: Refusal;
  /** What to do about it, by the refusal's code. */
  advice: string;
  rejectedAt: number | null;
  schoolName: string | null;
};

/** A rejected record always has its refusal; this covers one written by a broken older build. */
const UNKNOWN_REFUSAL: Refusal = { code: "conflict", message: "服务器拒绝了此更改" };

export async function listConflicts(
  stores: Pick<AppStores, "outbox" | "visits" | "pack">,
): Promise<Conflict[]> {
  const [rejected, visits, schools, items] = await Promise.all([
    stores.outbox.listRejected(),
    stores.visits.list(),
    stores.pack.listSchools(),
    stores.pack.listOpenItems(),
  ]);
  const schoolOfVisit = new Map(visits.map((v) => [v.id, v.schoolId]));
  const schoolOfItem = new Map(items.map((i) => [i.id, i.schoolId]));
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return rejected.map((entry) => {
    const { mutation } = entry;
    const schoolId =
      mutation.name === "rectification.act"
        ? schoolOfItem.get(mutation.args.itemId)
        : entry.visitId === undefined
          ? undefined
          : schoolOfVisit.get(entry.visitId);
    const why = entry.refusal ?? UNKNOWN_REFUSAL;
    return {
      mutation,
      refusal: why,
      advice: REFUSAL_ADVICE[why.code],
      rejectedAt: entry.rejectedAt,
      schoolName: schoolId === undefined ? null : (names.get(schoolId) ?? null),
    };
  });
}
