import { templateContracts } from "@/lib/contracts/templates";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { draftCodeRefusal, ownerForWrite, TEMPLATE_EDITORS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

const editor = signedIn(TEMPLATE_EDITORS);

/**
 * Opens the code's draft: the one already open (200), or a new one (201) from the body when given,
 * else copied from the newest version.
 */
export const POST = contractRoute(
  templateContracts.startDraft,
  editor,
  async ({ caller: { user }, params: { code }, body }) => {
    const db = getDb();
    const target = draftCodeRefusal(code, body) ?? (await ownerForWrite(db, user, code));
    if (!target.ok) return target;
    const started = await templateRepository.startDraft(db, code, body, {
      userId: user.id,
      owner: target.owner,
    });
    if (!started.ok) return started;
    return { ...done({ draft: started.value.draft }), status: started.value.isNew ? 201 : 200 };
  },
);

/**
 * Saves the draft's content (creating the draft, or a new template of the office's district, when
 * there is none).
 */
export const PUT = contractRoute(
  templateContracts.saveDraft,
  editor,
  async ({ caller: { user }, params: { code }, body }) => {
    const db = getDb();
    const target = draftCodeRefusal(code, body) ?? (await ownerForWrite(db, user, code));
    if (!target.ok) return target;
    return done({ draft: await templateRepository.saveDraft(db, body, user.id, target.owner) });
  },
);
