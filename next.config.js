/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'exceljs', 'sharp'],
  poweredByHeader: false,
  // Separate build folders let several checkouts build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Type errors are caught by `npm run typecheck` in CI; the build need not check twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() and app/forbidden.tsx: a role refused by a page sees a 403 page, not a redirect.
    authInterrupts: true,
    serverActions: { bodySizeLimit: '25mb' },
    // With proxy.ts present Next buffers request bodies and silently cuts them at 10 MB, which
    // would turn a 15 MB workbook into a "corrupt file". The routes enforce their own limits
    // (10 MB photos, 20 MB workbooks) with 413.
    proxyClientMaxBodySize: '25mb',
  },
};

module.exports = nextConfig;
