/**
 * Who is signed in (GET /api/me): its method and path without a schema, so the inspector app's
 * first screen asks before any zod loads (lib/hooks/use-inspector.ts, issue #10); its contract,
 * with the answer's schema, is `syncContracts.me` (./sync.ts).
 */
export const ME = { method: "GET", path: "/api/me" } as const;
