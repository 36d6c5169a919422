/**
 * The first-start checklist of a real deployment (/office/setup): which of the six steps a district
 * still lacks, derived from its data alone — so any step can be left and resumed, by anyone.
 */
export type SetupFacts = {
  /** The district being set up, or null when there is none yet. */
  district: { id: string; name: string } | null;
  activeSchools: number;
  schoolsWithoutZone: number;
  zones: number;
  inspectors: number;
  /** Zones with no 责任督学 assigned. */
  zonesWithoutInspector: number;
  /** Active schools with no school account. */
  schoolsWithoutAccount: number;
  adoptedTemplates: number;
  hasDeadlinePolicy: boolean;
};

export type SetupStep = {
  key: "district" | "schools" | "zones" | "accounts" | "templates" | "deadlines";
  title: string;
  isDone: boolean;
  /** What is there, or what is missing, in one sentence. */
  status: string;
  href: string;
  action: string;
};

export function setupSteps(facts: SetupFacts): SetupStep[] {
  const d = facts.district;
  const inDistrict = (path: string) => (d ? `${path}?district=${d.id}` : path);
  return [
    {
      key: "district",
      title: "区县（和所属市）",
      isDone: d !== null,
      status: d ? `已创建：${d.name}` : "还没有区县",
      href: "/office/districts",
      action: d ? "管理区县" : "创建区县",
    },
    {
      key: "schools",
      title: "导入学校",
      isDone: facts.activeSchools > 0,
      status: facts.activeSchools > 0 ? `已有 ${facts.activeSchools} 所学校` : "还没有学校",
      href: inDistrict("/office/schools/import"),
      action: "从 Excel 导入学校",
    },
    {
      key: "zones",
      title: "督学责任区和督学",
      isDone:
        facts.zones > 0 &&
        facts.inspectors > 0 &&
        facts.schoolsWithoutZone === 0 &&
        facts.zonesWithoutInspector === 0,
      status:
        facts.zones === 0
          ? "还没有督学责任区"
          : facts.inspectors === 0
            ? `${facts.zones} 个责任区，还没有督学`
            : [
                `${facts.zones} 个责任区、${facts.inspectors} 名督学`,
                facts.schoolsWithoutZone > 0
                  ? `${facts.schoolsWithoutZone} 所学校未分配责任区`
                  : null,
                facts.zonesWithoutInspector > 0
                  ? `${facts.zonesWithoutInspector} 个责任区没有督学`
                  : null,
              ]
                .filter(Boolean)
                .join("；"),
      href: "/office/zones",
      action: "设置责任区和督学",
    },
    {
      key: "accounts",
      title: "学校账号",
      isDone: facts.activeSchools > 0 && facts.schoolsWithoutAccount === 0,
      status:
        facts.activeSchools === 0
          ? "先导入学校"
          : facts.schoolsWithoutAccount === 0
            ? "每所学校都有账号"
            : `${facts.schoolsWithoutAccount} 所学校还没有账号`,
      href: "/office/people",
      action: "为所有学校生成账号",
    },
    {
      key: "templates",
      title: "采用检查模板",
      isDone: facts.adoptedTemplates > 0,
      status:
        facts.adoptedTemplates > 0
          ? `已采用 ${facts.adoptedTemplates} 个模板`
          : "还没有采用检查模板",
      href: "/office/templates",
      action: "从模板库采用",
    },
    {
      key: "deadlines",
      title: "整改期限",
      isDone: facts.hasDeadlinePolicy,
      status: facts.hasDeadlinePolicy ? "已设定" : "未设定（目前按默认期限）",
      href: "/office/settings",
      action: "设定整改期限",
    },
  ];
}
