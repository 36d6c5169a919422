/**
 * 一月一排名: the monthly ranking of schools and 督学责任区 (docs/analytics.md gives the same
 * formula in words; the ranking page prints it). Pure: the server counts, this scores and orders.
 */
import type { Severity } from "../template/template.schema";

/** Points deducted per finding of each severity. */
export const SEVERITY_POINTS: Record<Severity, number> = { minor: 1, major: 3, critical: 5 };
/** Points deducted per finding whose deadline the school missed (逾期). */
export const LATE_POINTS = 2;
/** Points deducted per repeat finding (屡查屡犯). */
export const REPEAT_POINTS = 3;
export const FULL_SCORE = 100;

/** The formula as the page and the 通报 print it. */
export const RANKING_FORMULA =
  `学校得分 = ${FULL_SCORE} − 问题扣分 − 逾期扣分 − 屡犯扣分（最低 0 分）。` +
  `问题扣分：当月督导发现的问题，一般每个 ${SEVERITY_POINTS.minor} 分、较重 ${SEVERITY_POINTS.major} 分、` +
  `重大 ${SEVERITY_POINTS.critical} 分；逾期扣分：其中截至排名日未按期整改（超过整改期限仍未销号，` +
  `且未在期限内提交整改报告）的每个 ${LATE_POINTS} 分；屡犯扣分：其中同一检查项在本校销号后再次被发现的` +
  `每个 ${REPEAT_POINTS} 分。当月未接受督导的学校不参与排名。得分相同者名次相同。` +
  `责任区得分为区内参与排名学校得分的平均值，同时列出督导覆盖率（当月督导学校数 / 学校总数）。`;

/** What the server counts for one school in the month (cancelled findings are left out). */
export type SchoolMonth = {
  schoolId: string;
  schoolName: string;
  zoneId: string | null;
  zoneName: string | null;
  /** Submitted visits in the month; 0 = not visited, not ranked. */
  visits: number;
  findings: Record<Severity, number>;
  late: number;
  repeats: number;
};

export type SchoolRank = SchoolMonth & {
  findingPoints: number;
  latePoints: number;
  repeatPoints: number;
  score: number;
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). Null when not visited in the month. */
  rank: number | null;
};

export function schoolScore(
  month: Omit<SchoolMonth, "schoolId" | "schoolName" | "zoneId" | "zoneName">,
): {
  findingPoints: number;
  latePoints: number;
  repeatPoints: number;
  score: number;
} {
  const findingPoints =
    month.findings.minor * SEVERITY_POINTS.minor +
    month.findings.major * SEVERITY_POINTS.major +
    month.findings.critical * SEVERITY_POINTS.critical;
  const latePoints = month.late * LATE_POINTS;
  const repeatPoints = month.repeats * REPEAT_POINTS;
  return {
    findingPoints,
    latePoints,
    repeatPoints,
    score: Math.max(0, FULL_SCORE - findingPoints - latePoints - repeatPoints),
  };
}

/** Competition ranking (1, 2, 2, 4) of items already sorted best first by `score`. */
function competitionRanks<T extends { score: number }>(sorted: readonly T[]): number[] {
  return sorted.map((entry, i) => {
    let first = i;
    while (first > 0 && sorted[first - 1]!.score === entry.score) first -= 1;
    return first + 1;
  });
}

/** Schools best first; the unvisited follow, unranked, by name. */
export function rankSchools(months: readonly SchoolMonth[]): SchoolRank[] {
  const scored = months.map((m) => ({ ...m, ...schoolScore(m) }));
  const byName = (a: { schoolName: string }, b: { schoolName: string }) =>
    a.schoolName.localeCompare(b.schoolName, "zh-CN");
  const visited = scored
    .filter((s) => s.visits > 0)
    .sort((a, b) => b.score - a.score || byName(a, b));
  const ranks = competitionRanks(visited);
  const unvisited = scored.filter((s) => s.visits === 0).sort(byName);
  return [
    ...visited.map((s, i) => ({ ...s, rank: ranks[i]! })),
    ...unvisited.map((s) => ({ ...s, rank: null })),
  ];
}

export type ZoneRank = {
  zoneId: string;
  zoneName: string;
  schools: number;
  visitedSchools: number;
  /** visitedSchools / schools. */
  coverage: number;
  /** Mean score of its ranked schools, one decimal; null when none was visited. */
  score: number | null;
  rank: number | null;
};

/** Zones best first by their schools' mean score; zones with no visited school follow, unranked. */
export function rankZones(schools: readonly SchoolRank[]): ZoneRank[] {
  const zones = new Map<string, { zoneName: string; all: number; scores: number[] }>();
  for (const s of schools) {
    if (s.zoneId === null) continue;
    const zone = zones.get(s.zoneId) ?? { zoneName: s.zoneName ?? "", all: 0, scores: [] };
    zone.all += 1;
    if (s.rank !== null) zone.scores.push(s.score);
    zones.set(s.zoneId, zone);
  }
  const rows = [...zones.entries()].map(([zoneId, z]) => ({
    zoneId,
    zoneName: z.zoneName,
    schools: z.all,
    visitedSchools: z.scores.length,
    coverage: z.all === 0 ? 0 : z.scores.length / z.all,
    score:
      z.scores.length === 0
        ? null
        : Math.round((z.scores.reduce((a, b) => a + b, 0) / z.scores.length) * 10) / 10,
  }));
  const byName = (a: { zoneName: string }, b: { zoneName: string }) =>
    a.zoneName.localeCompare(b.zoneName, "zh-CN");
  const scored = rows
    .filter((r): r is typeof r & { score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || byName(a, b));
  const ranks = competitionRanks(scored);
  return [
    ...scored.map((r, i) => ({ ...r, rank: ranks[i]! })),
    ...rows
      .filter((r) => r.score === null)
      .sort(byName)
      .map((r) => ({ ...r, rank: null })),
  ];
}
