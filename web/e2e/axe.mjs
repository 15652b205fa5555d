// axe-core on every page state the journeys screenshot: each shot is also an accessibility check. Violations of
// impact "serious" or "critical" fail the run; the summary (pages checked, violations by rule) goes to the artefacts.
import { writeFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";

const failing = new Set(["serious", "critical"]);
const reason = (node) => [...node.any, ...node.all, ...node.none].map((c) => c.message).find(Boolean) ?? node.failureSummary;

export function accessibilityAudit() {
  const checked = [];
  const violations = [];
  const minor = {}; // moderate and minor violations, by rule: reported, not failing
  const needsReview = {}; // what axe could not decide (e.g. contrast over an image), by rule
  const others = []; // their elements, for the JSON summary
  const count = (into, results, page, kind) =>
    results.forEach((r) => {
      into[r.id] = (into[r.id] ?? 0) + r.nodes.length;
      others.push({ page, kind, rule: r.id, impact: r.impact, targets: r.nodes.map((n) => n.target.join(" ")), why: r.nodes.map(reason) });
    });
  return {
    /** Runs axe (WCAG 2.x A/AA and best-practice rules) on the page as it stands and records what fails. */
    async check(name, page) {
      const result = await new AxeBuilder({ page }).analyze();
      checked.push(name);
      count(minor, result.violations.filter((v) => !failing.has(v.impact)), name, "violation");
      count(needsReview, result.incomplete, name, "needs review");
      for (const v of result.violations.filter((v) => failing.has(v.impact))) {
        violations.push({ page: name, url: page.url(), rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) });
      }
    },
    get pagesChecked() {
      return checked.length;
    },
    /** The report: a line per violation, for the console and the run's failure. */
    describe() {
      return violations.map((v) => `${v.page}: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.join(", ")}`);
    },
    write(folder) {
      const byRule = {};
      for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + v.targets.length;
      const summary = { pagesChecked: checked.length, seriousOrCriticalViolations: violations.length, byRule, pages: checked, violations, moderateOrMinorByRule: minor, needsReviewByRule: needsReview, others };
      writeFileSync(`${folder}accessibility.json`, JSON.stringify(summary, null, 2));
      const rules = Object.entries(byRule).map(([rule, nodes]) => `| ${rule} | ${nodes} |`);
      const md = [
        "# Accessibility (axe-core)",
        "",
        `Pages and states checked: ${checked.length}. Serious or critical violations: ${violations.length}.`,
        "",
        ...(rules.length ? ["| rule | elements |", "| --- | --- |", ...rules, "", ...this.describe().map((l) => `- ${l}`)] : []),
        "",
        `Moderate or minor (not failing), elements by rule: ${JSON.stringify(minor)}`,
        `Axe could not decide (needs review), elements by rule: ${JSON.stringify(needsReview)}`,
        "",
      ];
      writeFileSync(`${folder}accessibility.md`, md.join("\n"));
    },
  };
}
