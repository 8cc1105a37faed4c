// The staff management actions: admins only (user.manage), each through defineAction, so the
// session, the permission and the shared schema are checked before anything is read.
import { after } from "next/server";
import { defineAction } from "../actions/action";
import { issuePasswordReset } from "../auth/password-reset";
import { db } from "../db";
import { deliverOutboxSoon } from "../mail/deliver";
import { changeStaffRole, createStaffAccount, setStaffDisabled, setStaffParks } from "./mutations";
import { changeRoleSchema, createStaffSchema, sendResetSchema, setDisabledSchema, setParksSchema } from "./schemas";

const access = { permission: "user.manage" } as const;

/** A new account; a generated password is in the result once and nowhere else. */
export const createStaffAction = defineAction({
  name: "staff.create",
  schema: createStaffSchema,
  access,
  handler: (input, ctx) => createStaffAccount(db(), ctx, input),
});

export const setStaffDisabledAction = defineAction({
  name: "staff.setDisabled",
  schema: setDisabledSchema,
  access,
  handler: (input, ctx) => setStaffDisabled(db(), ctx, input),
});

export const changeStaffRoleAction = defineAction({
  name: "staff.changeRole",
  schema: changeRoleSchema,
  access,
  handler: (input, ctx) => changeStaffRole(db(), ctx, input),
});

export const setStaffParksAction = defineAction({
  name: "staff.setParks",
  schema: setParksSchema,
  access,
  handler: (input, ctx) => setStaffParks(db(), ctx, input),
});

/** A one-time link to set a new password, e-mailed to the staff member (never shown to the admin). */
export const sendPasswordResetAction = defineAction({
  name: "staff.sendPasswordReset",
  schema: sendResetSchema,
  access,
  handler: async (input, ctx) => {
    const issued = await issuePasswordReset(db(), ctx, input.userId);
    after(deliverOutboxSoon); // the e-mail, queued with the token, sent once the response is out
    return issued;
  },
});
