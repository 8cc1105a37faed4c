// The admins' project pages read through here (project.manage checked next to the data too).
import "server-only";
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { assertPermission } from "../auth/session";
import { db } from "../db";
import { listParkOptions } from "../parks/admin-queries";
import { getAdminProject, listAdminProjects } from "./queries";

export async function loadAdminProjects(actor: Actor) {
  assertPermission(actor, "project.manage");
  return listAdminProjects(db());
}

export async function loadProjectParkOptions(actor: Actor) {
  assertPermission(actor, "project.manage");
  return listParkOptions(db());
}

/** generateMetadata and the page share one read per request. */
export const loadAdminProject = cache(async (actor: Actor, code: string) => {
  assertPermission(actor, "project.manage");
  const [project, parks] = await Promise.all([getAdminProject(db(), code), listParkOptions(db())]);
  return project ? { project, parks } : null;
});
