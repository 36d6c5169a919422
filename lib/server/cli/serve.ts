/**
 * The app's HTTP server: Next.js behind a plain Node server whose only job is to say where each request
 * came from. Next gives route handlers no socket address and passes X-Forwarded-For on as the client
 * sent it, so here, for every request, CLIENT_IP_HEADER is set from the socket (or from the
 * TRUSTED_PROXY's forwarding header), replacing anything the client sent. Started by start.ts:
 * `serve.ts PORT [TRUSTED_PROXY]` (it reads no environment itself, so it needs no server-only guard).
 */
import http from "node:http";

import next from "next";

import { CLIENT_IP_HEADER, resolveClientIp } from "../client-ip";

const port = Number(process.argv[2]);
const trustedProxy = process.argv[3] || undefined;

const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();

void app.prepare().then(() =>
  http
    .createServer((request, response) => {
      const forwarded = request.headers["x-forwarded-for"];
      request.headers[CLIENT_IP_HEADER] = resolveClientIp(
        request.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        trustedProxy,
      );
      void handle(request, response);
    })
    .listen(port),
);
