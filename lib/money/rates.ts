// Exchange-rate reads: the current rate per currency (the row with the latest "as of" date; on
// one date the last one entered, i.e. a correction) and the history the admins' page lists.
// loadLatestRates is cached per request (React cache): a page that shows many converted
// figures reads the rates once.
import "server-only";
import { cache } from "react";
import { db } from "../db";
import type { DbClient } from "../db/client";
import type { Currency } from "../generated/prisma/enums";

export interface Rate {
  currency: Currency;
  cnyPerUnit: number;
  /** YYYY-MM-DD */
  asOf: string;
  /** set by no admin: the dev seed's illustrative value, shown as such */
  seed: boolean;
}

export interface RateRow extends Rate {
  id: string;
  setBy: string | null;
  createdAt: string;
}

/** Rates as the components take them: absent currencies have no rate set. */
export type Rates = Partial<Record<Currency, Rate>>;

export const CURRENCIES: readonly Currency[] = ["USD", "EUR"];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function latestRates(client: DbClient): Promise<Rates> {
  const rows = await Promise.all(
    CURRENCIES.map((currency) =>
      client.exchangeRate.findFirst({ where: { currency }, orderBy: [{ asOf: "desc" }, { createdAt: "desc" }, { id: "desc" }], select: { currency: true, cnyPerUnit: true, asOf: true, setById: true } }),
    ),
  );
  const out: Rates = {};
  for (const r of rows) if (r) out[r.currency] = { currency: r.currency, cnyPerUnit: Number(r.cnyPerUnit.toString()), asOf: iso(r.asOf), seed: r.setById === null };
  return out;
}

/** The latest `take` rows entered, newest first, with who set them. */
export async function rateHistory(client: DbClient, take = 50): Promise<RateRow[]> {
  const rows = await client.exchangeRate.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, currency: true, cnyPerUnit: true, asOf: true, setById: true, createdAt: true } });
  const ids = [...new Set(rows.map((r) => r.setById).filter((v): v is string => v !== null))];
  const users = ids.length ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ id: r.id, currency: r.currency, cnyPerUnit: Number(r.cnyPerUnit.toString()), asOf: iso(r.asOf), seed: r.setById === null, setBy: r.setById ? (names.get(r.setById) ?? null) : null, createdAt: r.createdAt.toISOString() }));
}

export const loadLatestRates = cache(() => latestRates(db()));
