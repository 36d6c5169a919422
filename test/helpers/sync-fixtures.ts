/**
 * Sync test data on a seeded demo district: real photo uploads through PUT /api/photos/{sha256},
 * pushes and pulls through the route handlers. Visits made on a "phone" are in phone-visit.ts.
 */
import { pathOf } from "@/lib/contracts/contract";
import { syncContracts } from "@/lib/contracts/sync";
import { newId } from "@/lib/utils/ids";

import { GET as getPackRoute } from "@/app/api/inspect/pack/route";
import { PUT as putPhotoRoute } from "@/app/api/photos/[sha256]/route";
import { GET as pullRoute } from "@/app/api/sync/pull/route";
import { POST as pushRoute } from "@/app/api/sync/push/route";

import { authedRequest } from "./auth";
import type { TestPhoto } from "./phone-visit";

/** Uploads through the real route; returns its status (201 stored, 200 already there). */
export async function uploadPhoto(cookie: string, photo: TestPhoto): Promise<number> {
  const response = await putPhotoRoute(
    authedRequest(pathOf(syncContracts.putPhoto, { params: { sha256: photo.id } }), cookie, {
      method: "PUT",
      headers: { "content-type": "image/jpeg" },
      body: Buffer.from(photo.bytes),
    }),
    { params: Promise.resolve({ sha256: photo.id }) },
  );
  return response.status;
}

export async function pushAs(
  cookie: string | null,
  mutations: readonly unknown[],
): Promise<{ status: number; body: unknown }> {
  const response = await pushRoute(
    authedRequest(syncContracts.push.path, cookie, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: newId(), mutations }),
    }),
  );
  return { status: response.status, body: await response.json() };
}

export async function pullAs(
  cookie: string | null,
  cursor: string | null,
): Promise<{ status: number; body: unknown }> {
  const path = pathOf(syncContracts.pull, { query: { cursor: cursor ?? undefined } });
  const response = await pullRoute(authedRequest(path, cookie));
  return { status: response.status, body: await response.json() };
}

/**
 * A `fetch` that hands the sync transport's requests to the route handlers in-process, as
 * `cookie`'s user: the client's own transport talking to the real server code.
 */
export function routeFetch(cookie: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request = authedRequest(`${url.pathname}${url.search}`, cookie, init);
    const photo = /^\/api\/photos\/([0-9a-f]{64})$/.exec(url.pathname);
    if (photo) return putPhotoRoute(request, { params: Promise.resolve({ sha256: photo[1]! }) });
    switch (url.pathname) {
      case syncContracts.push.path:
        return pushRoute(request);
      case syncContracts.pull.path:
        return pullRoute(request);
      case syncContracts.pack.path:
        return getPackRoute(request);
      default:
        return Response.json({ message: "not found" }, { status: 404 });
    }
  };
}
