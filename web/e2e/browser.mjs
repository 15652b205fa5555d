// Debian's Chromium driven by playwright-core: never a downloaded browser. The flags keep it off the network beyond
// localhost (this machine's closed network otherwise refuses its background connections at every start).
import { chromium } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Playwright gives every launch a fresh, empty profile directory (the equivalent of a new --user-data-dir). */
export const launchBrowser = () => chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
