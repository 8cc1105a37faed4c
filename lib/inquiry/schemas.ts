// The investor inquiry: one schema validates the form in the browser and the action on the
// server. Built from the shared toolkit (lib/validation/fields.ts); messages are keys of
// messages/*.json "validation", translated by the form.
import { z } from "zod";
import { Industry } from "../generated/prisma/enums";
import { blankToUndefined, fields, flag, optionalChoice, optionalPositive, optionalText, requiredChoice, requiredText } from "../validation/fields";
import { messageOf } from "../validation/messages";
import { currentParkCode } from "../parks/code-aliases";

export const CONSENT_VERSION = "2026-11";
export const TIMELINES = ["within-6-months", "6-12-months", "1-2-years", "later"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[0-9 ()-]{6,25}$/;
const EMAIL = z.email();
const isEmail = (s: string) => EMAIL.safeParse(s).success;

export const inquirySchema = fields({
  idempotencyKey: requiredText(1, 100, (s) => (UUID.test(s) ? null : "invalid")),
  locale: requiredChoice(["zh", "en"] as const),
  contactName: requiredText(1, 100),
  email: requiredText(1, 200, (s) => (isEmail(s) ? null : "email")),
  phone: optionalText(25, (s) => (PHONE.test(s) ? null : "phone")),
  company: requiredText(1, 200),
  country: requiredText(2, 100),
  industry: optionalChoice(Industry),
  // Same decimal reading as the search filters: "1,500" is 1500, "0x10" and "1e3" are refused.
  investmentCny: optionalPositive({ max: 1e13 }),
  landNeededMu: optionalPositive({ max: 1e6 }),
  jobs: optionalPositive({ max: 1e6, int: true }),
  powerKva: optionalPositive({ max: 1e7, int: true }),
  waterTonsPerDay: optionalPositive({ max: 1e7 }),
  timeline: optionalChoice(TIMELINES),
  message: requiredText(10, 5000),
  // A checkbox is sent as "on" when ticked and not at all otherwise.
  consent: flag().refine((v) => v, { error: messageOf("consent") }),
  /** what the inquiry is about: a park, a block (its key and the filters that formed it), a parcel */
  // A retired park code (an old link's ?park=) is asked about under its new code.
  parkCode: optionalText(80).transform((v) => (v === undefined ? v : currentParkCode(v))),
  blockKey: optionalText(80),
  blockQuery: optionalText(2000),
  parcelCode: optionalText(80),
  /** every entry of a comparison, asked about in one inquiry (the compare list: keys and "p:" parcels) */
  compareList: optionalText(400),
  /** honeypot: hidden from people, filled by bots */
  website: z.preprocess(blankToUndefined, z.unknown().optional()),
})
  // A filled honeypot is refused as a whole form, with a generic message: an answer that named
  // the field would tell a bot which one to leave empty.
  .refine((v) => v.website === undefined, { error: "refused" });

export type InquiryInput = z.input<typeof inquirySchema>;
export type Inquiry = z.output<typeof inquirySchema>;
