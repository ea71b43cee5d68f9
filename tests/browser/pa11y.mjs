// pa11y (HTML_CodeSniffer, WCAG 2 AA) over the pages given as file paths, in
// one Debian Chromium (no download): prints one JSON object, page -> issues.
// Run by tests/browser/test_validators.py with node, from _build/npm.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [npmRoot, ...pages] = process.argv.slice(2);
const require = createRequire(`${npmRoot}/node_modules/`);
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  for (const page of pages) {
    const result = await pa11y(pathToFileURL(page).href, {
      browser,
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      includeNotices: false,
      includeWarnings: false,
      timeout: 60000,
    });
    results[page] = result.issues.map(i => ({ code: i.code, message: i.message, selector: i.selector, type: i.type }));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
