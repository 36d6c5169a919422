import { templateContracts } from "@/lib/contracts/templates";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * What a new visit in the user's district may pin (the versions it adopted and its own newest ones);
 * for admin, the newest version of every national template.
 */
export const GET = contractRoute(
  templateContracts.offered,
  signedIn(TEMPLATE_READERS),
  async ({ caller: { user } }) => {
    const db = getDb();
    const templates =
      user.role === "admin"
        ? await templateRepository.listPublished(db)
        : user.districtId === null
          ? []
          : await templateRepository.listOffered(db, user.districtId);
    return done({ templates });
  },
);
