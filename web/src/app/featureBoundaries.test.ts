import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve, sep } from "node:path";

// The import rule of the storefront's layout (docs/storefront.md, "Code layout"), checked on every `npm test`:
// - a feature imports another feature only through its public entry, features/<name>/index.ts;
// - shared/ imports no feature and nothing of app/; a feature imports nothing of app/.
// app/ composes everything and may import any file (it lazy-loads each feature's pages by path, so every page stays a
// chunk of its own). Tests and the helpers in src/test/ may reach into the features they exercise.

const src = resolve(process.cwd(), "src");

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith(join("api", "generated")) ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });

/** Every relative module a file names: static imports, re-exports, side-effect imports and import(). */
const specifiers = (text: string) =>
  [...text.matchAll(/(?:from\s*|import\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);

const area = (path: string) => {
  const [top, name] = path.split("/");
  return top === "features" ? { kind: "feature", name } : { kind: top ?? "" };
};

/** Why importing `target` from `file` (both relative to src/, with /) breaks the rule, or undefined. */
function violation(file: string, target: string): string | undefined {
  const from = area(file);
  const to = area(target);
  if (from.kind === "shared" && (to.kind === "feature" || to.kind === "app")) return "shared/ imports no feature and nothing of app/";
  if (from.kind === "feature" && to.kind === "app") return "a feature imports nothing of app/";
  if (from.kind === "feature" && to.kind === "feature" && from.name !== to.name) {
    const entry = `features/${to.name}`;
    if (target !== entry && target !== `${entry}/index`) return `import another feature through its entry, ${entry} (index.ts)`;
  }
  return undefined;
}

describe("feature boundaries", () => {
  it("names the reach past a feature's entry", () => {
    expect(violation("features/checkout/CheckoutPage.tsx", "features/cart/useCart")).toMatch(/features\/cart/);
    expect(violation("features/checkout/CheckoutPage.tsx", "features/cart")).toBeUndefined();
    expect(violation("features/cart/CartPage.tsx", "features/cart/QuoteSummary")).toBeUndefined();
    expect(violation("shared/ui/Status.tsx", "features/orders")).toBeDefined();
    expect(violation("features/orders/OrderPage.tsx", "app/Layout")).toBeDefined();
    expect(violation("app/App.tsx", "features/admin/AdminLayout")).toBeUndefined();
  });

  it("holds for every source file", () => {
    const broken: string[] = [];
    for (const path of sourceFiles(src)) {
      const file = relative(src, path).split(sep).join(posix.sep);
      if (/\.test\.tsx?$/.test(file) || file.startsWith("test/")) continue;
      for (const spec of specifiers(readFileSync(path, "utf8"))) {
        const target = relative(src, resolve(dirname(path), spec)).split(sep).join(posix.sep).replace(/\.(ts|tsx)$/, "");
        const why = violation(file, target);
        if (why) broken.push(`${file} imports ${spec}: ${why}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
