// The inquiry form's refusals, in a real browser. With JavaScript off the browser posts the
// form itself and the server renders the page again with the action's result; with it on,
// React resets the form after the action. Either way a refusal must come back with everything
// typed still in the fields (except the honeypot), and the corrected form must go through once.
// And a body that is not a form at all gets a validation answer, not a 500.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "@/lib/db/client";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");

const typed = {
  contactName: "Jürgen Weiß",
  company: "Weiß Präzisionsteile GmbH",
  email: "juergen.weiss@example",
  phone: "+49 711 555 0100",
  country: "Germany",
  landNeededMu: "120",
  jobs: "80",
  message: "We machine gearbox housings and look for serviced land near a port.",
};

async function fillForm(page: Page) {
  for (const [name, value] of Object.entries(typed)) await page.fill(`#${name}`, value);
  await page.selectOption("#industry", "ADVANCED_MANUFACTURING");
  await page.selectOption("#timeline", "6-12-months");
  await page.check("#consent");
}

async function expectKept(page: Page, email = typed.email) {
  for (const [name, value] of Object.entries({ ...typed, email })) expect(await page.inputValue(`#${name}`), name).toBe(value);
  expect(await page.inputValue("#industry")).toBe("ADVANCED_MANUFACTURING");
  expect(await page.inputValue("#timeline")).toBe("6-12-months");
  expect(await page.isChecked("#consent")).toBe(true);
}

describe.skipIf(!chromiumPath)("inquiry form without JavaScript", () => {
  const browser = useBrowser(chromiumPath);

  it("keeps what was typed through a refusal, drops the honeypot, and sends the corrected form once", async () => {
    const context = await browser().newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/inquiry`);
    await fillForm(page);
    await page.getByRole("button", { name: "Send inquiry" }).click();
    await page.waitForLoadState("load");
    await expect(page.locator("#email-error").textContent()).resolves.toBe("Enter a valid email address.");
    await expect(page.getByTestId("inquiry-error").textContent()).resolves.toBe("Please correct the fields marked below; nothing was sent yet.");
    await expectKept(page);

    // A filled honeypot: a generic refusal naming no field, the rest kept, the honeypot empty.
    await page.fill("#email", "juergen.weiss@example.de");
    await page.locator("#website").evaluate((el) => el.setAttribute("value", "http://spam.example"));
    await page.getByRole("button", { name: "Send inquiry" }).click();
    await page.waitForLoadState("load");
    const refusal = await page.getByTestId("inquiry-error").textContent();
    expect(refusal).toBe("This submission could not be accepted and nothing was sent. Please check your entries and send it again, or write to us by e-mail.");
    expect(await page.content()).not.toContain("spam.example");
    expect(await page.inputValue("#website")).toBe("");
    await expectKept(page, "juergen.weiss@example.de");

    await page.getByRole("button", { name: "Send inquiry" }).click();
    await page.getByTestId("inquiry-success").waitFor();
    expect(await page.getByTestId("inquiry-reference").textContent()).toMatch(/^JM\d{4}-[A-Z0-9]{6}$/);
    const db = createPrismaClient(inject("e2eDatabaseUrl"), 1);
    try {
      const rows = await db.inquiry.findMany({ where: { email: "juergen.weiss@example.de" }, select: { contactName: true, jobs: true, timeline: true } });
      expect(rows).toEqual([{ contactName: "Jürgen Weiß", jobs: 80, timeline: "6-12-months" }]);
    } finally {
      await db.$disconnect();
    }
    await context.close();
  });

  it("with JavaScript on, a refusal only the server can make also keeps what was typed", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/inquiry`);
    // The browser's own check passes; the request is changed on its way, so the server refuses.
    await page.route(`${baseUrl}/en/inquiry`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      await route.continue({ postData: request.postDataBuffer()!.toString("utf8").replace("juergen.weiss@example.de", "juergen.weiss@example") });
    });
    await fillForm(page);
    await page.fill("#email", "juergen.weiss@example.de");
    await page.getByRole("button", { name: "Send inquiry" }).click();
    await page.locator("#email-error").waitFor();
    await expectKept(page);
    await context.close();
  });
});

describe.skipIf(!baseUrl)("the inquiry action over plain HTTP", () => {
  it("a text/plain body posted to the inquiry action gets a validation result, not a 500", async () => {
    const html = await (await fetch(`${baseUrl}/en/inquiry`)).text();
    // The form's server reference, as the page hands it to a browser without JavaScript.
    const id = /&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;/.exec(html)?.[1];
    expect(id).toBeTruthy();
    const res = await fetch(`${baseUrl}/en/inquiry`, {
      method: "POST",
      headers: { "Next-Action": id!, "Content-Type": "text/plain;charset=UTF-8", Origin: baseUrl, Accept: "text/x-component" },
      body: JSON.stringify([null, "contactName=Anna&email=anna@example.de&message=hello"]),
    });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain('"fieldErrors":{"form":"notForm"}');
  });
});
