import { describe, expect, it } from "vitest";
import { typedValues } from "@/lib/inquiry/form-values";

describe("typedValues", () => {
  it("gives back the visible fields as typed, never the honeypot, the key, the target or files", () => {
    const form = new FormData();
    form.set("contactName", "  Anna  ");
    form.set("email", "not-an-email");
    form.set("consent", "on");
    form.set("message", "");
    form.set("website", "http://spam.example");
    form.set("idempotencyKey", "3f1c0d5e-0000-4000-8000-000000000000");
    form.set("blockKey", "JM-EU-B09-P01");
    form.set("$ACTION_KEY", "k0");
    form.set("company", new Blob(["x"]), "company.txt");
    expect(typedValues(form)).toEqual({ contactName: "  Anna  ", email: "not-an-email", consent: "on" });
  });

  it("caps a huge value", () => {
    const form = new FormData();
    form.set("message", "x".repeat(50_000));
    expect(typedValues(form).message).toHaveLength(10_000);
  });
});
