import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    pool: "forks",
    // Seeding the demo (argon2 hashes) in beforeAll is slow on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
