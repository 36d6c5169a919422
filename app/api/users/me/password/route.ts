import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { done } from "@/lib/domain/refusal";
import { clientIpOf } from "@/lib/server/client-ip";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { changeOwnPassword } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** 修改密码 for whoever is signed in (open also while a reset forces the change). */
export const POST = contractRoute(
  orgContracts.changePassword,
  signedIn(undefined, { allowPasswordChange: true }),
  async ({ request, caller, body }) => {
    const refused = await changeOwnPassword(
      getDb(),
      caller.user,
      body,
      systemClock.now(),
      clientIpOf(request.headers),
    );
    return refused ?? done(OK);
  },
);
