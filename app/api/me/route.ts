import { syncContracts } from "@/lib/contracts/sync";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";

export const dynamic = "force-dynamic";

/**
 * The signed-in user (the offline app checks this to tell "signed out" from "offline"). Open to a
 * user who must change their password, so the app can see `mustChangePassword` and go there.
 */
export const GET = contractRoute(
  syncContracts.me,
  signedIn(undefined, { allowPasswordChange: true }),
  ({ caller: { user } }) => Promise.resolve(done({ user })),
);
