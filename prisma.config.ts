// Prisma CLI config. engine "js" keeps the CLI from downloading its Rust schema engine,
// which fails offline (see the platform notes); generate and schema-to-schema `migrate diff`
// work this way. Migrations are applied by scripts/db.ts, not by `prisma migrate deploy`.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// schema.prisma reads env("DATABASE_URL"); when it is unset (fresh clone, embedded database)
// the CLI cannot read the generator settings and falls back to downloading the Rust query
// engine. generate never connects, so a placeholder is enough for it.
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost/placeholder";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgres://localhost/none" });
  },
});
