/**
 * The auth secret. A real deployment sets BETTER_AUTH_SECRET; the demo creates one in DATA_DIR on
 * first start and reuses it, so sessions survive restarts.
 */
import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(dataDir: string): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  let secret = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (secret.length < 32) {
    secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
  }
  process.env.BETTER_AUTH_SECRET = secret;
  return secret;
}
