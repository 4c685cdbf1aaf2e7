// Puppeteer's own install step would try to download Chrome on every `npm ci`. Casebook finds a
// browser itself (scripts/ensure-browser.mjs): a system Chromium first, then Puppeteer's download,
// then Debian's package. So the automatic download is always skipped here.
module.exports = { skipDownload: true };
