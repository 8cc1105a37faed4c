// What the visitor typed, given back with a refusal: without JavaScript the page is rendered
// again from the server, and a form that came back empty would lose everything typed. Only the
// visible fields: not the honeypot (a bot learns nothing), not the idempotency key or the
// target (rendered by the page itself), nothing that is not a string (files).
export const TYPED_FIELDS = [
  "contactName",
  "company",
  "email",
  "phone",
  "country",
  "industry",
  "investmentCny",
  "landNeededMu",
  "jobs",
  "powerKva",
  "waterTonsPerDay",
  "timeline",
  "message",
  "consent",
] as const;

export type TypedValues = Partial<Record<(typeof TYPED_FIELDS)[number], string>>;

/** The longest value given back: above any field's own limit, so a too-long text comes back as typed. */
const MAX_KEPT = 10_000;

export function typedValues(form: FormData): TypedValues {
  const out: TypedValues = {};
  for (const name of TYPED_FIELDS) {
    const value = form.get(name);
    if (typeof value === "string" && value !== "") out[name] = value.slice(0, MAX_KEPT);
  }
  return out;
}
