// The admins' exchange-rate page (settings.manage, checked next to the data as well).
import "server-only";
import type { Actor } from "../auth/actor";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { latestRates, rateHistory } from "./rates";

export async function loadRatesPage(actor: Actor) {
  assertPermission(actor, "settings.manage");
  const [current, history] = await Promise.all([latestRates(db()), rateHistory(db())]);
  return { current, history };
}

/** The current rates the investor pages convert with (cached per request). */
export { loadLatestRates } from "./rates";
