import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering the README states: only lib/ touches the database. Pages, layouts, route
// handlers and components ask lib/ (lib/<domain>/loaders.ts on the app's client, queries.ts
// for a given client); they never import the client, its generated types or the driver.
// The generated enums are the data model's vocabulary (plain constants, browser-safe): allowed.
const DATABASE_CLIENT = {
  paths: [
    { name: "pg", message: "Only lib/ talks to PostgreSQL: ask a function in lib/<domain>/." },
  ],
  patterns: [
    {
      // lib/db.ts and lib/db/client.ts; lib/db/'s other modules (readiness, unavailable) are lib's answers
      regex: "(^|/)lib/db(/client)?(\\.ts)?$",
      message: "Only lib/ holds the database client: call a function of lib/<domain>/loaders.ts (or queries.ts) instead.",
    },
    {
      regex: "(^|/)lib/generated/prisma(/(?!enums$).*)?$",
      message: "Prisma's client and types stay in lib/: use the DTOs lib/<domain>/ returns (enums are allowed).",
    },
    { group: ["@prisma/*", "pg/*"], message: "Only lib/ talks to the database." },
  ],
};

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "next-env.d.ts"] },
  {
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}", "components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", DATABASE_CLIENT] },
  },
];

export default config;
