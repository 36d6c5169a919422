import {
  CANTEEN_LABELS,
  OWNERSHIP_LABELS,
  type School,
  STAGE_LABELS,
} from "@/lib/domain/org/org.schema";

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
