/* board.posting.parse_posting + board.entry.check, step by step in the same order, so the
 * problems read exactly like `make validate`: path:line: field: problem (expected …).
 * Every rule, limit and message part comes from the rules JSON (board/browser_rules.py). */

import { makeFormats } from "../format.js";
import { didYouMean } from "./difflib.js";
import { isoDateOf, makeDates } from "./dates.js";
import { readHeader, splitLines } from "./header.js";
import { P, format, own } from "./problem.js";
import { fixed, g } from "./pynum.js";
import { makeText } from "./pytext.js";
import { compileRegexes } from "./regex.js";
import { emailProblem, urlKey, urlProblem } from "./urls.js";
import { canonicalRegion, canonicalSkill, parseHours, parsePay, parseTimezones } from "./values.js";

const DAY = 86400000;

export function makeValidator(rules) {
  const R = compileRegexes(rules);
  const py = { ...makeText(rules, R), R, fixed, g, didYouMean };
  const F = makeFormats(rules.formats);
  const ctx = { rules, py, F, dates: makeDates(py) };
  return {
    validate: (text, opts) => validate(ctx, text, opts || {}),
    format, py, formats: F, slugify: F.slugify,
    urlKey: url => urlKey(ctx, url),
    canonicalSkill: text => canonicalSkill(ctx, text),
    regionLabel: code => rules.regions[code] || rules.countries[code] || code,
  };
}

function validate(ctx, text, opts) {
  const rules = ctx.rules;
  const now = opts.now != null ? (typeof opts.now === "number" ? opts.now : Date.parse(opts.now)) : Date.now();
  const slug = opts.slug != null ? opts.slug : "new-posting";
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > rules.max_file_bytes) return [P("file", `is ${bytes} bytes`, `at most ${rules.max_file_bytes} bytes`, 1)];
  if (text.startsWith("\ufeff")) text = text.slice(1);
  const doc = readDocument(ctx, text, slug);
  const f = readFields(ctx, doc);
  if (f.hours === null || f.pay === null || f.posted === null) return doc.problems;
  const checks = [];
  const c = (field, m, x) => checks.push(P(field, m, x || ""));
  textChecks(ctx, doc, f, slug, c);
  payChecks(ctx, f, c);
  linkChecks(ctx, f, c);
  dateChecks(ctx, f, now, opts, c);
  listChecks(ctx, f, c);
  locate(doc, checks);
  if (!doc.problems.length && !opts.skipCrossFile) crossFileChecks(ctx, doc, f, slug);
  if (!doc.problems.length && opts.entry) opts.entry.value = f;
  return doc.problems;
}

// ---- board.posting.read_keys / parse_posting: the header, then typed values ----------

function validSlug({ rules, py }, slug) { return py.R.slug.test(slug) && py.len(slug) <= rules.max_slug_len; }

function readDocument(ctx, text, slug) {
  const { rules, py } = ctx, EX = rules.examples;
  const header = readHeader(ctx, text);
  const problems = header.problems, v = header.values, at = header.lines;
  const get = (k, d) => (v.has(k) ? v.get(k) : d);
  const add = (f, m, x) => problems.push(P(f, m, x || EX[f] || "", at.has(f) ? at.get(f) : 1));
  if (!validSlug(ctx, slug)) {
    problems.push(P("file name", `${py.repr(slug + ".md")} is not a valid slug`,
      "lower-case letters, digits and hyphens, e.g. data-dashboard-harvest-share.md", 1));
  }
  for (const key of v.keys()) {
    if (rules.known.includes(key)) continue;
    const hint = py.didYouMean(key, rules.known);
    add(key, "unknown key" + (hint ? `; did you mean '${py.title(hint)}'?` : ""), "one of: " + rules.known.join(", "));
  }
  for (const key of rules.required) {
    if (!get(key)) problems.push(P(key, "is missing", EX[key] || "", at.has(key) ? at.get(key) : 1));
  }
  if (!get("apply-url") && !get("apply-email")) {
    problems.push(P("apply-url", "is missing (and no Apply-Email either)", "Apply-URL: https://… or Apply-Email: name@example.org", 1));
  }
  for (const [key, value] of v) if (py.hasControl(value)) add(key, "contains control or invisible characters", "plain printable text");
  return { header, problems, get, add, at };
}

