// The admins' allotment-terms action (park.manage), through defineAction: session -> permission
// -> the form's schema -> the write. The page, a script or a test calls the same checks.
import "server-only";
import { defineAction } from "../actions/action";
import { db } from "../db";
import { saveTerms } from "./terms-mutations";
import { saveTermsSchema } from "./terms-schemas";

export const saveTermsAction = defineAction({ name: "terms.save", schema: saveTermsSchema, access: { permission: "park.manage" }, handler: (input, ctx) => saveTerms(db(), ctx, input) });
