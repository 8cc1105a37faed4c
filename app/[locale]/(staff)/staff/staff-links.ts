// The staff bar's links, each shown only to those whose permissions open its page.
import type { Actor } from "@/lib/auth/actor";
import { can, twoFactorBlocks, type Permission } from "@/lib/auth/permissions";

export interface NavLink {
  href: string;
  key: "leads" | "overview" | "parcels" | "import" | "users" | "calendar" | "parks" | "projects" | "audit" | "rates" | "account";
  permission: Permission;
}

const LINKS: NavLink[] = [
  { href: "/staff/leads", key: "leads", permission: "lead.read" },
  { href: "/staff", key: "overview", permission: "lead.read" },
  { href: "/staff/parcels", key: "parcels", permission: "land.read" },
  { href: "/staff/parcels/import", key: "import", permission: "parcel.import" },
  { href: "/staff/users", key: "users", permission: "user.manage" },
  { href: "/staff/calendar", key: "calendar", permission: "calendar.manage" },
  { href: "/staff/parks", key: "parks", permission: "park.manage" },
  { href: "/staff/projects", key: "projects", permission: "project.manage" },
  { href: "/staff/audit", key: "audit", permission: "audit.read" },
  { href: "/staff/settings/rates", key: "rates", permission: "settings.manage" },
  { href: "/staff/account", key: "account", permission: "account.self" },
];

export function staffLinks(actor: Pick<Actor, "role" | "twoFactorPending">): NavLink[] {
  return LINKS.filter((l) => can(actor.role, l.permission) && !twoFactorBlocks(actor, l.permission));
}
