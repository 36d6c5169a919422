import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { visitRecordFor } from "@/lib/server/documents/documents";

import { RecordView } from "@/components/documents/record-view";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "督导检查记录" };

export default async function SchoolVisitRecordPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const user = await requirePageUser(["school"]);
  const { id } = await params;
  const record = await visitRecordFor(getDb(), user, id);
  if (!record) notFound();
  return (
    <>
      <div className="print:hidden">
        <PageHeader title="督导检查记录" description={record.document.name} />
      </div>
      <RecordView visitId={id} document={record.document} />
    </>
  );
}
