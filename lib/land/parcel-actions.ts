// The staff parcel actions: each goes through defineAction (session -> permission -> the form's
// own schema -> the write), so the page, a script or a test call the same checks. Editing needs
// parcel.edit; moves outside the ordinary rules also need parcel.override (checked in the write).
import "server-only";
import { defineAction, type StaffContext } from "../actions/action";
import { db } from "../db";
import { bulkUpdateParcels, updateParcel } from "./parcel-mutations";
import { bulkUpdateSchema, updateParcelSchema, type BulkUpdateInput, type UpdateParcelInput } from "./parcel-schemas";

export const updateParcelAction = defineAction({
  name: "parcel.update",
  schema: updateParcelSchema,
  access: { permission: "parcel.edit" },
  handler: (input: UpdateParcelInput, ctx: StaffContext) => updateParcel(db(), input, ctx),
});

export const bulkUpdateParcelsAction = defineAction({
  name: "parcel.bulkUpdate",
  schema: bulkUpdateSchema,
  access: { permission: "parcel.edit" },
  handler: (input: BulkUpdateInput, ctx: StaffContext) => bulkUpdateParcels(db(), input, ctx),
});
