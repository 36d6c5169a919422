import { RANKING_FORMULA, type SchoolRank, type ZoneRank } from "../analytics/ranking";
import { chineseDate } from "../dates";
import { monthLabel, type Month } from "../month";
import { type DocumentBlock, type OfficialDocument, paragraph } from "./document";
import { supervisionOffice } from "./notice";
import type { DateString } from "../visit/answer.schema";

export type BulletinInput = {
  districtName: string;
  month: Month;
  /** The day lateness was judged on (the month's last day, or today). */
  asOf: DateString;
  /** 成文日期. */
  issuedOn: DateString;
  schools: readonly SchoolRank[];
  zones: readonly ZoneRank[];
  totals: { visits: number; findings: number; closed: number; late: number };
};

/** How many schools the 通报 names at each end of the ranking when there are many. */
export const BULLETIN_ENDS = 10;
const UNVISITED_NAMED = 50;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function schoolRow(s: SchoolRank) {
  const findings = s.findings.minor + s.findings.major + s.findings.critical;
  return {
    cells: [
      String(s.rank ?? "—"),
      s.schoolName,
      s.zoneName ?? "—",
      String(findings),
      String(s.late),
      String(s.repeats),
      String(s.score),
    ],
    emphasis: false,
  };
}

/**
 * 督导通报 for a month (一月一排名一通报): the same 公文 layout as the 整改通知书 — 版头 with the
 * office and 文号, title, 主送, body, ranking tables, 署名 and 成文日期 with the seal.
 */
export function bulletinDocument(input: BulletinInput): OfficialDocument {
  const issuer = supervisionOffice(input.districtName);
  const [year, m] = input.month.split("-").map(Number) as [number, number];
  const label = monthLabel(input.month);
  const ranked = input.schools.filter((s) => s.rank !== null);
  const unvisited = input.schools.filter((s) => s.rank === null);
  const all = input.schools.length;
  const visited = ranked.length;
  const many = ranked.length > BULLETIN_ENDS * 2;
  const schoolColumns = ["名次", "学校", "责任区", "问题数", "逾期", "屡犯", "得分"];
  const blocks: DocumentBlock[] = [
    { kind: "masthead", issuer, number: `督导通报〔${year}〕第${m}期` },
    { kind: "title", text: `关于${label}责任督学挂牌督导情况的通报` },
    { kind: "paragraph", spans: [{ text: "各中小学校、幼儿园，各督学责任区：" }], indent: false },
    paragraph(
      `${label}，本室责任督学对全区 ${all} 所学校开展督导检查 ${input.totals.visits} 次，` +
        `督导学校 ${visited} 所，覆盖率 ${all === 0 ? "0%" : percent(visited / all)}；` +
        `发现问题 ${input.totals.findings} 个，截至${chineseDate(input.asOf)}已销号 ${input.totals.closed} 个，` +
        `未按期整改 ${input.totals.late} 个。按照“一月一排名一通报”的要求，现将有关情况通报如下。`,
    ),
    { kind: "heading", text: "一、排名办法" },
    paragraph(RANKING_FORMULA),
    { kind: "heading", text: "二、督学责任区排名" },
    {
      kind: "table",
      columns: ["名次", "责任区", "学校数", "督导学校数", "覆盖率", "平均得分"],
      rows: input.zones.map((z) => ({
        cells: [
          String(z.rank ?? "—"),
          z.zoneName,
          String(z.schools),
          String(z.visitedSchools),
          percent(z.coverage),
          z.score === null ? "—" : String(z.score),
        ],
        emphasis: false,
      })),
    },
    { kind: "heading", text: "三、学校排名" },
    ...(ranked.length === 0
      ? [paragraph("本月没有学校接受督导。")]
      : many
        ? [
            paragraph(`排名前 ${BULLETIN_ENDS} 位的学校：`),
            {
              kind: "table",
              columns: schoolColumns,
              rows: ranked.slice(0, BULLETIN_ENDS).map(schoolRow),
            } satisfies DocumentBlock,
            paragraph(`排名后 ${BULLETIN_ENDS} 位的学校：`),
            {
              kind: "table",
              columns: schoolColumns,
              rows: ranked.slice(-BULLETIN_ENDS).map(schoolRow),
            } satisfies DocumentBlock,
          ]
        : [
            {
              kind: "table",
              columns: schoolColumns,
              rows: ranked.map(schoolRow),
            } satisfies DocumentBlock,
          ]),
    ...(unvisited.length > 0
      ? [
          { kind: "heading", text: "四、本月未接受督导的学校" } satisfies DocumentBlock,
          paragraph(
            unvisited
              .slice(0, UNVISITED_NAMED)
              .map((s) => s.schoolName)
              .join("、") +
              (unvisited.length > UNVISITED_NAMED ? `等 ${unvisited.length} 所。` : "。") +
              "请相关责任区督学下月优先安排督导。",
          ),
        ]
      : []),
    { kind: "heading", text: unvisited.length > 0 ? "五、工作要求" : "四、工作要求" },
    paragraph(
      "各学校要对照督导发现的问题逐项整改，在整改期限内通过督学巡检系统提交整改报告；" +
        "排名靠后和存在逾期、屡查屡犯问题的学校，要分析原因、压实责任，防止问题反弹。" +
        "各责任区督学要按月完成挂牌督导，及时复查整改情况。",
    ),
    {
      kind: "signOff",
      signatures: [],
      issuer,
      date: chineseDate(input.issuedOn),
      seal: true,
      qr: null,
    },
  ];
  return {
    name: `督导通报 ${label}`,
    footer: `${issuer} · 督导通报 ${label}`,
    draftNotice: null,
    blocks,
  };
}
