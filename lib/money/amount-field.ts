// A form field for a yuan amount typed as people in China write it ("25万", "250,000",
// "¥250,000 元"; lib/money/amount.ts). Browser-safe. Blank is "not given"; text that is not an
// amount is refused with "notAnAmount" (the form says what it accepts), a repeated field with
// "repeated", zero or less with "mustBePositive", above `max` with "tooLarge:<max>".
import { z } from "zod";
import { blankToUndefined, parseDecimal } from "../validation/fields";
import { messageOf } from "../validation/messages";
import { parseCnyAmount } from "./amount";

export function optionalCnyAmount(max: number) {
  return z.preprocess(
    (v, ctx) => {
      const b = blankToUndefined(v);
      if (b === undefined) return undefined;
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message, input: v });
        return z.NEVER;
      };
      if (Array.isArray(b)) return fail(messageOf("repeated"));
      // A minus sign is no amount parseCnyAmount reads: say "above zero", which is the truth.
      if (typeof b === "string" && /^\s*-/.test(b)) return fail(messageOf("mustBePositive"));
      const n = parseCnyAmount(b);
      if (n === null) return fail("notAnAmount");
      // parseCnyAmount rounds to whole yuan; a price typed in yuan with a fraction ("300000.5")
      // is refused as not whole rather than changed. (In 万 a decimal is how it is written.)
      if (typeof b === "string" && !/[万亿]/.test(b)) {
        const plain = parseDecimal(b.replace(/[¥￥元]|人民币|cny|rmb|yuan/gi, "").trim());
        if (plain !== null && !Number.isInteger(plain)) return fail(messageOf("mustBeWhole"));
      }
      if (!(n > 0)) return fail(messageOf("mustBePositive"));
      if (n > max) return fail(messageOf("tooLarge", max));
      return n;
    },
    z.number().optional(),
  );
}
