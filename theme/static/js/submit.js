/* The Submit page: build a posting file, check it with the board's own rules, preview
 * the card, and open GitHub's new-file page (which forks and opens the pull request).
 *
 * Started by submit-boot.js after the first paint. The rules are not written here: the
 * build emits them from board/*.py as JSON (board/browser_rules.py) into submit/rules.json,
 * fetched from #submit-rules' data-src (its ?v= is the rules' hash, so a cached copy is
 * never stale); a failed fetch shows #rules-failed with "Try again". The cross-file checks'
 * data (every posting file, every open apply link: it grows with the board) is fetched from
 * its data-taken address the first time the form needs it (form.js). The modules in submit/
 * interpret them: validate.js in the order of board/posting.py parse_posting() and
 * board/entry.py check(), with Python's string, number and difflib behaviour ported where
 * it shapes a message (pytext.js, pynum.js, difflib.js); form.js runs the form; card.js
 * draws the preview with format.js (board/formats.py's numbers and slugs) and wording.js
 * (board/formats.py WORDING); preview.js loads the Markdown renderer on the first preview.
 *
 * No dependencies, no bundler, no third-party network. window.MicroboardSubmit (set once
 * the rules are in and the form runs) exposes validate() and the factories for tests.
 */
import { fileText, githubUrl, initForm } from "./submit/form.js";
import { makePresent, renderCard } from "./submit/card.js";
import { makePreview } from "./submit/preview.js";
import { makeValidator } from "./submit/validate.js";

const node = document.getElementById("submit-rules");
const failed = document.getElementById("rules-failed");

async function fetchRules(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function start(rules) {
  const V = makeValidator(rules);
  const boot = window.MicroboardSubmitBoot;
  initForm(rules, V, node.getAttribute("data-taken"), boot ? boot.take() : false);
  window.MicroboardSubmit = {
    rules, makeValidator, makePreview, makePresent, renderCard, fileText, githubUrl,
    validate(text, opts) { return V.validate(text, opts); },
  };
}

function load() {
  failed.hidden = true;
  return fetchRules(node.getAttribute("data-src")).then(start, () => { failed.hidden = false; });
}

if (node && failed) {
  document.getElementById("rules-retry").addEventListener("click", load);
  load();
}
