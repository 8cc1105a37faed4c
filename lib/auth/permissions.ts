// What staff may do. Code asks for a permission, never for a role; this table is the one place
// that says which role has which. Unknown roles and unknown permissions fail closed.
import type { Role } from "../generated/prisma/enums";

export const PERMISSIONS = [
  /** open the inbox and the lead pages (scoped: an officer's parks and assignments) */
  "lead.read",
  /** every lead, whatever its park or assignee */
  "lead.readAll",
  /** notes, stage moves, next-action dates, replies, logged calls and meetings, match re-runs */
  "lead.triage",
  /** assign and reassign leads */
  "lead.assign",
  /** export the filtered inbox as CSV (audited) */
  "lead.export",
  /** escalation levels 2 and 3: the admins' overview */
  "lead.escalations",
  /** create, disable and edit staff accounts, roles and park responsibilities */
  "user.manage",
  /** edit the working-day calendar (public holidays and swapped working days) */
  "calendar.manage",
  /** one's own account: password, two-factor set-up, recovery codes (every staff member) */
  "account.self",
  /** the staff parcel list and parcel pages, with their history */
  "land.read",
  /** export a park's parcels or a search result as GeoJSON / CSV */
  "land.export",
  /** hold a lead's parcels (under negotiation / reserved) and mark them sold or leased on signing */
  "land.hold",
  /** edit parcels: status (allowed moves), reason, price, plot ratios, readiness, handover, verified */
  "parcel.edit",
  /** moves the transition rules refuse (e.g. sold -> available), and a second hold on held land */
  "parcel.override",
  /** cadastre import (GeoJSON + CSV), dry run and commit */
  "parcel.import",
  /** create and edit parks and their zones */
  "park.manage",
  /** create and edit enterprise projects */
  "project.manage",
  /** the audit log page (every entity); a parcel's, lead's or project's own history needs only its read permission */
  "audit.read",
  /** portal-wide settings: the USD/EUR exchange rates (and their date) shown beside CNY figures */
  "settings.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  OFFICER: ["lead.read", "lead.triage", "lead.assign", "lead.export", "account.self", "land.read", "land.export", "land.hold"],
};

/** Roles that must sign in with a second factor (TOTP); others are offered it. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ["ADMIN"];

export function requiresTwoFactor(role: string): boolean {
  return (TWO_FACTOR_REQUIRED_ROLES as readonly string[]).includes(role);
}

/** The one permission an admin who has not set up two-factor yet holds: setting it up. */
export const TWO_FACTOR_ENROLMENT_PERMISSION: Permission = "account.self";

/** True when the actor still owes their second factor and this permission is not the enrolment one. */
export function twoFactorBlocks(actor: { twoFactorPending?: boolean }, permission: Permission): boolean {
  return actor.twoFactorPending === true && permission !== TWO_FACTOR_ENROLMENT_PERMISSION;
}

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as Role].includes(permission);
}
