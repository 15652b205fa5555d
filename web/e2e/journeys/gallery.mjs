// The product page's pictures and zoom (issue #21): responsive <picture>s that arrive as WebP and decode, thumbnails
// the arrow keys move through, and a zoom view that Escape closes back to the main image. The product is read from
// the catalog: the one with the most images among the first few (the fixture has three-image products; the seeded
// store's products each have their generated illustration, so there the thumbnail steps are skipped and logged).

/** Every product image on the page: decoded (a real picture, not a broken one) and which file the browser chose. */
const pictures = (page, selector) =>
  page.locator(selector).evaluateAll((imgs) => Promise.all(imgs.map(async (img) => {
    // A srcset image's naturalWidth is scaled by the chosen width descriptor, so the file's own pixels are read from a
    // second decode of the same (cached) file.
    const file = new Image();
    file.src = img.currentSrc;
    const natural = await file.decode().then(() => file.naturalWidth, () => 0);
    return {
      decoded: img.complete && img.naturalWidth > 0, src: img.currentSrc, alt: img.alt, natural,
      // Sharp: the file has at least the pixels its box shows at the screen's density (object-fit keeps its ratio).
      needed: Math.round(Math.min(img.clientWidth, img.clientHeight * (img.naturalWidth / img.naturalHeight)) * devicePixelRatio),
    };
  })));

/** Waits until every image the selector finds has loaded, then fails naming any that did not decode. */
async function expectDecoded(page, selector, what) {
  await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((img) => img.complete), selector);
  const shown = await pictures(page, selector);
  if (shown.length === 0) throw new Error(`no ${what} image on the page`);
  const broken = shown.filter((p) => !p.decoded);
  if (broken.length) throw new Error(`${what} images that did not decode: ${broken.map((p) => p.src).join(", ")}`);
  return shown;
}

const focusedLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));

/** The in-stock product with the most gallery images among the first ten (ties: the cheapest). */
async function productWithMostImages(baseUrl) {
  const { items } = await (await fetch(`${baseUrl}/api/products?inStock=true&sort=price_asc&limit=10`)).json();
  let best = null;
  for (const item of items) {
    const detail = await (await fetch(`${baseUrl}/api/products/${item.id}`)).json();
    const count = detail.gallery?.length ?? 0;
    if (!best || count > best.count) best = { slug: item.slug, name: detail.family?.name ?? detail.name, count, firstAlt: detail.gallery?.[0]?.alt ?? null };
  }
  if (!best) throw new Error("the catalog has no product in stock");
  return best;
}

async function galleryJourney({ page, shot, baseUrl, log }, shots) {
  const product = await productWithMostImages(baseUrl);
  await page.goto(`/products/${product.slug}`);
  await page.getByRole("heading", { level: 1, name: product.name }).waitFor();
  const count = product.count;
  const mainName = (i) => `Zoom: ${product.name}${count > 1 ? `, image ${i} of ${count}` : ""}`;
  const main = page.getByRole("button", { name: mainName(1), exact: true });
  await main.waitFor();

  // The main image is the page's LCP: high priority, decoded, and the WebP the <picture> offers first.
  const [shown] = await expectDecoded(page, ".gallery-main img", "main");
  if (!/\.webp(\?|$)/.test(shown.src)) throw new Error(`the main image came as ${shown.src}, not WebP`);
  if ((await page.locator(".gallery-main img").getAttribute("fetchpriority")) !== "high") throw new Error("the main image is not fetchpriority=high");
  // Stored alt text when the image has one, else the product's name.
  if (shown.alt !== (product.firstAlt || product.name)) throw new Error(`the main image's alt is "${shown.alt}", not "${product.firstAlt || product.name}"`);
  // Sharp: a 480 px card stretched over a 544 px desktop column is what the 960 px rendition is for.
  if (shown.natural < Math.min(shown.needed, 960)) throw new Error(`the main image is ${shown.natural} px wide for a box needing ${shown.needed} px (${shown.src})`);
  log(`main image ${shown.src.split("/").pop()} (${shown.natural} px for ${shown.needed} px), alt "${shown.alt}", ${count} image(s)`);

  if (count > 1) {
    await expectDecoded(page, ".thumbs img", "thumbnail");
    const thumbs = page.getByRole("group", { name: `Images of ${product.name}` }).getByRole("button");
    await thumbs.first().focus();
    await page.keyboard.press("ArrowRight");
    if ((await focusedLabel(page)) !== `Image 2 of ${count}`) throw new Error(`Arrow Right focused "${await focusedLabel(page)}", not the second thumbnail`);
    if ((await thumbs.nth(1).getAttribute("aria-current")) !== "true") throw new Error("the second thumbnail is not marked current after Arrow Right");
    await page.getByRole("button", { name: mainName(2), exact: true }).waitFor();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: mainName(count), exact: true }).waitFor();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expectDecoded(page, ".gallery-main img", "main");
  } else {
    log("one image: no thumbnails to move through (the seeded store's products have one illustration each)");
  }
  await shot(shots.gallery);

  // Zoom by keyboard: Enter on the main image opens the dialog with focus inside; Escape closes it back to the image.
  const current = count > 1 ? 2 : 1;
  const opener = page.getByRole("button", { name: mainName(current), exact: true });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: mainName(current).slice("Zoom: ".length), exact: true });
  await dialog.waitFor();
  if ((await focusedLabel(page)) !== "Close") throw new Error(`the zoom view opened with focus on "${await focusedLabel(page)}", not Close`);
  const [zoomed] = await expectDecoded(page, ".zoom-body img", "zoom");
  // The zoom view's srcset has card, large and zoom: the browser takes the smallest that fills the screen, as WebP.
  if (!/-(card|large|zoom)\.webp(\?|$)/.test(zoomed.src)) throw new Error(`the zoom view shows ${zoomed.src}, not a WebP rendition`);
  if (zoomed.natural < Math.min(zoomed.needed, 1200)) throw new Error(`the zoom view's image is ${zoomed.natural} px wide for ${zoomed.needed} px (${zoomed.src})`);
  log(`zoom view ${zoomed.src.split("/").pop()} (${zoomed.natural} px for ${zoomed.needed} px)`);
  await shot(shots.zoom);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, mainName(current));
}

export const galleryJourneys = [
  {
    name: "a shopper moves through a product's pictures by keyboard, opens the zoom view and Escape brings focus back (desktop)",
    viewport: { width: 1366, height: 850 },
    async run(context) {
      await galleryJourney(context, { gallery: "70-gallery", zoom: "71-zoom" });
      // The cards' pictures on the catalog decode too (the first row is loaded at once, not lazily).
      await context.page.goto("/catalog");
      await context.page.getByRole("list", { name: "Search results" }).waitFor();
      const cards = await expectDecoded(context.page, ".card-image img[loading=eager]", "card");
      context.log(`${cards.length} above-the-fold card pictures decoded`);
    },
  },
  {
    name: "on a phone the gallery's buttons and the zoom view work the same at 390 × 844",
    fixtureOnly: true, // the desktop journey covers the services
    viewport: { width: 390, height: 844 },
    async run(context) {
      await galleryJourney(context, { gallery: "72-phone-gallery", zoom: "73-phone-zoom" });
      // The Close button is reachable by touch too: tapping it closes the view.
      const { page } = context;
      await page.locator(".gallery-main").click();
      await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) throw new Error(`the product page scrolls sideways at 390 px (${width} px wide)`);
    },
  },
];
