/**
 * The demo district 示范区: three 督学责任区 and thirty schools of every kind the checklists care
 * about (public and private kindergartens, 村小, boarding schools, with and without canteen or
 * school bus, a 九年一贯制 and 高中), so every applicability rule has a school to show it on.
 */
import "server-only";

import type { SchoolAttributes } from "@/lib/domain/org/org.schema";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_DISTRICT = { code: "demo", name: "示范区", noticePrefix: "示范督改" } as const;

export type DemoSchool = SchoolAttributes & {
  code: string;
  name: string;
  address: string;
  principal: string;
  zone: number;
};

const s = (
  zone: number,
  code: string,
  name: string,
  principal: string,
  address: string,
  attrs: Partial<SchoolAttributes> &
    Pick<SchoolAttributes, "stage" | "studentCount" | "classCount">,
): DemoSchool => ({
  zone,
  code,
  name,
  principal,
  address,
  ownership: "public",
  isVillage: false,
  isBoarding: false,
  canteen: "self",
  hasSchoolBus: false,
  ...attrs,
});

/** The checklists the demo district's 挂牌督导 visits propose. */
export const DEMO_ROUTINE_TEMPLATES = ["campus-safety", "school-management"];

export const DEMO_ZONES = ["城东责任区", "城西责任区", "乡镇责任区"] as const;

/** Inspectors by zone index: zone 3 (乡镇) is large and shared by two 责任督学. */
export const DEMO_INSPECTORS = [
  { username: "inspector1", name: "王建国", zones: [0] },
  { username: "inspector2", name: "李秀梅", zones: [1] },
  { username: "inspector3", name: "张志强", zones: [2] },
  { username: "inspector4", name: "刘芳", zones: [2] },
] as const;

export const DEMO_OFFICE = { username: "office", name: "陈主任（督导室）" } as const;

