// The lead inbox's filters: one schema for the URL, the GET filter form and the server (the
// page and the CSV export read the same parameters). Browser-safe: no Prisma client here.
//
// A bad value never costs the officer the rest of the view: each field is read on its own, a
// field that is refused is left out (with its message, shown next to its control) and every
// other filter still applies.
import type { z } from "zod";
import { Industry, InquiryStage } from "../generated/prisma/enums";
import {
  choiceList,
  choiceWithDefault,
  fields,
  flag,
  optionalChoice,
  optionalIsoDate,
  optionalPositive,
  optionalText,
  positiveIntWithDefault,
} from "../validation/fields";
import type { FieldErrors } from "../validation/field-errors";
import { messageOf } from "../validation/messages";

export const INBOX_SORTS = ["received-desc", "received-asc", "due", "company", "stage"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export const INBOX_PAGE_SIZE = 50;
export const INBOX_MAX_PAGE = 10_000;
/** Above any plot a park offers, below float trouble. */
export const MAX_LAND_MU = 1e7;
export const MAX_QUERY_LENGTH = 100;

export const ASSIGNEE_WORDS = ["any", "mine", "unassigned"] as const;
/** A User.id (cuid): lower-case letters and digits. Anything else is not a person. */
const USER_ID = /^[a-z0-9]{8,40}$/;

export const inboxFilterSchema = fields({
  /** one or several: `stage=NEW&stage=CONTACTED` (the form's checkboxes) or `stage=NEW,CONTACTED` */
  stage: choiceList(InquiryStage),
  /** mine | unassigned | any (default) | a staff member's id */
  assignee: optionalText(40, (s) => ((ASSIGNEE_WORDS as readonly string[]).includes(s) || USER_ID.test(s) ? null : "notAChoice")).transform(
    (v) => v ?? "any",
  ),
  /** Park.code */
  park: optionalText(80),
  industry: optionalChoice(Industry),
  country: optionalText(100),
  landMin: optionalPositive({ max: MAX_LAND_MU }),
  landMax: optionalPositive({ max: MAX_LAND_MU }),
  /** first contact due before now, no first response yet, not signed or lost */
  overdue: flag(),
  /** escalation level 1 or more */
  escalated: flag(),
  /** received on or after this day, China time */
  from: optionalIsoDate(),
  /** received on or before this day, China time */
  to: optionalIsoDate(),
  /** reference, company, contact name or e-mail contains this (any script, any case) */
  q: optionalText(MAX_QUERY_LENGTH),
  sort: choiceWithDefault(INBOX_SORTS, "received-desc"),
  page: positiveIntWithDefault(INBOX_MAX_PAGE, 1),
});

export type InboxFilters = z.output<typeof inboxFilterSchema>;
type Key = keyof InboxFilters;
const KEYS = Object.keys(inboxFilterSchema.shape) as Key[];

/** Cross-field problems have inbox messages of their own (staff.inbox.errors.*). */
export const INBOX_ERROR_MESSAGES = ["toBeforeFrom", "unknownPark", "unknownAssignee"] as const;

/** The filters with every valid field applied, and a message for each refused one. */
export function parseInboxFilters(raw: Record<string, unknown>): { filters: InboxFilters; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const field = inboxFilterSchema.shape[key] as z.ZodType;
    const r = field.safeParse(raw[key]);
    if (r.success) {
      out[key] = r.data;
    } else {
      errors[key] = r.error.issues[0]?.message ?? messageOf("invalid");
      // the field's own "not given" value (its default)
      out[key] = field.parse(undefined);
    }
  }
  const filters = out as InboxFilters;
  if (filters.landMin !== undefined && filters.landMax !== undefined && filters.landMax < filters.landMin) {
    errors.landMax = messageOf("maxBelowMin");
    filters.landMax = undefined;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "toBeforeFrom";
    filters.to = undefined;
  }
  return { filters, errors };
}

/** The default view: what "reset" links to. */
export const DEFAULT_INBOX_FILTERS: InboxFilters = parseInboxFilters({}).filters;

/** The filters back to a query string, defaults left out so links stay short. */
export function toInboxSearchParams(f: Partial<InboxFilters>): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== "") p.set(k, String(v));
  };
  for (const s of f.stage ?? []) p.append("stage", s);
  if (f.assignee && f.assignee !== "any") set("assignee", f.assignee);
  set("park", f.park);
  set("industry", f.industry);
  set("country", f.country);
  set("landMin", f.landMin);
  set("landMax", f.landMax);
  if (f.overdue) set("overdue", "1");
  if (f.escalated) set("escalated", "1");
  set("from", f.from);
  set("to", f.to);
  set("q", f.q);
  if (f.sort && f.sort !== "received-desc") set("sort", f.sort);
  if (f.page && f.page > 1) set("page", f.page);
  return p;
}

/** What the audit row keeps of an export's filters: the applied ones, without the page. */
export function filtersForAudit(f: InboxFilters): Record<string, string | string[]> {
  const p = toInboxSearchParams({ ...f, page: 1 });
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(p.keys())) {
    const all = p.getAll(key);
    out[key] = key === "stage" ? all : all[0]!;
  }
  return out;
}

/** URLSearchParams / Next's searchParams -> the plain object the schema reads. */
export function inboxParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (!(params instanceof URLSearchParams)) return { ...params };
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
