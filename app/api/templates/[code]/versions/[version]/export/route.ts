import { templateContracts } from "@/lib/contracts/templates";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { readableVersion, TEMPLATE_EDITORS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** One version as a JSON file; importing it again (here or in another district) gives a draft. */
export const GET = contractRoute(
  templateContracts.exportVersion,
  signedIn(TEMPLATE_EDITORS),
  async ({ caller: { user }, params }) => {
    const read = await readableVersion(user, params);
    if (!read.ok) return read;
    const template = read.value;
    return new Response(`${JSON.stringify(template, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        // Template codes are lowercase ASCII, so the file name needs no encoding.
        "Content-Disposition": `attachment; filename="${template.code}-v${template.version}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
