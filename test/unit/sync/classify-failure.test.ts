import { describe, expect, it } from "vitest";

import {
  classifyFailure,
  type FailureAction,
  type TransportFailure,
} from "@/lib/sync/classify-failure";

const http = (status: number): TransportFailure => ({ kind: "http", status });

describe("classifyFailure", () => {
  it.each<[string, TransportFailure, FailureAction]>([
    ["no network", { kind: "network" }, "retry"],
    ["408 request timeout", http(408), "retry"],
    ["429 too many requests", http(429), "retry"],
    ["500 server error", http(500), "retry"],
    ["502 bad gateway", http(502), "retry"],
    ["503 unavailable", http(503), "retry"],
    ["511 captive portal sign-in", http(511), "retry"],
    ["401 signed out", http(401), "pause-auth"],
    ["403 forbidden", http(403), "pause-auth"],
    ["400 bad request", http(400), "reject"],
    ["409 conflict", http(409), "reject"],
    ["413 too large", http(413), "reject"],
    ["415 not an image", http(415), "reject"],
    ["422 invalid body", http(422), "reject"],
    ["404 from a misrouted proxy", http(404), "retry"],
    ["302 redirect to a Wi-Fi login page", http(302), "retry"],
  ])("%s → %s", (_name, failure, action) => {
    expect(classifyFailure(failure)).toBe(action);
  });
});
