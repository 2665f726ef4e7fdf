// Run axe-core on HTML files in Debian's Chromium (puppeteer-core: no browser download).
// usage: node axe.js WIDTH[,WIDTH...] FILE.html...   prints one JSON object: {file@width: [violations]}
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

(async () => {
  const [widths, ...files] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  const results = {};
  try {
    for (const width of widths.split(",").map(Number)) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      for (const file of files) {
        await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
        await page.addScriptTag({ content: axeSource });
        const found = await page.evaluate(async () => {
          const report = await axe.run(document, { resultTypes: ["violations"] });
          return report.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
        });
        // A page wider than the window scrolls sideways (WCAG 1.4.10 reflow at 320 CSS px).
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        if (scrolls) found.push({ id: "horizontal-scroll", impact: "serious", help: "Page scrolls sideways", nodes: [] });
        results[`${path.basename(file)}@${width}`] = found;
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results) + "\n");
})().catch((error) => { console.error(`axe.js: ${error.message}`); process.exit(2); });
