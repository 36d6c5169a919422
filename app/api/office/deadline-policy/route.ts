import { templateContracts } from "@/lib/contracts/templates";
import { done } from "@/lib/domain/refusal";
import { contractRoute, inDistrict } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";

export const dynamic = "force-dynamic";

/** The office sets its own district's policy; an admin only when bound to a district. */
const policyEditor = inDistrict(["office", "admin"], "当前账号未绑定区县，无法设置整改期限");

/** The office's district's deadline policy per severity (defaults when never set). */
export const GET = contractRoute(
  templateContracts.deadlinePolicy,
  policyEditor,
  async ({ caller: { districtId } }) =>
    done({ policy: await districtRepository.getDeadlinePolicy(getDb(), districtId) }),
);

/** Replaces the policy; findings made from now on take their default due dates from it. */
export const PUT = contractRoute(
  templateContracts.saveDeadlinePolicy,
  policyEditor,
  async ({ caller: { districtId }, body }) => {
    await districtRepository.setDeadlinePolicy(getDb(), districtId, body);
    return done({ policy: body });
  },
);
