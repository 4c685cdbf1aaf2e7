import { describe, expect, it } from "vitest";
import { BrowserMissingError, findBrowser } from "../src/browser/find-browser.js";
import { launchBrowser } from "../src/browser/launch-browser.js";

describe("browser", () => {
  it("fails with an actionable message when no browser exists", async () => {
    const search = findBrowser({}, { systemPaths: ["/nonexistent/chromium"], downloaded: () => "/nonexistent/chrome" });
    await expect(search).rejects.toBeInstanceOf(BrowserMissingError);
    await expect(search).rejects.toHaveProperty("hint", expect.stringMatching(/apt-get install -y chromium/));
  });

  it("prefers the browser named by CASEBOOK_CHROMIUM", async () => {
    const found = await findBrowser({ CASEBOOK_CHROMIUM: process.execPath });
    expect(found).toBe(process.execPath);
  });

  it("launches headless Chromium and prints a PDF", async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent("<html lang=en><body><h1>Casebook</h1></body></html>");
      const pdf = await page.pdf({ format: "A4" });
      expect(Buffer.from(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(await page.$eval("h1", (h) => h.textContent)).toBe("Casebook");
    } finally {
      await close();
    }
  });
});
