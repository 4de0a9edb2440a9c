/* The Submit page's first script, kept small so the form paints before anything heavy
 * runs: the form's modules (submit.js, ~60 KB with the validator) and its rules
 * (submit/rules.json, ~78 KB, fetched by submit.js) start after the first paint.
 *
 * Until the form is running, "Check and preview" (or Enter in a field) must neither pass
 * nor reload the page with the fields in its address: the press is held here and
 * submit.js runs the check as soon as the rules are in (window.MicroboardSubmitBoot.take()).
 */
const form = document.getElementById("submit-form");
const status = document.getElementById("submit-status");
let asked = false;

function hold(ev) {
  ev.preventDefault();
  asked = true;
  status.textContent = "Loading the board's rules; your posting is checked as soon as they are here.";
}

if (form) {
  form.addEventListener("submit", hold);
  window.MicroboardSubmitBoot = {
    /** Stop holding presses (the form's own handler takes over); true if one is waiting. */
    take() { form.removeEventListener("submit", hold); const was = asked; asked = false; return was; },
  };
  // After the first paint: the frame is drawn, then the next task starts the form.
  requestAnimationFrame(() => setTimeout(() => import("./submit.js"), 0));
}
