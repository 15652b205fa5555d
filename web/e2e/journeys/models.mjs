// The AI models page as an administrator reads it (issue #22, "Operational ML"), on a desktop and on a phone: each
// training run with the candidate's and the serving model's metric, the decision, training time and data size; the
// training alert; drift of the inputs in words; the risk figures and what scores risk. Against the fixture gateway
// (e2e/fixture/models.mjs) the story is fixed (v2 worse and kept out, v3 failed); against the whole system the page
// must show the same structure with whatever the store has trained. Screenshot names use 80-84.

import assert from "node:assert/strict";
import { signInAsAdmin } from "../scenarios.mjs";

const phone = { width: 390, height: 844 };

async function modelsJourney({ page, mode, shot }, name, viewport) {
  await signInAsAdmin(page, mode);
  await page.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "AI models" }).click();
  await page.getByRole("heading", { name: "AI models", level: 1 }).waitFor();
  const recommender = page.getByRole("region", { name: "recommender" });
  const runs = recommender.getByRole("table", { name: /^Training runs of the recommender/ });
  await runs.waitFor();
  await page.getByTestId("risk-scorer").waitFor();

  if (mode === "fixture") {
    await runs.getByRole("row", { name: /v2/ }).filter({ hasText: "kept serving model (worse)" }).waitFor();
    await runs.getByRole("row", { name: /v3/ }).filter({ hasText: "failed: InvalidOperationException" }).waitFor();
    await page.getByRole("alert").filter({ hasText: "recommender: last training v3 failed" }).waitFor();
    const drift = recommender.getByRole("table", { name: /^Input drift since v1/ });
    await drift.getByRole("row", { name: /order value/ }).filter({ hasText: "drifted" }).waitFor();
    await drift.getByRole("row", { name: /product popularity share/ }).filter({ hasText: "stable" }).waitFor();
    await page.getByRole("region", { name: "Risk model in use (last 7 days)" }).filter({ hasText: "3 of 84 (3.6%)" }).waitFor();
    await page.getByRole("region", { name: "Risk model in use (last 365 days)" }).filter({ hasText: "42.9% (3 rejected of 7 decided)" }).waitFor();
    assert.match(await page.getByTestId("risk-scorer").textContent(), /Risk is scored by rules: no paid order has been cancelled yet/);
  } else {
    // The whole system trains at start: at least one run, with its training time and data size.
    // A run's row with its data size (the phone's stacked table hides the header row, so no row index is assumed).
    await runs.getByRole("row").filter({ hasText: /orders \d/ }).first().waitFor({ timeout: 120_000 });
  }
  if (viewport) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the models page is ${overflow}px wider than the phone`);
  }
  await shot(`${name}-models`);
  await runs.scrollIntoViewIfNeeded();
  await shot(`${name}-models-runs`);
}

export const modelJourneys = [
  {
    name: "an admin reads each model's training runs against the serving model, the training alert, input drift and the risk figures",
    run: (ctx) => modelsJourney(ctx, "80-admin"),
  },
  {
    name: "on a phone an admin reads the models page without sideways scrolling",
    fixtureOnly: true, // layout at phone width
    viewport: phone,
    run: (ctx) => modelsJourney(ctx, "82-phone-admin", phone),
  },
];
