import { templateContracts } from "@/lib/contracts/templates";
import { done, refused } from "@/lib/domain/refusal";
import { parseTemplateImport } from "@/lib/domain/template/import-template";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { ownerForWrite, TEMPLATE_EDITORS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * Imports a template file (an exported version, or one written by hand) as a draft. A file with any
 * error saves nothing and answers 422 with every error, naming the item and the field. A new code
 * becomes the office's district's template; a national code or another district's is refused.
 * The body is the raw text, so a file that is not JSON at all gets the same answer as a wrong one.
 */
export const POST = contractRoute(
  templateContracts.importFile,
  signedIn(TEMPLATE_EDITORS),
  async ({ caller: { user }, body }) => {
    const parsed = parseTemplateImport(body);
    if (!parsed.ok) {
      const message = "导入的模板有误，未保存任何内容";
      return { ...refused("invalid_input", message), errors: parsed.errors };
    }
    const db = getDb();
    const target = await ownerForWrite(db, user, parsed.template.code);
    if (!target.ok) return target;
    return done(
      await templateRepository.importDraft(db, parsed.template, {
        userId: user.id,
        owner: target.owner,
      }),
    );
  },
);
