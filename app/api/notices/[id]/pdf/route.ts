import { documentContracts } from "@/lib/contracts/documents";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { noticePdfFor } from "@/lib/server/documents/documents";
import { pdfAnswer } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** The notice as an A4 PDF, shown inline and named with its number. */
export const GET = contractRoute(
  documentContracts.noticePdf,
  signedIn(),
  async ({ caller, params }) =>
    pdfAnswer(await noticePdfFor(getDb(), caller.user, params.id), "notice.pdf"),
);
