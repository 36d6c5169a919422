import type { Metadata } from "next";

import { toChinaDate } from "@/lib/domain/dates";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { visitFilterOptions } from "@/lib/server/repositories/visits/visit-list-query";
import { systemClock } from "@/lib/utils/clock";

import { CampaignForm } from "@/components/plans/campaign-form";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "新建专项督查" };

export default async function NewCampaignPage() {
  const user = await requirePageUser(["office"]);
  if (!user.districtId)
    return <EmptyState title="当前账号未绑定区县">专项督查按区县创建。</EmptyState>;
  const db = getDb();
  const [templates, options, schools] = await Promise.all([
    templateRepository.listOffered(db, user.districtId),
    visitFilterOptions(db, [user.districtId], undefined),
    schoolRepository.listActiveByDistrict(db, user.districtId),
  ]);
  return (
    <>
      <PageHeader
        title="新建专项督查"
        description="目标学校在创建时按条件确定；督学下载检查包后即可看到待督查的学校。"
      />
      <CampaignForm
        templates={templates.map((t) => ({ value: t.code, label: t.title }))}
        zones={options.zones}
        inspectors={options.inspectors}
        schoolCodes={Object.fromEntries(schools.map((s) => [s.code, s.id]))}
        today={toChinaDate(systemClock.now())}
      />
    </>
  );
}
