// GOV.UK Frontend's components, started from a file rather than an inline script so that the
// Content-Security-Policy allows no inline module (docs/decisions/0073-sign-in-sessions-and-deployment.md).
import { initAll } from "./govuk/govuk-frontend.min.js";
initAll();

// A page that asks again by itself (an unfinished job) names the seconds in <meta name="app-refresh">;
// the reader may stop it (WCAG 2.2.2), and a meta refresh would not let them.
const refresh = document.querySelector('meta[name="app-refresh"]');
if (refresh) {
  const timer = window.setTimeout(() => window.location.reload(), Number(refresh.content) * 1000);
  const stop = document.querySelector("[data-app-stop-refresh]");
  if (stop) {
    stop.hidden = false;
    stop.addEventListener("click", () => {
      window.clearTimeout(timer);
      stop.hidden = true;
    });
  }
}
