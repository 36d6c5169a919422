/**
 * A real S3-compatible server for integration tests (npm `s3rver`, files in a temp dir, loopback
 * only), with one bucket and a record of every object it stored, as S3 event notifications report them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";

export const S3_TEST_BUCKET = "duxue-test";
export const S3_TEST_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type TestS3Server = { endpoint: string; stored: string[]; close(): Promise<void> };

export async function startS3Server(port: number): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: S3_TEST_BUCKET }],
  });
  const stored: string[] = [];
  server.on("event", (event) => {
    for (const record of event.Records) {
      if (record.eventName.startsWith("ObjectCreated")) stored.push(record.s3.object.key);
    }
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stored,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The environment that makes the app's getBlobStore() use this server. */
export function s3Env(port: number): Record<string, string> {
  return {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: S3_TEST_BUCKET,
    S3_ACCESS_KEY_ID: S3_TEST_KEYS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_TEST_KEYS.secretAccessKey,
    S3_REGION: "us-east-1",
    S3_FORCE_PATH_STYLE: "true",
  };
}
