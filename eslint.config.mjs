import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "scripts/prisma-schema-engine.mjs"] },
  {
    // Only queries, services, the audit writer, the seed and tests talk to the database.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "Read through lib/<domain>/queries.ts and write through service.ts." }] }],
    },
  },
];

export default config;
