import { syncContracts } from "@/lib/contracts/sync";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { photoResponse } from "@/lib/server/photos/store-photo";

export const dynamic = "force-dynamic";

/** A small JPEG of the photo for pages that list photos; same access rule as the photo itself. */
export const GET = contractRoute(
  syncContracts.photoThumbnail,
  signedIn(),
  ({ caller: { user }, params }) => photoResponse(getDb(), user, params.sha256, "thumbnail"),
);
