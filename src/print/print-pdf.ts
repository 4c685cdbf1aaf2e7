import type { Page } from "puppeteer";

/** A book of a few thousand pages takes minutes on a slow machine; Puppeteer's own limit is 3 minutes. */
const PRINT_TIMEOUT_MS = 30 * 60_000;
const CHUNK = 8 * 1024 * 1024;

/**
 * Prints the page to PDF through the DevTools protocol (what `page.pdf` does), with a timeout that
 * suits a whole book, and reads the result as a stream. `tagged` also makes the outline (bookmarks
 * from the headings); the page's CSS sets the paper and the margins.
 */
export async function printToPdf(page: Page, tagged: boolean): Promise<Uint8Array> {
  const session = await page.createCDPSession();
  try {
    const { stream } = await session.send(
      "Page.printToPDF",
      {
        transferMode: "ReturnAsStream",
        printBackground: true,
        preferCSSPageSize: true,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
        generateTaggedPDF: tagged,
        generateDocumentOutline: tagged,
      },
      { timeout: PRINT_TIMEOUT_MS },
    );
    if (!stream) throw new Error("Chromium returned no PDF.");
    const chunks: Buffer[] = [];
    for (;;) {
      const read = await session.send("IO.read", { handle: stream, size: CHUNK }, { timeout: PRINT_TIMEOUT_MS });
      chunks.push(Buffer.from(read.data, read.base64Encoded ? "base64" : "latin1"));
      if (read.eof) break;
    }
    await session.send("IO.close", { handle: stream });
    return Buffer.concat(chunks);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
