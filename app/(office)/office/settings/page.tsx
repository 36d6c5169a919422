import type { Metadata } from "next";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";

import { VisitRuleForm } from "@/components/plans/visit-rule-form";
import { PageHeader } from "@/components/shell/page-header";
import { DeadlinePolicyForm } from "@/components/templates/deadline-policy-form";
import { RoutineTemplatesForm } from "@/components/templates/routine-templates-form";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "设置" };

export default async function SettingsPage() {
  const user = await requirePageUser(["office", "admin"]);
  return (
    <>
      <PageHeader
        title="整改期限设置"
        description="检查项没有自带期限时，按问题等级使用这里的整改方式和期限（默认：重大 3 天，较重 15 天，一般 30 天）。"
      />
      {user.districtId ? (
        <div className="space-y-6">
          <DeadlinePolicyForm
            initial={await districtRepository.getDeadlinePolicy(getDb(), user.districtId)}
          />
          <RoutineTemplatesForm
            offered={(await templateRepository.listOffered(getDb(), user.districtId)).map((t) => ({
              code: t.code,
              title: t.title,
            }))}
            initial={await districtRepository.getRoutineTemplates(getDb(), user.districtId)}
          />
          <div className="mt-8">
            <PageHeader
              title="挂牌督导规则"
              description="每所学校每月由其责任督学挂牌督导的最少次数；督导覆盖率和督学的待督导清单按此计算。"
            />
            <VisitRuleForm
              initial={await districtRepository.getVisitRule(getDb(), user.districtId)}
            />
          </div>
        </div>
      ) : (
        <EmptyState title="当前账号未绑定区县">
          整改期限按区县设置；请使用督导室账号登录后修改。
        </EmptyState>
      )}
    </>
  );
}