function readFields(ctx, doc) {
  const { py, dates } = ctx, get = doc.get;
  function parsed(key, fn) {
    if (!get(key)) return null;
    try { return fn(get(key)); } catch (e) { doc.add(key, e.message); return null; }
  }
  const f = {
    hours: parsed("hours", s => parseHours(ctx, s)),
    pay: parsed("pay", s => parsePay(ctx, s)),
    posted: parsed("posted", s => dates.parseDatetime(s)),
    applyBy: parsed("apply-by", s => dates.parseDatetime(s, true)),
    updated: parsed("updated", s => dates.parseDatetime(s)),
    lastVerified: parsed("last-verified", s => dates.parseDatetime(s)),
    timezones: parsed("timezones", s => parseTimezones(ctx, s)),
    category: readCategory(ctx, get("category")),
    skills: readSkills(ctx, doc),
    regions: readRegions(ctx, doc),
    deliverables: get("deliverables", "").split(py.R.deliverableSplit).map(py.cleanText).filter(Boolean),
    // The build renders Markdown and sanitizes it; here the Markdown text stands in for it.
    description: py.strip(doc.header.body) ? doc.header.body : "",
    status: py.lower(py.strip(get("status", "open"))),
    students: py.lower(py.strip(get("students", "enrolled-or-recent"))),
    wa: py.lower(py.strip(get("work-authorization", "not-required"))),
    applyUrl: get("apply-url") || null, applyEmail: get("apply-email") || null, orgUrl: get("organization-url") || null,
    title: py.cleanText(get("title")), organization: py.cleanText(get("organization")), summary: py.cleanText(get("summary")),
  };
  bodyProblems(ctx, doc);
  return f;
}

function readCategory({ rules, F }, text) {
  const category = F.slugify(text || "");
  if (!text || own(rules.categories, category)) return category;
  const byLabel = {};
  for (const [s, label] of Object.entries(rules.categories)) byLabel[F.slugify(label)] = s;
  return own(byLabel, category) ? byLabel[category] : category;
}

function readSkills(ctx, doc) {
  const { rules, py } = ctx;
  const skills = [], unknown = [];
  for (const raw0 of doc.get("skills", "").split(",")) {
    const raw = py.cleanText(raw0);
    if (!raw) continue;
    const name = canonicalSkill(ctx, raw);
    if (name === null) unknown.push(raw);
    else if (!skills.includes(name)) skills.push(name);
  }
  const choices = Object.keys(rules.skills).concat(...Object.values(rules.skills));
  for (const word of unknown) {
    let hint = py.didYouMean(word, choices);
    hint = hint ? canonicalSkill(ctx, hint) : "";
    doc.add("skills", `unknown skill ${py.repr(word)}` + (hint ? `; did you mean '${hint}'?` : ""),
      "skills from the list in README (ask for a new one in your pull request)");
  }
  if (doc.get("skills") && skills.length > rules.max_skills) doc.add("skills", `${skills.length} skills listed`, `at most ${rules.max_skills}`);
  return skills;
}

function readRegions(ctx, doc) {  // board.posting.read_regions
  const py = ctx.py, regions = [];
  for (const word of (doc.get("eligible-regions") || "WORLDWIDE").split(",")) {
    if (!py.strip(word)) continue;
    const code = canonicalRegion(ctx, word);
    if (code === null) doc.add("eligible-regions", `unknown country or region ${py.repr(py.strip(word))}`);
    else if (!regions.includes(code)) regions.push(code);
  }
  return regions;
}

function bodyProblems({ py }, doc) {  // board.posting.body_problems
  const lines = splitLines(doc.header.body);
  const n = lines.findIndex(line => py.R.bodyControl.test(line));
  if (n >= 0) doc.problems.push(P("body", "contains control characters", "plain text and Markdown only", doc.header.bodyLine + n));
}

// ---- board.entry.check, in its order ---------------------------------------------------

function textChecks(ctx, doc, f, slug, c) {
  const { rules, py } = ctx;
  if (!validSlug(ctx, slug)) c("slug", `${py.repr(slug)} is not a safe file name`, `lower-case letters, digits and hyphens, at most ${rules.max_slug_len}`);
  for (const name of ["title", "organization", "summary"]) {
    const value = f[name];
    if (!value) c(name, "is empty", "a short plain-text value");
    else if (py.len(value) > rules.max_len[name]) c(name, `is ${py.len(value)} characters long`, `at most ${rules.max_len[name]}`);
  }
  if (py.len(f.description) > rules.max_len.description * 2) c("description", "is too long", `at most ${rules.max_len.description} characters of text`);
  if (!py.strip(f.description)) c("description", "is empty", "a Markdown body describing the project");
  const H0 = rules.hours_min, H1 = rules.hours_max, h = f.hours;
  if (!(H0 <= h.min && h.min <= h.max && h.max <= H1)) {
    c("hours", `${h.min}-${h.max} is outside ${H0}-${H1} total hours`, `total project hours between ${H0} and ${H1}, e.g. 15-20`);
  }
}

