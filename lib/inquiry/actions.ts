import { defineAction } from "../actions/action";
import { db } from "../db";
import { createInquiry } from "./mutations";
import { inquirySchema } from "./schemas";

/** The investor's inquiry action, minus the request context the route supplies. */
export const submitInquiryAction = (ipHash: string | null) =>
  defineAction({
    name: "submitInquiry",
    schema: inquirySchema,
    access: "public",
    handler: (input) => createInquiry(db(), input, { ipHash }),
  });
