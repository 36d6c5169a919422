"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { City } from "@/lib/domain/org/org.schema";
import type { DistrictView } from "@/lib/domain/org/people";
import { useApiAction } from "@/lib/hooks/api-client";
import { orgApi } from "@/lib/hooks/use-org";

import { FailureText } from "@/components/org/failure-text";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/** The admin's cities and districts: create, put a district under a city, deactivate. */
export function DistrictsScreen({
  cities,
  districts,
}: {
  cities: City[];
  districts: DistrictView[];
}) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  const [city, setCity] = useState({ code: "", name: "" });
  const [district, setDistrict] = useState({ code: "", name: "", noticePrefix: "", cityId: "" });
  const cityName = new Map(cities.map((c) => [c.id, c.name]));
  const after = (done: unknown) => {
    if (done) router.refresh();
  };
  return (
    <div className="space-y-4">
      <Card className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end">
        <Input
          aria-label="区县代码"
          placeholder="区县代码"
          value={district.code}
          onChange={(e) => setDistrict({ ...district, code: e.target.value })}
        />
        <Input
          aria-label="区县名称"
          placeholder="区县名称"
          value={district.name}
          onChange={(e) => setDistrict({ ...district, name: e.target.value })}
        />
        <Input
          aria-label="通知书文号前缀"
          placeholder="文号前缀，如 示范区督改"
          value={district.noticePrefix}
          onChange={(e) => setDistrict({ ...district, noticePrefix: e.target.value })}
        />
        <Select
          aria-label="所属市"
          value={district.cityId}
          onChange={(e) => setDistrict({ ...district, cityId: e.target.value })}
        >
          <option value="">不属于任何市</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Button
          disabled={pending}
          onClick={() =>
            void run(() =>
              orgApi.createDistrict({ ...district, cityId: district.cityId || null }),
            ).then(after)
          }
        >
          新建区县
        </Button>
      </Card>
      <Card className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Input
          aria-label="市代码"
          placeholder="市代码"
          value={city.code}
          onChange={(e) => setCity({ ...city, code: e.target.value })}
        />
        <Input
          aria-label="市名称"
          placeholder="市名称（可选层级）"
          value={city.name}
          onChange={(e) => setCity({ ...city, name: e.target.value })}
        />
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => void run(() => orgApi.createCity(city)).then(after)}
        >
          新建市
        </Button>
      </Card>
      <FailureText failure={failure} />
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">代码</th>
              <th className="px-3 py-2 font-medium">区县</th>
              <th className="px-3 py-2 font-medium">文号前缀</th>
              <th className="px-3 py-2 font-medium">所属市</th>
              <th className="px-3 py-2 font-medium">状态</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {districts.map((d) => (
              <tr key={d.id}>
                <td className="px-3 py-2 font-mono">{d.code}</td>
                <td className="px-3 py-2">{d.name}</td>
                <td className="px-3 py-2">{d.noticePrefix}</td>
                <td className="px-3 py-2">{d.cityId ? cityName.get(d.cityId) : "—"}</td>
                <td className="px-3 py-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() =>
                      void run(() => orgApi.updateDistrict(d.id, { active: !d.active })).then(after)
                    }
                  >
                    {d.active ? "启用中 · 停用" : "已停用 · 启用"}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
