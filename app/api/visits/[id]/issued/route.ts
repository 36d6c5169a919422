import { documentContracts } from "@/lib/contracts/documents";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { issuedDocumentsFor } from "@/lib/server/documents/documents";

export const dynamic = "force-dynamic";

/** The notice number a synced visit produced, for the inspector's visit list. */
export const GET = contractRoute(
  documentContracts.issued,
  signedIn(),
  async ({ caller, params }) => {
    const issued = await issuedDocumentsFor(getDb(), caller.user, params.id);
    return issued ? done(issued) : refused("not_found", "检查尚未同步到服务器或无权查看");
  },
);
