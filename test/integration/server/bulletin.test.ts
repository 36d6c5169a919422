/**
 * 一月一排名一通报 on the demo district: the month's ranking, and the 督导通报 PDF, whose text
 * (pdf-parse) carries the 公文 parts and the ranking in its order.
 */
import { eq, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { monthOf } from "@/lib/domain/analytics/filters";
import { toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { bulletinPdfFor, getMonthlyRanking } from "@/lib/server/analytics/ranking";
import { visits } from "@/lib/server/db/schema";
import { seedDemo } from "@/lib/server/seed/seed";
import { systemClock } from "@/lib/utils/clock";

import { pageTexts } from "../../helpers/pdf-pages";
import { domainUser } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let office: User;
/** The month of the demo's latest submitted visit: early in a month the current one may have none. */
let month: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  office = await domainUser(t.db, "office");
  const [latest] = await t.db
    .select({ at: max(visits.submittedAt) })
    .from(visits)
    .where(eq(visits.status, "submitted"));
  month = monthOf(toChinaDate(latest!.at!.getTime()));
});
afterAll(() => t.drop());

describe("the monthly ranking", () => {
  it("ranks the visited schools of the month and leaves the others unranked", async () => {
    const now = systemClock.now();
    const ranking = await getMonthlyRanking(t.db, office, month, now);
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((s) => s.visits > 0)).toBe(true);
    expect(ranking.schools.filter((s) => s.rank === null).every((s) => s.visits === 0)).toBe(true);
    expect(ranked.map((s) => s.score)).toEqual(
      [...ranked.map((s) => s.score)].sort((a, b) => b - a),
    );
    expect(ranking.zones).toHaveLength(3);
  });
});

describe("the 督导通报 PDF", () => {
  it("is an A4 公文 with the month's ranking, zones and schools in rank order", async () => {
    const now = systemClock.now();
    const ranking = await getMonthlyRanking(t.db, office, month, now);
    const result = await bulletinPdfFor(t.db, office, month, now);
    expect(result).not.toBeNull();
    const { pdf, filename } = result!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const [year, m] = month.split("-").map(Number);
    expect(filename).toBe(`督导通报 ${year}年${m}月.pdf`);
    const text = (await pageTexts(pdf)).join("");
    // 版头, 文号, title, 主送, the formula, both rankings, 署名.
    for (const part of [
      "示范区人民政府教育督导室",
      `督导通报〔${year}〕第${m}期`,
      `关于${year}年${m}月责任督学挂牌督导情况的通报`,
      "各中小学校、幼儿园，各督学责任区：",
      "一、排名办法",
      "学校得分=100",
      "二、督学责任区排名",
      "三、学校排名",
    ]) {
      expect(text).toContain(part);
    }
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    const positions = ranked.map((s) => text.indexOf(s.schoolName.replace(/\s+/g, "")));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const zonePositions = ranking.zones.map((z) => text.indexOf(z.zoneName));
    expect(zonePositions.every((p) => p >= 0)).toBe(true);
  });

  it("is not issued for an account that speaks for no district", async () => {
    const now = systemClock.now();
    expect(await bulletinPdfFor(t.db, { ...office, districtId: null }, month, now)).toBeNull();
  });
});
