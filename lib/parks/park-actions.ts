// The admins' park and zone actions (park.manage), each through defineAction: session ->
// permission -> the form's own schema -> the write. A page, a script or a test calls the same checks.
import "server-only";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { createPark, createZone, updatePark, updateZone } from "./park-mutations";
import { createParkSchema, createZoneSchema, updateParkSchema, updateZoneSchema } from "./park-schemas";

const access = { permission: "park.manage" } as const;

export const createParkAction = defineAction({ name: "park.create", schema: createParkSchema, access, handler: (input, ctx) => createPark(db(), ctx, input) });
export const updateParkAction = defineAction({ name: "park.update", schema: updateParkSchema, access, handler: (input, ctx) => updatePark(db(), ctx, input) });
export const createZoneAction = defineAction({ name: "zone.create", schema: createZoneSchema, access, handler: (input, ctx) => createZone(db(), ctx, input) });
export const updateZoneAction = defineAction({ name: "zone.update", schema: updateZoneSchema, access, handler: (input, ctx) => updateZone(db(), ctx, input) });
