// Light/dark theme: follows the system preference until the reader presses the toggle, then
// remembers the choice. Runs in <head> so the page never flashes in the wrong theme.
(() => {
  const KEY = "casebook-theme";
  const root = document.documentElement;
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage may be disabled; the system preference still applies.
  }
  if (stored === "dark" || stored === "light") root.dataset.theme = stored;
  const isDark = () => (root.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")) === "dark";
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.querySelector(".theme-toggle");
    if (!button) return;
    button.hidden = false;
    button.setAttribute("aria-pressed", String(isDark()));
    button.addEventListener("click", () => {
      root.dataset.theme = isDark() ? "light" : "dark";
      button.setAttribute("aria-pressed", String(isDark()));
      try {
        localStorage.setItem(KEY, root.dataset.theme);
      } catch {
        // Not remembered, but applied.
      }
    });
  });
})();
