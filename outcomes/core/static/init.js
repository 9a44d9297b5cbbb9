// GOV.UK Frontend's components, started from a file rather than an inline script so that the
// Content-Security-Policy allows no inline module (docs/decisions/0073-sign-in-sessions-and-deployment.md).
import { initAll } from "./govuk/govuk-frontend.min.js";
initAll();
