// Progressive enhancement only: every page works without this script.
import { initAll } from '/app/assets/govuk/govuk-frontend.min.js';

initAll();
