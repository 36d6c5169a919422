import { templateContracts } from "@/lib/contracts/templates";
import { done } from "@/lib/domain/refusal";
import { contractRoute, inDistrict } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";

export const dynamic = "force-dynamic";

const editor = inDistrict(["office", "admin"], "当前账号未绑定区县，无法设置挂牌督导检查表");

/** The checklists the district's 挂牌督导 visits propose (template codes). */
export const GET = contractRoute(
  templateContracts.routineTemplates,
  editor,
  async ({ caller: { districtId } }) =>
    done({ codes: await districtRepository.getRoutineTemplates(getDb(), districtId) }),
);

/** Replaces the set; inspectors get it with their next visit pack. */
export const PUT = contractRoute(
  templateContracts.saveRoutineTemplates,
  editor,
  async ({ caller: { districtId }, body }) => {
    await districtRepository.setRoutineTemplates(getDb(), districtId, body.codes);
    return done({ codes: body.codes });
  },
);
