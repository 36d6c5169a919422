"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { DistrictView, Person, ZoneView } from "@/lib/domain/org/people";
import { useApiAction } from "@/lib/hooks/api-client";
import { orgApi } from "@/lib/hooks/use-org";

import { DistrictPicker } from "@/components/org/district-picker";
import { FailureText } from "@/components/org/failure-text";
import { SchoolZoneSelect } from "@/components/org/school-zone-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

type SchoolRow = {
  id: string;
  code: string;
  name: string;
  zoneId: string | null;
  districtId: string;
};

/**
 * 督学责任区 and assignments: which inspectors look after each zone, and which zone each school is
 * in. A school moved to another zone leaves the old inspectors' next visit pack.
 */
export function ZonesScreen({
  zones,
  districts,
  inspectors,
  schools,
  canWrite,
}: {
  zones: ZoneView[];
  districts: DistrictView[];
  inspectors: Person[];
  schools: SchoolRow[];
  canWrite: boolean;
}) {
  return (
    <div className="space-y-4">
      {canWrite ? <CreateZone districts={districts} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {zones.map((zone) => (
          <ZoneCard
            key={zone.id}
            zone={zone}
            inspectors={inspectors.filter((i) => i.districtId === zone.districtId && i.active)}
            canWrite={canWrite}
          />
        ))}
      </div>
      <Card className="overflow-x-auto p-0">
        <h2 className="px-4 pt-3 font-medium text-slate-900">学校所属责任区</h2>
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="px-4 py-2 font-medium">学校代码</th>
              <th className="px-4 py-2 font-medium">学校</th>
              <th className="px-4 py-2 font-medium">督学责任区</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {schools.map((school) => (
              <SchoolZoneRow
                key={school.id}
                school={school}
                zones={zones.filter(
                  (z) => z.districtId === school.districtId && (z.active || z.id === school.zoneId),
                )}
                canWrite={canWrite}
              />
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

function CreateZone({ districts }: { districts: DistrictView[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [districtId, setDistrictId] = useState(districts[0]?.id ?? "");
  const { run, pending, failure } = useApiAction();
  const create = async () => {
    if (await run(() => orgApi.createZone(districtId, name))) {
      setName("");
      router.refresh();
    }
  };
  return (
    <Card className="flex flex-wrap items-end gap-2">
      <DistrictPicker
        districts={districts}
        value={districtId}
        onChange={setDistrictId}
        className="w-40"
      />
      <Input
        aria-label="新责任区名称"
        placeholder="新责任区名称"
        value={name}
        onChange={(e) => setName(e.target.value)}
        className="w-56"
      />
      <Button disabled={pending} onClick={() => void create()}>
        新建责任区
      </Button>
      <FailureText failure={failure} className="w-full" />
    </Card>
  );
}

function ZoneCard({
  zone,
  inspectors,
  canWrite,
}: {
  zone: ZoneView;
  inspectors: Person[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState(new Set(zone.inspectorIds));
  const { run, pending, failure } = useApiAction();
  const save = async () => {
    if (await run(() => orgApi.setZoneInspectors(zone.id, [...chosen]))) router.refresh();
  };
  const toggleActive = async () => {
    if (await run(() => orgApi.updateZone(zone.id, { active: !zone.active }))) router.refresh();
  };
  return (
    <Card className={zone.active ? "" : "opacity-60"}>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-medium text-slate-900">
          {zone.name}
          {zone.active ? "" : "（已停用）"}
        </h2>
        <span className="text-sm text-slate-500">{zone.schoolCount} 所学校</span>
      </div>
      <fieldset disabled={!canWrite || !zone.active} className="flex flex-wrap gap-3">
        <legend className="sr-only">{zone.name}的责任督学</legend>
        {inspectors.map((inspector) => (
          <label key={inspector.id} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(inspector.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(inspector.id);
                else next.delete(inspector.id);
                setChosen(next);
              }}
            />
            {inspector.name}
          </label>
        ))}
        {inspectors.length === 0 ? (
          <span className="text-sm text-slate-500">本区县还没有督学账号</span>
        ) : null}
      </fieldset>
      {canWrite ? (
        <div className="mt-3 flex gap-2">
          {zone.active ? (
            <Button size="sm" disabled={pending} onClick={() => void save()}>
              保存责任督学
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => void toggleActive()}
          >
            {zone.active ? "停用责任区" : "启用责任区"}
          </Button>
        </div>
      ) : null}
      <FailureText failure={failure} className="mt-2" />
    </Card>
  );
}

function SchoolZoneRow({
  school,
  zones,
  canWrite,
}: {
  school: SchoolRow;
  zones: ZoneView[];
  canWrite: boolean;
}) {
  return (
    <tr>
      <td className="px-4 py-2 font-mono">{school.code}</td>
      <td className="px-4 py-2">{school.name}</td>
      <td className="px-4 py-2">
        <SchoolZoneSelect school={school} zones={zones} disabled={!canWrite} className="w-48" />
      </td>
    </tr>
  );
}
