// The admins' enterprise project actions (project.manage), each through defineAction.
import "server-only";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { createProject, updateProject } from "./project-mutations";
import { createProjectSchema, updateProjectSchema } from "./project-schemas";

const access = { permission: "project.manage" } as const;

export const createProjectAction = defineAction({ name: "project.create", schema: createProjectSchema, access, handler: (input, ctx) => createProject(db(), ctx, input) });
export const updateProjectAction = defineAction({ name: "project.update", schema: updateProjectSchema, access, handler: (input, ctx) => updateProject(db(), ctx, input) });
