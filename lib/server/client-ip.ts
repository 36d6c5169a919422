/**
 * Which address a request came from. Next.js does not give route handlers the socket address, and the
 * X-Forwarded-For it passes on is whatever the client sent; so the app's own HTTP server (cli/serve.ts)
 * decides the address once, from the socket, and hands it on in CLIENT_IP_HEADER, replacing any value
 * a client sent. Only when TRUSTED_PROXY names the socket's peer is that proxy's forwarding header used.
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Set by cli/serve.ts on every request; any copy a client sends is overwritten there. */
export const CLIENT_IP_HEADER = "x-duxue-client-ip";

/** Requests that did not come through cli/serve.ts (scripts, tests calling handlers directly) share one key. */
export const UNKNOWN_CLIENT = "unknown";

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4
    ? trimmed.slice(7)
    : trimmed.toLowerCase();
}

/**
 * The client address of a connection from `socketAddress`: the socket itself, unless the socket is
 * `trustedProxy`, whose X-Forwarded-For names the client as its LAST entry (the one the proxy appended;
 * earlier entries come from the client and prove nothing).
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxy: string | undefined,
): string {
  if (!socketAddress) return UNKNOWN_CLIENT;
  const socket = normalise(socketAddress);
  if (!trustedProxy || socket !== normalise(trustedProxy) || !forwardedFor) return socket;
  const last = forwardedFor.split(",").at(-1)?.trim() ?? "";
  return isIP(last) ? normalise(last) : socket;
}

/** The address cli/serve.ts decided for this request. */
export function clientIpOf(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? UNKNOWN_CLIENT;
}

/**
 * What cli/serve.ts does to every request before Next sees it: stamps CLIENT_IP_HEADER (replacing any
 * copy the client sent) and answers 400 to a URL whose percent-encoding is broken, which Next would
 * otherwise turn into a 500 while decoding route parameters. Returns the refusal, or null.
 */
export function admitRequest(
  request: IncomingMessage,
  trustedProxy: string | undefined,
): { status: 400; message: string } | null {
  const forwarded = request.headers["x-forwarded-for"];
  request.headers[CLIENT_IP_HEADER] = resolveClientIp(
    request.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxy,
  );
  try {
    decodeURIComponent(request.url ?? "/");
  } catch {
    return { status: 400, message: "网址编码有误" };
  }
  return null;
}
