/* The Submit form: fields -> posting file -> the validator's verdict, shown next to each
 * field and in the summary; a valid file gets a preview card and GitHub's new-file link. */

import { el, makePresent, renderCard } from "./card.js";

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

// A lone surrogate (half an emoji pasted) makes encodeURIComponent throw URIError; it
// becomes U+FFFD, as board.entry.clean_text makes it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function githubUrl(rules, slug, text) {
  const whole = text.replace(LONE_SURROGATE, "\uFFFD");
  return `https://github.com/${rules.repository}/new/${rules.branch}/${rules.postings_dir}?filename=${encodeURIComponent(slug + ".md")}&value=${encodeURIComponent(whole)}`;
}

function todayUTC() { return new Date().toISOString().slice(0, 10); }

const FIELD_INPUT = {
  "pay": "f-pay-amount", "file name": "f-slug", "slug": "f-slug", "body": "f-description", "description": "f-description",
  "apply": "f-apply-url", "header": "f-title", "file": "f-description",
};

export function initForm(rules, V) {
  const form = document.getElementById("submit-form");
  if (!form) return;
  const $ = id => document.getElementById(id);
  const ui = {
    rules, V, form, $, show: makePresent(rules, V),
    summary: $("error-summary"), summaryList: $("error-summary-list"), result: $("submit-result"),
    preview: $("card-preview"), fileBox: $("file-text"), ghLink: $("github-link"), status: $("submit-status"),
    inputFor: field => $(FIELD_INPUT[field] || "f-" + field) || $("f-title"),
  };
  if ($("f-posted") && !$("f-posted").value) $("f-posted").value = todayUTC();
  wireSlug(ui);
  let touched = false;
  form.addEventListener("submit", ev => { ev.preventDefault(); touched = true; check(ui, true); });
  form.addEventListener("input", () => { if (touched) check(ui, false); });
  form.addEventListener("change", () => { if (touched) check(ui, false); });
  wireOutputs(ui);
}

function wireSlug({ $, V }) {  // the file name follows title and organization until edited by hand
  let edited = false;
  $("f-slug").addEventListener("input", () => { edited = true; });
  const follow = () => { if (!edited) $("f-slug").value = V.formats.defaultSlug($("f-title").value, $("f-organization").value); };
  $("f-title").addEventListener("input", follow);
  $("f-organization").addEventListener("input", follow);
}

function fields({ rules, $ }) {
  const f = {};
  for (const key of Object.keys(rules.display)) { const n = $("f-" + key); if (n) f[key] = n.value; }
  const amount = $("f-pay-amount").value.trim();
  f.pay = amount ? `${amount} ${$("f-pay-currency").value} ${$("f-pay-unit").value}` : "";
  f.description = $("f-description").value;
  f.slug = $("f-slug").value.trim();
  return f;
}

function clearErrors({ form, summary, summaryList }) {
  for (const n of form.querySelectorAll("[aria-invalid]")) {
    n.removeAttribute("aria-invalid");
    const desc = (n.getAttribute("aria-describedby") || "").split(" ").filter(id => !id.endsWith("-error"));
    if (desc.length) n.setAttribute("aria-describedby", desc.join(" ")); else n.removeAttribute("aria-describedby");
  }
  for (const n of form.querySelectorAll(".field-error")) { n.textContent = ""; n.hidden = true; }
  summaryList.textContent = "";
  summary.hidden = true;
}

function markField(ui, input, list) {
  const errId = input.id + "-error";
  let err = ui.$(errId);
  if (!err) { err = el("p", { id: errId, class: "field-error" }); input.closest(".field").append(err); }
  err.textContent = list.map(p => p.message + (p.expected ? ` (expected ${p.expected})` : "")).join(" · ");
  err.hidden = false;
  input.setAttribute("aria-invalid", "true");
  const desc = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!desc.includes(errId)) desc.push(errId);
  input.setAttribute("aria-describedby", desc.join(" "));
}

function showErrors(ui, problems, focus) {
  clearErrors(ui);
  const byInput = new Map();
  for (const p of problems) {
    const input = ui.inputFor(p.field);
    if (!byInput.has(input)) byInput.set(input, []);
    byInput.get(input).push(p);
  }
  for (const [input, list] of byInput) markField(ui, input, list);
  for (const p of problems) {
    const input = ui.inputFor(p.field);
    const label = ui.form.querySelector(`label[for="${input.id}"]`);
    const a = el("a", { href: "#" + input.id }, `${label ? label.textContent.replace(/\s*\(.*$/, "").trim() : p.field}: ${p.message}`);
    a.addEventListener("click", ev => { ev.preventDefault(); input.focus(); });
    ui.summaryList.append(el("li", {}, a));
  }
  ui.$("error-count").textContent = `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix`;
  ui.summary.hidden = false;
  if (focus) ui.summary.focus();
}

function check(ui, focus) {
  const { rules, V, $ } = ui;
  const f = fields(ui);
  const text = fileText(rules, f);
  const holder = {};
  const problems = V.validate(text, { slug: f.slug, entry: holder });
  ui.fileBox.value = text;
  if (problems.length) {
    showErrors(ui, problems, focus);
    ui.result.hidden = true;
    ui.status.textContent = `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix.`;
    return null;
  }
  clearErrors(ui);
  ui.preview.textContent = "";
  ui.preview.append(renderCard(holder.value, { slug: f.slug, title: V.py.cleanText(f.title), organization: V.py.cleanText(f.organization) }, ui.show, Date.now()));
  $("file-name").textContent = `${rules.postings_dir}/${f.slug}.md`;
  const url = githubUrl(rules, f.slug, text);
  ui.ghLink.href = url;
  $("url-too-long").hidden = url.length <= 8000;
  ui.result.hidden = false;
  ui.status.textContent = "No problems found. Check the preview, then open GitHub.";
  if (focus) $("result-heading").focus();
  return { text, url, slug: f.slug };
}

function wireOutputs(ui) {
  const { $, status, fileBox } = ui;
  ui.ghLink.addEventListener("click", ev => {
    ev.preventDefault();
    const ok = check(ui, false);
    if (!ok) return;
    const w = window.open(ok.url, "_blank", "noopener");
    if (!w) window.location.href = ok.url;
  });
  $("copy-file").addEventListener("click", async () => {
    const ok = check(ui, false); if (!ok) return;
    try { await navigator.clipboard.writeText(ok.text); status.textContent = "Copied the file to the clipboard."; }
    catch (err) { fileBox.focus(); fileBox.select(); document.execCommand && document.execCommand("copy"); status.textContent = "Select the text below and copy it."; }
  });
  $("download-file").addEventListener("click", () => {
    const ok = check(ui, false); if (!ok) return;
    const a = el("a", { href: URL.createObjectURL(new Blob([ok.text], { type: "text/markdown" })), download: ok.slug + ".md" });
    document.body.append(a); a.click(); a.remove();
    status.textContent = `Downloaded ${ok.slug}.md.`;
  });
}
