import { syncContracts } from "@/lib/contracts/sync";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { getChangesSince } from "@/lib/server/sync/get-changes-since";

export const dynamic = "force-dynamic";

/** `?cursor=…` (absent = from the beginning) → the changes after it, only what the user may see. */
export const GET = contractRoute(
  syncContracts.pull,
  signedIn(),
  async ({ caller: { user }, query }) =>
    done(await getChangesSince(getDb(), user, query.cursor ?? null)),
);
