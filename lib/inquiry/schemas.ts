// The investor inquiry: one schema validates the form in the browser and the action on the
// server. Messages are keys of messages/*.json "inquiry.errors", translated by the form.
import { z } from "zod";
import { Industry } from "../generated/prisma/enums";

export const CONSENT_VERSION = "2026-11";
export const TIMELINES = ["within-6-months", "6-12-months", "1-2-years", "later"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const text = (min: number, max: number) =>
  z.string({ error: "required" }).trim().min(min, { error: min <= 1 ? "required" : "tooShort" }).max(max, { error: "tooLong" });
const optionalNumber = (max: number, int = false) =>
  z.preprocess(
    (v) => (typeof v === "string" ? blankToUndefined(v.replace(/[,\s]/g, "")) : blankToUndefined(v)),
    (int ? z.coerce.number({ error: "mustBeNumber" }).int({ error: "mustBeWhole" }) : z.coerce.number({ error: "mustBeNumber" }))
      .positive({ error: "mustBePositive" })
      .max(max, { error: "tooLarge" })
      .optional(),
  );

export const inquirySchema = z.object({
  idempotencyKey: z.string().uuid({ error: "invalid" }),
  locale: z.enum(["zh", "en"]),
  contactName: text(1, 100),
  email: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(200, { error: "tooLong" }).email({ error: "email" }),
  phone: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\+?[0-9 ()-]{6,25}$/, { error: "phone" }).optional(),
  ),
  company: text(1, 200),
  country: text(2, 100),
  industry: z.preprocess(blankToUndefined, z.enum(Industry, { error: "invalid" }).optional()),
  investmentCny: optionalNumber(1e13),
  landNeededMu: optionalNumber(1e6),
  jobs: optionalNumber(1e6, true),
  powerKva: optionalNumber(1e7, true),
  waterTonsPerDay: optionalNumber(1e7),
  timeline: z.preprocess(blankToUndefined, z.enum(TIMELINES, { error: "invalid" }).optional()),
  message: text(10, 5000),
  consent: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: "consent" })),
  /** what the inquiry is about: a park, a block (its key and the filters that formed it), a parcel */
  parkCode: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  blockKey: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  blockQuery: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
  parcelCode: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  /** honeypot: hidden from people, filled by bots */
  website: z.preprocess(blankToUndefined, z.unknown().optional()),
})
  // A filled honeypot is refused as a whole form, with a generic message: an answer that named
  // the field would tell a bot which one to leave empty.
  .refine((v) => v.website === undefined, { error: "refused" });

export type InquiryInput = z.input<typeof inquirySchema>;
export type Inquiry = z.output<typeof inquirySchema>;
