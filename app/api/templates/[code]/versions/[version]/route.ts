import { templateContracts } from "@/lib/contracts/templates";
import { mapOutcome } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { readableVersion, TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** Exactly the version a visit pinned, retired ones included; never a draft nor another district's. */
export const GET = contractRoute(
  templateContracts.version,
  signedIn(TEMPLATE_READERS),
  async ({ caller: { user }, params }) =>
    mapOutcome(await readableVersion(user, params), (template) => ({ template })),
);
