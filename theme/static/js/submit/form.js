/* The Submit form: fields -> posting file -> the validator's verdict, every problem at
 * once, in the order of the form, next to each field and in the summary, in the form's
 * words (board/messages.py's "form" texts with the fields' labels); a valid file gets a
 * preview card and GitHub's new-file link. */

import { el, makePresent, renderCard } from "./card.js";
import { makeDraft } from "./draft.js";
import { applyLocaleCurrency, showHourly, suggestSkills } from "./inputs.js";
import { makePreview } from "./preview.js";

export function fileText(rules, f) {
  const lines = [];
  for (const [key, name] of Object.entries(rules.display)) {
    let value = (f[key] || "").trim();
    if (!value) continue;
    if (key === "deliverables") {
      const items = value.split(/\r?\n/).map(s => s.trim()).filter(Boolean);
      if (!items.length) continue;
      value = items.join("\n    ");
    } else {
      value = value.replace(/\s*[\r\n]+\s*/g, " ");
    }
    lines.push(`${name}: ${value}`);
  }
  const body = (f.description || "").replace(/\r\n?/g, "\n").trim();
  return lines.join("\n") + "\n\n" + body + "\n";
}

// encodeURIComponent throws URIError on a lone surrogate (a half emoji pasted into the
// title); the file keeps U+FFFD there instead, as board.entry.clean_text does.
export function encodeText(text) { return encodeURIComponent(String(text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")); }

export function githubUrl(rules, slug, text) {
  return `https://github.com/${rules.repository}/new/${rules.branch}/${rules.postings_dir}?filename=${encodeText(slug + ".md")}&value=${encodeText(text)}`;
}

function todayUTC() { return new Date().toISOString().slice(0, 10); }

const FIELD_INPUT = {
  "pay": "f-pay-amount", "file name": "f-slug", "slug": "f-slug", "body": "f-description", "description": "f-description",
  "apply": "f-apply-url", "header": "f-title", "file": "f-description", "text": "f-title",
};

/* The cross-file checks' data (board.validate's: existing file names, open apply links),
 * fetched once from `url` when the form first needs it and merged into `rules`. Without a
 * url (a test page with the data inline) it is ready at once. */
function makeDuplicates(rules, url) {
  let state = url ? "idle" : "ready", promise = Promise.resolve();
  return {
    get state() { return state; },
    need() {
      if (state === "idle") {
        state = "loading";
        promise = fetch(url).then(r => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
          .then(d => { rules.taken = d.taken; rules.open_apply_urls = d.open_apply_urls; state = "ready"; })
          .catch(() => { state = "failed"; });
      }
      return promise;
    },
  };
}

/* `pending`: "Check and preview" was pressed before the form ran (submit-boot.js held it):
 * the check runs now, with the rules in, instead of having passed or been lost. */
export function initForm(rules, V, takenUrl, pending) {
  const form = document.getElementById("submit-form");
  if (!form) return;
  const $ = id => document.getElementById(id);
  const ui = {
    rules, V, form, $, show: makePresent(rules, V), slug: { edited: false }, draft: makeDraft(form), md: null, mdTurn: 0,
    summary: $("error-summary"), summaryList: $("error-summary-list"), result: $("submit-result"),
    preview: $("card-preview"), fileBox: $("file-text"), ghLink: $("github-link"), status: $("submit-status"),
    inputFor: field => $(FIELD_INPUT[field] || "f-" + field) || $("f-title"),
    dupes: makeDuplicates(rules, takenUrl), recheck: null,
  };
  form.addEventListener("focusin", () => ui.dupes.need(), { once: true });
  restoreDraft(ui);
  if (!$("f-posted").value) $("f-posted").value = todayUTC();
  applyLocaleCurrency(ui);
  wireSlug(ui);
  let touched = false;
  const live = () => { showHourly(ui, fields(ui).pay, $("f-hours").value); suggestSkills(ui); };
  form.addEventListener("submit", ev => { ev.preventDefault(); touched = true; check(ui, true); });
  for (const type of ["input", "change"]) {
    form.addEventListener(type, () => { ui.draft.save({ slugEdited: ui.slug.edited }); $("draft-bar").hidden = false; live(); if (touched) check(ui, false); });
  }
  $("start-over").addEventListener("click", () => { touched = false; startOver(ui); live(); });
  live();
  wireOutputs(ui);
  if (pending) { touched = true; check(ui, true); }
}

function restoreDraft(ui) {
  const data = ui.draft.restore();
  if (!data) return;
  ui.dupes.need();  // a restored draft is about to be checked
  ui.slug.edited = !!(data.extra && data.extra.slugEdited);
  ui.$("draft-status").textContent = "We restored the draft saved on this device. It stays here until you start over.";
  ui.$("draft-bar").hidden = false;
}

function startOver(ui) {
  const { form, $ } = ui;
  ui.draft.clear();
  form.reset();
  ui.slug.edited = false;
  $("f-posted").value = todayUTC();
  applyLocaleCurrency(ui);
  clearErrors(ui);
  ui.result.hidden = true;
  $("draft-bar").hidden = true;
  $("draft-status").textContent = "Your draft is saved on this device as you type.";
  ui.status.textContent = "Started over: the form is empty and the saved draft is gone.";
  $("f-title").focus();
}

function wireSlug({ $, V, slug }) {  // the file name follows title and organization until edited by hand
  $("f-slug").addEventListener("input", () => { slug.edited = true; });
  const follow = () => { if (!slug.edited) $("f-slug").value = V.formats.defaultSlug($("f-title").value, $("f-organization").value); };
  $("f-title").addEventListener("input", follow);
  $("f-organization").addEventListener("input", follow);
  if (!slug.edited) follow();  // title and organization may have been typed before the form ran
}

function fields({ rules, $ }) {
  const f = {};
  for (const key of Object.keys(rules.display)) { const n = $("f-" + key); if (n) f[key] = n.value; }
  const amount = $("f-pay-amount").value.trim();
  f.pay = amount ? [amount, $("f-pay-currency").value, $("f-pay-unit").value].filter(Boolean).join(" ") : "";
  f.description = $("f-description").value;
  f.slug = $("f-slug").value.trim();
  return f;
}

function clearErrors({ form, summary, summaryList }) {
  for (const n of form.querySelectorAll("[aria-invalid]")) {
    n.removeAttribute("aria-invalid");
    const desc = (n.getAttribute("aria-describedby") || "").split(" ").filter(id => id && !id.endsWith("-error"));
    if (desc.length) n.setAttribute("aria-describedby", desc.join(" ")); else n.removeAttribute("aria-describedby");
  }
  for (const n of form.querySelectorAll(".field-error")) { n.textContent = ""; n.hidden = true; }
  summaryList.textContent = "";
  summary.hidden = true;
}

// The field's name as the form shows it: data-label, else its <label> without the "*".
function labelOf(ui, input) {
  if (input.dataset.label) return input.dataset.label;
  const label = ui.form.querySelector(`label[for="${input.id}"]`);
  return label ? label.textContent.replace(/\*/g, "").replace(/\s+/g, " ").trim() : input.name;
}

function markField(ui, input, sentences) {
  const errId = input.id + "-error";
  let err = ui.$(errId);
  if (!err) { err = el("p", { id: errId, class: "field-error" }); input.closest(".field").append(err); }
  err.textContent = sentences.join(" · ");
  err.hidden = false;
  input.setAttribute("aria-invalid", "true");
  const desc = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!desc.includes(errId)) desc.push(errId);
  input.setAttribute("aria-describedby", desc.join(" "));
}

// Every problem with its input and sentence, in the order of the form (then the validator's).
export function inFormOrder(ui, problems) {
  const items = problems.map((p, i) => { const input = ui.inputFor(p.field); return { p, i, input, text: ui.V.say(p, labelOf(ui, input)) }; });
  const before = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  return items.sort((a, b) => (a.input === b.input ? a.i - b.i : before(a.input, b.input)));
}

function showErrors(ui, problems, focus) {
  clearErrors(ui);
  const items = inFormOrder(ui, problems);
  const byInput = new Map();
  for (const it of items) {
    if (!byInput.has(it.input)) byInput.set(it.input, []);
    if (!byInput.get(it.input).includes(it.text)) byInput.get(it.input).push(it.text);
  }
  for (const [input, sentences] of byInput) markField(ui, input, sentences);
  for (const it of items) {
    const a = el("a", { href: "#" + it.input.id }, it.text);
    a.addEventListener("click", ev => { ev.preventDefault(); it.input.focus(); });
    ui.summaryList.append(el("li", {}, a));
  }
  ui.$("error-count").textContent = `${items.length} problem${items.length === 1 ? "" : "s"} to fix`;
  ui.summary.hidden = false;
  if (focus) ui.summary.focus();
}

function check(ui, focus) {
  const { rules, V, $ } = ui;
  const f = fields(ui);
  const text = fileText(rules, f);
  const holder = {};
  ui.dupes.need();
  const waiting = ui.dupes.state === "loading";  // the duplicate checks run once their data is here
  let problems = V.validate(text, { slug: f.slug, entry: holder, skipCrossFile: waiting });
  // A file name not yet derived (no title) is not a problem of its own: the title is.
  if (!f.slug && !ui.slug.edited) problems = problems.filter(p => p.field !== "file name");
  ui.fileBox.value = text;
  if (waiting) {  // check again when it arrives (once, with focus if any call asked for it)
    const first = ui.recheck === null;
    ui.recheck = Boolean(ui.recheck) || (focus && !problems.length);
    if (first) ui.dupes.need().then(() => {  // focus stays where the first check put it (re-showing the summary drops it)
      const again = ui.recheck || [ui.summary, $("result-heading")].includes(document.activeElement);
      ui.recheck = null;
      check(ui, again);
    });
  }
  if (!problems.length && waiting) {
    clearErrors(ui);
    ui.result.hidden = true;
    ui.status.textContent = "Checking the file name and link against the board's postings…";
    return null;
  }
  if (problems.length) {
    showErrors(ui, problems, focus);
    ui.result.hidden = true;
    ui.status.textContent = `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix.`;
    return null;
  }
  clearErrors(ui);
  ui.preview.textContent = "";
  ui.preview.append(renderCard(holder.value, { slug: f.slug, title: V.py.cleanText(f.title), organization: V.py.cleanText(f.organization) }, ui.show, Date.now()));
  showDescription(ui, holder.value.description);
  $("file-name").textContent = `${rules.postings_dir}/${f.slug}.md`;
  const url = githubUrl(rules, f.slug, text);
  ui.ghLink.href = url;
  $("url-too-long").hidden = url.length <= 8000;
  ui.result.hidden = false;
  ui.status.textContent = ui.dupes.state === "failed"
    ? "No problems found, but the board's postings could not be loaded to check the file name and link against them (the pull-request check will). Check the preview, then open GitHub."
    : "No problems found. Check the preview, then open GitHub.";
  if (focus) $("result-heading").focus();
  return { text, url, slug: f.slug };
}

/* The description as the posting page shows it, once the Markdown renderer is in (loaded on
 * the first preview, preview.js); only the latest check's text is drawn. */
function showDescription(ui, text) {
  const box = ui.$("description-preview"), turn = ++ui.mdTurn;
  box.textContent = "";
  if (!ui.md) ui.md = makePreview(ui.rules, ui.V.py);
  ui.md.then((md) => {
    if (turn === ui.mdTurn) box.append(md.fragment(md.markdownToHtml(text)));
  }, () => {
    ui.md = null;  // the next check tries again
    if (turn === ui.mdTurn) box.textContent = "The description's preview could not be loaded (the file below is complete). Press “Check and preview” to try again.";
  });
}

function wireOutputs(ui) {
  const { $, status, fileBox } = ui;
  ui.ghLink.addEventListener("click", ev => {
    ev.preventDefault();
    const ok = check(ui, false);
    if (!ok) return;
    ui.draft.handedOff();
    const w = window.open(ok.url, "_blank", "noopener");
    if (!w) window.location.href = ok.url;
  });
  $("copy-file").addEventListener("click", async () => {
    const ok = check(ui, false); if (!ok) return;
    try { await navigator.clipboard.writeText(ok.text); ui.draft.handedOff(); status.textContent = "Copied the file to the clipboard."; }
    catch (err) { fileBox.focus(); fileBox.select(); document.execCommand && document.execCommand("copy"); status.textContent = "Select the text below and copy it."; }
  });
  $("download-file").addEventListener("click", () => {
    const ok = check(ui, false); if (!ok) return;
    const a = el("a", { href: URL.createObjectURL(new Blob([ok.text], { type: "text/markdown" })), download: ok.slug + ".md" });
    document.body.append(a); a.click(); a.remove();
    ui.draft.handedOff();
    status.textContent = `Downloaded ${ok.slug}.md.`;
  });
}
