import { templateContracts } from "@/lib/contracts/templates";
import { done } from "@/lib/domain/refusal";
import { versionList } from "@/lib/domain/template/library";
import { templateAccess } from "@/lib/server/auth/scope";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { notFound, TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * The template's versions, newest first, each saying whether it is the current version, superseded
 * by a newer one or retired (`versionListSchema`), with the version the user's district adopted.
 */
export const GET = contractRoute(
  templateContracts.versions,
  signedIn(TEMPLATE_READERS),
  async ({ caller: { user }, params: { code } }) => {
    const db = getDb();
    const access = await templateAccess(db, user, code);
    if (access === null || access.right === "none") return notFound(code);
    const adopted =
      access.owner === null && user.districtId !== null
        ? await templateRepository.adoptedVersion(db, user.districtId, code)
        : null;
    return done(versionList(await templateRepository.listVersions(db, code), adopted));
  },
);
