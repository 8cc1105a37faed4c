// The admins' exchange-rate action (settings.manage), through defineAction: session ->
// permission -> the form's schema -> the write.
import "server-only";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { setRates } from "./rate-mutations";
import { setRatesSchema } from "./rate-schemas";

export const setRatesAction = defineAction({ name: "rate.set", schema: setRatesSchema, access: { permission: "settings.manage" }, handler: (input, ctx) => setRates(db(), ctx, input) });
