/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { brandHtml } from "./src/shared/brand/brandPlugin.ts";

// The AppHost passes the gateway's URL (GATEWAY_URL, or Aspire's services__gateway__http__0 from WithReference)
// and the port it allocated (PORT). Everything the browser asks for under these prefixes goes to the gateway,
// so the storefront talks to one origin in development exactly as it does in production.
const gateway = process.env.GATEWAY_URL ?? process.env.services__gateway__http__0 ?? "http://localhost:5080";
// Whole path segments only (a key starting with ^ is a regular expression): /account/login goes to the gateway, while
// /my-account stays a storefront page. changeOrigin false keeps the browser's Host, so the Auth service (behind the
// gateway's X-Forwarded-Host) names the storefront's origin as its issuer and endpoints.
const proxy = { "^/(api|connect|account|\\.well-known)(/|\\?|$)": { target: gateway, changeOrigin: false, xfwd: true } };
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react(), brandHtml()],
  server: { port, strictPort: Boolean(process.env.PORT), host: "127.0.0.1", proxy },
  preview: { port, strictPort: Boolean(process.env.PORT), host: "127.0.0.1", proxy },
  build: { target: "es2022", sourcemap: false, reportCompressedSize: false, manifest: true },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./vitest.setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    testTimeout: 30_000,
  },
});
