import type { NextConfig } from "next";
import pkg from "./package.json" with { type: "json" };

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Pages also say frame-ancestors 'none' in their CSP (proxy.ts); this is for browsers without CSP.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), geolocation=(), microphone=()" },
];

const nextConfig: NextConfig = {
  // Lets two builds live side by side (parallel work on one checkout).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite, the WASM schema engine and sharp load files at run time: keep them out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "sharp",
    "pg",
    "@react-pdf/renderer",
    "heic-decode",
  ],
  env: { NEXT_PUBLIC_APP_VERSION: pkg.version },
  poweredByHeader: false,
  // The invoice and credit-note PDFs read their fonts from node_modules at run time.
  outputFileTracingIncludes: {
    "/factures/[id]/pdf": ["./node_modules/@expo-google-fonts/inter/{400Regular,600SemiBold,700Bold}/*.ttf"],
    "/factures/avoirs/[id]/pdf": ["./node_modules/@expo-google-fonts/inter/{400Regular,600SemiBold,700Bold}/*.ttf"],
    "/admin/avoirs/[id]/pdf": ["./node_modules/@expo-google-fonts/inter/{400Regular,600SemiBold,700Bold}/*.ttf"],
  },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Staff pages show stored PDFs in an <object> of the portal itself (app/admin/documents/file-viewer.tsx):
      // the file route may be framed by the same origin, and only by it (the last matching rule wins).
      { source: "/api/fichiers/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};

export default nextConfig;
