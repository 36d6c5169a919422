/**
 * The app's HTTP server: Next.js behind a plain Node server that says where each request came from
 * (and refuses a URL with broken percent-encoding, client-ip.ts). Next gives route handlers no socket address and passes X-Forwarded-For on as the client
 * sent it, so here, for every request, CLIENT_IP_HEADER is set from the socket (or from the
 * TRUSTED_PROXY's forwarding header), replacing anything the client sent. Started by start.ts:
 * `serve.ts PORT [TRUSTED_PROXY]` (it reads no environment itself, so it needs no server-only guard).
 */
import http from "node:http";

import next from "next";

import { admitRequest } from "../client-ip";

const port = Number(process.argv[2]);
const trustedProxy = process.argv[3] || undefined;

const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();

void app.prepare().then(() =>
  http
    .createServer((request, response) => {
      const refused = admitRequest(request, trustedProxy);
      if (refused) {
        response.writeHead(refused.status, { "Content-Type": "application/json; charset=utf-8" });
        response.end(JSON.stringify({ error: "bad_request", message: refused.message }));
        return;
      }
      void handle(request, response);
    })
    .listen(port),
);
