import { syncContracts } from "@/lib/contracts/sync";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { buildVisitPack } from "@/lib/server/sync/build-pack";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The signed-in inspector's visit pack. */
export const GET = contractRoute(
  syncContracts.pack,
  signedIn(["inspector"]),
  async ({ caller: { user } }) => done(await buildVisitPack(getDb(), user, systemClock.now())),
);
