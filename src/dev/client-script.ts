/**
 * The script the preview server adds to every page: it reloads the page when the site was rebuilt
 * and shows the diagnostics over the page when a case has errors, until they are fixed.
 */
export const DEV_CLIENT = `(() => {
  const source = new EventSource("/__casebook/events");
  let overlay;
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("problems", (event) => {
    const { text } = JSON.parse(event.data);
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "casebook-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", "Casebook: problems in the sources");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#f5f5f5;padding:2rem;font:14px/1.5 ui-monospace,monospace";
      document.body.append(overlay);
    }
    const title = document.createElement("h2");
    title.textContent = "casebook check found problems — fix them and save: the page reloads by itself";
    title.style.cssText = "font:600 18px system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem";
    const pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    overlay.replaceChildren(title, pre);
  });
})();`;