export const DEMO_SCHOOLS: DemoSchool[] = [
  s(0, "S01", "示范区实验小学", "赵明", "示范区建设路 12 号", {
    stage: "primary",
    studentCount: 1860,
    classCount: 36,
  }),
  s(0, "S02", "示范区第一中学", "钱伟", "示范区学府路 1 号", {
    stage: "senior",
    isBoarding: true,
    studentCount: 2400,
    classCount: 42,
  }),
  s(0, "S03", "城东幼儿园", "孙丽", "示范区东湖路 8 号", {
    stage: "kindergarten",
    studentCount: 320,
    classCount: 10,
  }),
  s(0, "S04", "阳光双语幼儿园", "周静", "示范区花园街 21 号", {
    stage: "kindergarten",
    ownership: "private",
    canteen: "contracted",
    studentCount: 210,
    classCount: 8,
  }),
  s(0, "S05", "东湖初级中学", "吴刚", "示范区东湖路 66 号", {
    stage: "junior",
    canteen: "catering",
    studentCount: 1120,
    classCount: 24,
  }),
  s(0, "S06", "育才九年一贯制学校", "郑华", "示范区育才路 3 号", {
    stage: "nine_year",
    isBoarding: true,
    hasSchoolBus: true,
    studentCount: 1650,
    classCount: 34,
  }),
  s(0, "S07", "城东第二小学", "冯军", "示范区解放路 40 号", {
    stage: "primary",
    canteen: "catering",
    studentCount: 980,
    classCount: 22,
  }),
  s(0, "S08", "明德小学", "陈敏", "示范区明德路 5 号", {
    stage: "primary",
    ownership: "private",
    canteen: "contracted",
    hasSchoolBus: true,
    studentCount: 760,
    classCount: 18,
  }),
  s(0, "S09", "示范区职业中等专业学校", "褚勇", "示范区工业大道 99 号", {
    stage: "vocational",
    isBoarding: true,
    studentCount: 1500,
    classCount: 30,
  }),
  s(0, "S10", "启智特殊教育学校", "卫红", "示范区康宁路 2 号", {
    stage: "special",
    isBoarding: true,
    hasSchoolBus: true,
    studentCount: 160,
    classCount: 14,
  }),
  s(1, "S11", "城西小学", "蒋涛", "示范区西关大街 18 号", {
    stage: "primary",
    studentCount: 2350,
    classCount: 42,
  }),
  s(1, "S12", "西山初级中学", "沈洁", "示范区西山路 9 号", {
    stage: "junior",
    isBoarding: true,
    studentCount: 1380,
    classCount: 26,
  }),
  s(1, "S13", "城西幼儿园", "韩梅", "示范区西关大街 30 号", {
    stage: "kindergarten",
    studentCount: 280,
    classCount: 9,
  }),
  s(1, "S14", "小太阳幼儿园", "杨帆", "示范区和平里 7 号", {
    stage: "kindergarten",
    ownership: "private",
    studentCount: 150,
    classCount: 6,
  }),
  s(1, "S15", "示范区第二中学", "朱峰", "示范区文昌路 88 号", {
    stage: "senior",
    isBoarding: true,
    studentCount: 2100,
    classCount: 38,
  }),
  s(1, "S16", "西关小学", "秦岚", "示范区西关后街 3 号", {
    stage: "primary",
    canteen: "none",
    studentCount: 640,
    classCount: 14,
  }),
  s(1, "S17", "新华初级中学", "尤斌", "示范区新华路 27 号", {
    stage: "junior",
    canteen: "contracted",
    studentCount: 1240,
    classCount: 25,
  }),
  s(1, "S18", "博雅外国语学校", "许琳", "示范区博雅路 1 号", {
    stage: "nine_year",
    ownership: "private",
    isBoarding: true,
    canteen: "contracted",
    hasSchoolBus: true,
    studentCount: 1980,
    classCount: 40,
  }),
  s(1, "S19", "金色童年幼儿园", "何静", "示范区金色家园 2 栋", {
    stage: "kindergarten",
    ownership: "private",
    canteen: "catering",
    studentCount: 120,
    classCount: 5,
  }),
  s(1, "S20", "城西第三小学", "吕平", "示范区槐树街 15 号", {
    stage: "primary",
    studentCount: 1420,
    classCount: 30,
  }),
  s(2, "S21", "青石镇中心小学", "施强", "青石镇政府街 6 号", {
    stage: "primary",
    isBoarding: true,
    hasSchoolBus: true,
    studentCount: 860,
    classCount: 18,
  }),
  s(2, "S22", "青石镇初级中学", "张伟", "青石镇学堂路 2 号", {
    stage: "junior",
    isBoarding: true,
    studentCount: 720,
    classCount: 15,
  }),
  s(2, "S23", "青石镇中心幼儿园", "孔燕", "青石镇政府街 10 号", {
    stage: "kindergarten",
    studentCount: 190,
    classCount: 7,
  }),
  s(2, "S24", "李家村小学", "曹勇", "青石镇李家村", {
    stage: "primary",
    isVillage: true,
    canteen: "none",
    studentCount: 86,
    classCount: 6,
  }),
  s(2, "S25", "王庄村小学", "严红", "青石镇王庄村", {
    stage: "primary",
    isVillage: true,
    canteen: "catering",
    studentCount: 120,
    classCount: 6,
  }),
  s(2, "S26", "河湾镇九年一贯制学校", "华军", "河湾镇河湾大道 1 号", {
    stage: "nine_year",
    isBoarding: true,
    hasSchoolBus: true,
    studentCount: 1100,
    classCount: 24,
  }),
  s(2, "S27", "河湾镇中心幼儿园", "金玲", "河湾镇新街 4 号", {
    stage: "kindergarten",
    hasSchoolBus: true,
    studentCount: 230,
    classCount: 8,
  }),
  s(2, "S28", "山口村教学点", "魏东", "河湾镇山口村", {
    stage: "primary",
    isVillage: true,
    canteen: "none",
    studentCount: 23,
    classCount: 3,
  }),
  s(2, "S29", "河湾镇初级中学", "陶然", "河湾镇学府路 8 号", {
    stage: "junior",
    isBoarding: true,
    studentCount: 940,
    classCount: 20,
  }),
  s(2, "S30", "柳林村小学", "姜涛", "河湾镇柳林村", {
    stage: "primary",
    isVillage: true,
    isBoarding: true,
    studentCount: 140,
    classCount: 6,
  }),
];

/** "S07" → "school07": the demo sign-in of each school. */
export function schoolUsername(code: string): string {
  return `school${code.slice(1)}`;
}

/** Printed by `npm start` and listed in the README. */
export const DEMO_SIGN_INS = [
  { role: "督导室", username: DEMO_OFFICE.username },
  ...DEMO_INSPECTORS.map((i) => ({ role: `督学（${i.name}）`, username: i.username })),
  { role: "学校（示范区实验小学；其余学校为 school02…school30）", username: schoolUsername("S01") },
];
