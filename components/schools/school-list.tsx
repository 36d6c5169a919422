import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import { SCHOOL_FIELD_LABELS } from "@/lib/domain/org/org.labels";
import type { School } from "@/lib/domain/org/org.schema";

import { Card } from "@/components/ui/card";

/** The attributes that decide which checks apply, as short tags. */
export function schoolTags(school: School): string[] {
  return [
    STAGE_LABELS[school.stage],
    OWNERSHIP_LABELS[school.ownership],
    ...(school.isVillage ? ["村小"] : []),
    ...(school.isBoarding ? ["寄宿制"] : []),
    CANTEEN_LABELS[school.canteen],
    ...(school.hasSchoolBus ? ["有校车"] : []),
  ];
}

export function SchoolList({ schools }: { schools: School[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {schools.map((school) => (
        <li key={school.id}>
          <Card>
            <p className="font-medium text-slate-900">{school.name}</p>
            <p className="mt-0.5 text-xs text-slate-500">
              {school.address} · {school.studentCount} 名学生 · {school.classCount} 个班
            </p>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {schoolTags(school).map((tag) => (
                <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                  {tag}
                </li>
              ))}
            </ul>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** A school's record read-only (a 市级督导室 reads every district's schools and changes none). */
export function SchoolFacts({ school, zoneName }: { school: School; zoneName?: string }) {
  const facts: [string, string][] = [
    [SCHOOL_FIELD_LABELS.name, school.name],
    [SCHOOL_FIELD_LABELS.code, school.code],
    [SCHOOL_FIELD_LABELS.zoneId, zoneName ?? "未分配"],
    [SCHOOL_FIELD_LABELS.address, school.address],
    [SCHOOL_FIELD_LABELS.stage, STAGE_LABELS[school.stage]],
    [SCHOOL_FIELD_LABELS.ownership, OWNERSHIP_LABELS[school.ownership]],
    [SCHOOL_FIELD_LABELS.canteen, CANTEEN_LABELS[school.canteen]],
    [SCHOOL_FIELD_LABELS.isVillage, school.isVillage ? "是" : "否"],
    [SCHOOL_FIELD_LABELS.isBoarding, school.isBoarding ? "是" : "否"],
    [SCHOOL_FIELD_LABELS.hasSchoolBus, school.hasSchoolBus ? "有" : "无"],
    [SCHOOL_FIELD_LABELS.studentCount, String(school.studentCount)],
    [SCHOOL_FIELD_LABELS.classCount, String(school.classCount)],
    [SCHOOL_FIELD_LABELS.principal, school.principal],
    [SCHOOL_FIELD_LABELS.contact, school.contact],
    [SCHOOL_FIELD_LABELS.phone, school.phone],
  ];
  return (
    <Card>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value || "—"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
