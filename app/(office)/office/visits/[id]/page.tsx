import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { visitRecordFor } from "@/lib/server/documents/documents";
import { campaignNameOf } from "@/lib/server/plans/campaigns";

import { RecordView } from "@/components/documents/record-view";
import { AnswerSections, VisitFacts } from "@/components/plans/visit-details";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "督导检查记录" };

/**
 * One submitted visit for the office: its facts and what it produced, every answer by section
 * with scores and photos, then the 督导检查记录 itself (signatures, items not checked) with its PDF.
 */
export default async function OfficeVisitRecordPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { id } = await params;
  const db = getDb();
  const record = await visitRecordFor(db, user, id);
  if (!record) notFound();
  const { details } = record;
  return (
    <>
      <div className="space-y-4 print:hidden">
        <PageHeader title="督导检查记录" description={record.document.name} />
        <VisitFacts
          visit={details.visit}
          schoolName={details.schoolName}
          inspectorName={details.inspectorName}
          campaignName={await campaignNameOf(db, details.visit.campaignId)}
          findings={details.findings}
          noticeId={record.noticeId}
          noticeNumber={details.noticeNumber}
        />
        <h2 className="pt-2 text-base font-medium text-slate-900">检查明细</h2>
        <AnswerSections templates={details.sections} originals={details.originals} />
        <h2 className="pt-2 text-base font-medium text-slate-900">督导检查记录</h2>
      </div>
      <RecordView visitId={id} document={record.document} />
    </>
  );
}
