import { documentContracts } from "@/lib/contracts/documents";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { visitRecordPdfFor } from "@/lib/server/documents/documents";
import { pdfAnswer } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** The 督导检查记录 of a submitted visit as an A4 PDF: its office, its inspectors and the school itself. */
export const GET = contractRoute(
  documentContracts.visitRecordPdf,
  signedIn(),
  async ({ caller, params }) =>
    pdfAnswer(await visitRecordPdfFor(getDb(), caller.user, params.id), "visit-record.pdf"),
);