function payChecks({ rules, py }, f, c) {
  const pay = f.pay, hours = f.hours;
  if (!rules.currencies.includes(pay.currency)) c("pay", `unknown currency ${py.repr(pay.currency)}`, "an ISO 4217 code such as USD, EUR, GBP");
  else if (!isFinite(pay.min) || !isFinite(pay.max) || pay.max > rules.max_amount) {
    c("pay", "amount is too large to be real", `at most ${rules.max_amount_label} per posting or hour, e.g. 600 USD total`);
  } else if (pay.min <= 0 || pay.max < pay.min) c("pay", `amount ${py.g(pay.min)}-${py.g(pay.max)} is not a positive range`, "e.g. 600 USD total or 20-25 EUR per hour");
  else if (hours.min > 0) {
    const floor = own(rules.pay_floors, pay.currency) ? rules.pay_floors[pay.currency] : null;
    const low = pay.unit === "hour" ? pay.min : pay.min / hours.max;
    if (floor !== null && low < floor) {
      c("pay", `works out at ${py.fixed(low, 2)} ${pay.currency}/hour, below the board's floor of ${py.g(floor)} ${pay.currency}/hour`, "more pay or fewer hours");
    }
  }
}

function linkChecks(ctx, f, c) {
  const { rules, py } = ctx;
  if (!own(rules.categories, f.category)) c("category", `unknown category ${py.repr(f.category)}`, "one of " + Object.keys(rules.categories).join(", "));
  if (!f.applyUrl && !f.applyEmail) c("apply", "no way to apply", "Apply-URL: https://… or Apply-Email: name@example.org");
  let why;
  if (f.applyUrl && (why = urlProblem(ctx, f.applyUrl))) c("apply-url", why, "an https:// URL");
  if (f.applyEmail && (why = emailProblem(ctx, f.applyEmail))) c("apply-email", why, "name@example.org");
  if (f.orgUrl && (why = urlProblem(ctx, f.orgUrl))) c("organization-url", why, "an https:// URL");
  if (!rules.statuses.includes(f.status)) c("status", `unknown status ${py.repr(f.status)}`, rules.statuses.join(" or "));
}

function dateChecks({ rules }, f, now, opts, c) {
  const { applyBy, posted } = f;
  if (!opts.allowExpired && f.status === "open" && applyBy !== null && applyBy < now) {
    c("apply-by", `deadline ${isoDateOf(applyBy)} has passed for an open posting`, "a future date, or Status: closed");
  }
  if (applyBy !== null && applyBy < posted) c("apply-by", "is before the posting date", "a date after Posted");
  if (posted > now + rules.posted_future_days * DAY) c("posted", `${isoDateOf(posted)} is in the future`, "today's date or earlier");
  // board.entry.date_window_problems
  const earliest = Date.UTC(rules.earliest_year, 0, 1);
  for (const [name, d] of [["posted", posted], ["updated", f.updated], ["apply-by", applyBy], ["last-verified", f.lastVerified]]) {
    if (d !== null && d < earliest) c(name, `${isoDateOf(d)} is before ${rules.earliest_year}`, "a recent date");
  }
  const label = rules.max_deadline_ahead_label;
  if (applyBy !== null && applyBy > Math.max(now, posted) + rules.max_deadline_ahead_days * DAY) {
    c("apply-by", `${isoDateOf(applyBy)} is more than ${label} away`, `a deadline within the next ${label}`);
  }
}

function listChecks({ rules, py }, f, c) {
  const most = rules.max_deliverables, long = rules.max_len.deliverable;
  if (f.deliverables.length > most || f.deliverables.some(d => py.len(d) > long)) {
    c("deliverables", "too many or too long", `at most ${most} items of ${long} characters`);
  }
  if (!own(rules.student_status, f.students)) c("students", `unknown value ${py.repr(f.students)}`, Object.keys(rules.student_status).join(" or "));
  if (!own(rules.work_authorization, f.wa)) c("work-authorization", `unknown value ${py.repr(f.wa)}`, Object.keys(rules.work_authorization).join(" or "));
}

// ---- board.posting.located, then board.validate's checks across files ----------------------

const RENAME = { apply: "apply-url", description: "body", slug: "file name" };

function locate(doc, checks) {
  const seen = new Set(doc.problems.map(p => p.field + "\u0000" + p.line));
  for (const p of checks) {
    const key = RENAME[p.field] || p.field;
    const line = key === "body" ? doc.header.bodyLine : (doc.at.has(key) ? doc.at.get(key) : 1);
    if (!seen.has(key + "\u0000" + line)) doc.problems.push(P(key, p.message, p.expected, line));
  }
}

function crossFileChecks(ctx, doc, f, slug) {
  const { rules, py } = ctx;
  const taken = rules.taken || {}, urls = rules.open_apply_urls || {};
  if (own(taken, slug)) {
    doc.problems.push(P("file name", `slug ${py.repr(slug)} is already used by ${taken[slug]}`, "a unique file name", 1));
  } else if (f.applyUrl && f.status === "open") {
    const key = urlKey(ctx, f.applyUrl);
    if (own(urls, key)) doc.problems.push(P("apply-url", `same apply URL as ${urls[key]}`, "one posting per application link", 1));
  }
}
