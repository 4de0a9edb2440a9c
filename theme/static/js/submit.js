/* The Submit page: build a posting file, check it with the board's own rules, preview
 * the card, and open GitHub's new-file page (which forks and opens the pull request).
 *
 * The rules are not written here: the build emits them from board/*.py as JSON
 * (board/browser_rules.py) into <script id="submit-rules">; the cross-file checks' data
 * (every posting file, every open apply link: it grows with the board) is fetched from its
 * data-taken address the first time the form needs it (form.js). The modules in submit/
 * interpret them: validate.js in the order of board/posting.py parse_posting() and
 * board/entry.py check(), with Python's string, number and difflib behaviour ported where
 * it shapes a message (pytext.js, pynum.js, difflib.js); form.js runs the form; card.js
 * draws the preview with format.js (board/formats.py's numbers and slugs).
 *
 * No dependencies, no bundler, no network. window.MicroboardSubmit exposes validate() for tests.
 */
import { fileText, githubUrl, initForm } from "./submit/form.js";
import { makePreview } from "./submit/preview.js";
import { makeValidator } from "./submit/validate.js";

function load() {
  const node = document.getElementById("submit-rules");
  if (!node) return null;
  const rules = JSON.parse(node.textContent);
  return { rules, V: makeValidator(rules), taken: node.getAttribute("data-taken") };
}

window.MicroboardSubmit = {
  makeValidator,
  makePreview,
  fileText,
  githubUrl,
  validate(text, opts) { return load().V.validate(text, opts); },
};

const loaded = load();
if (loaded) initForm(loaded.rules, loaded.V, loaded.taken);
