// Setup for the integration project. Server tests create their own database with
// test/helpers/test-db.ts, so no test depends on another's data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// better-auth refuses to run without a secret; tests use a fixed one.
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
// The server's JSON request log would drown the test output; the tests that read it raise the level.
process.env.LOG_LEVEL ??= "silent";

// Blobs (photos, demo photos) go to a throwaway directory, never the developer's ./data; it is
// removed when the test worker exits.
if (!process.env.DATA_DIR) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-test-data-"));
  process.env.DATA_DIR = dataDir;
  process.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
}
