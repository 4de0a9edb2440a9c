/* board.posting.parse_posting + board.entry.check, step by step in the same order, so the
 * problems read exactly like `make validate`: path:line: field: problem (expected …).
 * Every rule, limit and message part comes from the rules JSON (board/browser_rules.py). */

import { makeFormats } from "../format.js";
import { didYouMean } from "./difflib.js";
import { isoDateOf, makeDates } from "./dates.js";
import { readHeader, splitLines } from "./header.js";
import { makeBounds } from "./bounds.js";
import { at, format, makeProblems, own } from "./problem.js";
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
  const { P, say } = makeProblems(rules.messages);
  const ctx = { rules, py, F, P, dates: makeDates(py), markdownProblems: makeBounds(rules) };
  return {
    validate: (text, opts) => validate(ctx, text, opts || {}),
    format, say, py, formats: F, slugify: F.slugify,
    urlKey: url => urlKey(ctx, url),
    canonicalSkill: text => canonicalSkill(ctx, text),
    readHours: text => parseHours(ctx, text),
    readPay: text => parsePay(ctx, text),
    problem: P,
    payFloorProblem(pay, hours) {  // payChecks' floor rule alone, for the live hourly figure
      const found = [];
      payChecks(ctx, { pay, hours }, (field, rule, args) => found.push(P(field, rule, args || {})));
      return found.find(p => p.rule === "pay.floor") || null;
    },
    regionLabel: code => rules.regions[code] || rules.countries[code] || code,
  };
}

function validate(ctx, text, opts) {
  const { rules, P } = ctx;
  const now = opts.now != null ? (typeof opts.now === "number" ? opts.now : Date.parse(opts.now)) : Date.now();
  const slug = opts.slug != null ? opts.slug : "new-posting";
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > rules.max_file_bytes) return [P("file", "file.too_big", { bytes: String(bytes), max: String(rules.max_file_bytes) }, 1)];
  if (text.startsWith("\ufeff")) text = text.slice(1);
  const doc = readDocument(ctx, text, slug);
  const f = readFields(ctx, doc);
  // board.posting.parse_posting: every rule runs; a missing Hours, Pay or Posted gets a
  // stand-in whose problems are not reported.
  const standIn = { hours: f.hours === null, pay: f.pay === null, posted: f.posted === null };
  if (standIn.hours) f.hours = { min: 0, max: 0 };
  if (standIn.pay) f.pay = { min: 1, max: 1, currency: "USD", unit: "total" };
  if (standIn.posted) f.posted = now;
  const checks = [];
  const c = (field, rule, args) => checks.push(P(field, rule, args || {}));
  textChecks(ctx, doc, f, slug, c);
  payChecks(ctx, f, c);
  linkChecks(ctx, f, c);
  dateChecks(ctx, f, now, opts, c);
  listChecks(ctx, f, c);
  locate(doc, checks.filter(p => !standIn[p.field] && !(standIn.posted && p.rule === "apply_by.before_posted")));
  const complete = !doc.problems.length && !standIn.hours && !standIn.pay && !standIn.posted;
  if (complete && !opts.skipCrossFile) crossFileChecks(ctx, doc, f, slug);
  if (complete && !doc.problems.length && opts.entry) opts.entry.value = f;
  return doc.problems;
}

// ---- board.posting.read_keys / parse_posting: the header, then typed values ----------

function validSlug({ rules, py }, slug) { return py.R.slug.test(slug) && py.len(slug) <= rules.max_slug_len; }

function readDocument(ctx, text, slug) {
  const { rules, py, P } = ctx, EX = rules.examples;
  const header = readHeader(ctx, text);
  const problems = header.problems, v = header.values, at = header.lines;
  const get = (k, d) => (v.has(k) ? v.get(k) : d);
  const lineOf = k => (at.has(k) ? at.get(k) : 1);
  const add = (f, rule, args) => problems.push(P(f, rule, { example: EX[f] || "", ...args }, lineOf(f)));
  if (!validSlug(ctx, slug)) problems.push(P("file name", "file.slug", { name: py.repr(slug + ".md"), example: rules.slug_example }, 1));
  const known = rules.known.join(", ");
  for (const key of v.keys()) {
    if (rules.known.includes(key)) continue;
    const hint = py.didYouMean(key, rules.known);
    if (hint) add(key, "key.unknown_hint", { hint: py.title(hint), known }); else add(key, "key.unknown", { known });
  }
  for (const key of rules.required) if (!get(key)) problems.push(P(key, "key.missing", { example: EX[key] || "" }, lineOf(key)));
  if (!get("apply-url") && !get("apply-email")) problems.push(P("apply-url", "apply.missing", {}, 1));
  for (const [key, value] of v) if (py.hasControl(value)) add(key, "value.control", {});
  return { header, problems, get, add, at };
}

function readFields(ctx, doc) {
  const { py, dates } = ctx, get = doc.get;
  function parsed(key, fn) {
    if (!get(key)) return null;
    try { return fn(get(key)); } catch (e) {
      if (e.rule) doc.add(key, e.rule, e.args); else doc.add(key, "value.invalid", { error: e.message });
      return null;
    }
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
  if (f.description) {  // board.posting.read_body: a body outside board.bounds is refused unrendered
    const refused = ctx.markdownProblems(ctx.P, py, doc.header.body, doc.header.bodyLine);
    if (refused.length) { doc.problems.push(...refused); f.description = ""; }
  }
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
  const expected = rules.skills_expected;
  for (const word of unknown) {
    let hint = py.didYouMean(word, choices);
    hint = hint ? canonicalSkill(ctx, hint) : "";
    if (hint) doc.add("skills", "skills.unknown_hint", { word: py.repr(word), hint, expected });
    else doc.add("skills", "skills.unknown", { word: py.repr(word), expected });
  }
  if (doc.get("skills") && skills.length > rules.max_skills) doc.add("skills", "skills.too_many", { count: String(skills.length), max: String(rules.max_skills) });
  return skills;
}

function readRegions(ctx, doc) {  // board.posting.read_regions
  const py = ctx.py, regions = [];
  for (const word of (doc.get("eligible-regions") || "WORLDWIDE").split(",")) {
    if (!py.strip(word)) continue;
    const code = canonicalRegion(ctx, word);
    if (code === null) doc.add("eligible-regions", "regions.unknown", { word: py.repr(py.strip(word)) });
    else if (!regions.includes(code)) regions.push(code);
  }
  return regions;
}

function bodyProblems({ py, P }, doc) {  // board.posting.body_problems
  const lines = splitLines(doc.header.body);
  const n = lines.findIndex(line => py.R.bodyControl.test(line));
  if (n >= 0) doc.problems.push(P("body", "body.control", {}, doc.header.bodyLine + n));
}

// ---- board.entry.check, in its order ---------------------------------------------------

const S = String;
const entered = (lo, hi) => (lo === hi ? S(lo) : `${lo}-${hi}`);

function textChecks(ctx, doc, f, slug, c) {
  const { rules, py } = ctx;
  if (!validSlug(ctx, slug)) c("slug", "slug.unsafe", { slug: py.repr(slug), max: S(rules.max_slug_len) });
  for (const name of ["title", "organization", "summary"]) {
    const value = f[name];
    if (!value) c(name, "text.empty");
    else if (py.len(value) > rules.max_len[name]) c(name, "text.too_long", { length: S(py.len(value)), max: S(rules.max_len[name]) });
  }
  if (py.len(f.description) > rules.max_len.description * 2) c("description", "description.too_long", { max: S(rules.max_len.description) });
  if (!py.strip(f.description)) c("description", "description.empty");
  const H0 = rules.hours_min, H1 = rules.hours_max, h = f.hours;
  if (!(H0 <= h.min && h.min <= h.max && h.max <= H1)) {
    c("hours", "hours.range", { min: S(h.min), max: S(h.max), lo: S(H0), hi: S(H1), entered: entered(h.min, h.max) });
  }
}

function payChecks({ rules, py }, f, c) {
  const pay = f.pay, hours = f.hours;
  if (!rules.currencies.includes(pay.currency)) c("pay", "pay.currency", { currency: py.repr(pay.currency) });
  else if (!isFinite(pay.min) || !isFinite(pay.max) || pay.max > rules.max_amount) c("pay", "pay.too_large", { max: rules.max_amount_label });
  else if (pay.min <= 0 || pay.max < pay.min) c("pay", "pay.not_positive", { min: py.g(pay.min), max: py.g(pay.max) });
  else if (hours.min > 0 && hours.min <= hours.max) {
    const floor = own(rules.pay_floors, pay.currency) ? rules.pay_floors[pay.currency] : null;
    const low = pay.unit === "hour" ? pay.min : pay.min / hours.max;
    if (floor !== null && low < floor) c("pay", "pay.floor", { hourly: py.fixed(low, 2), currency: pay.currency, floor: py.g(floor) });
  }
}

function linkChecks(ctx, f, c) {
  const { rules, py } = ctx;
  if (!own(rules.categories, f.category)) c("category", "category.unknown", { category: py.repr(f.category), choices: Object.keys(rules.categories).join(", ") });
  if (!f.applyUrl && !f.applyEmail) c("apply", "apply.none");
  let why;
  if (f.applyUrl && (why = urlProblem(ctx, f.applyUrl))) c("apply-url", why[0], why[1]);
  if (f.applyEmail && (why = emailProblem(ctx, f.applyEmail))) c("apply-email", why[0], why[1]);
  if (f.orgUrl && (why = urlProblem(ctx, f.orgUrl))) c("organization-url", why[0], why[1]);
  if (!rules.statuses.includes(f.status)) c("status", "status.unknown", { status: py.repr(f.status), choices: rules.statuses.join(" or ") });
}

function dateChecks({ rules }, f, now, opts, c) {
  const { applyBy, posted } = f;
  if (!opts.allowExpired && f.status === "open" && applyBy !== null && applyBy < now) c("apply-by", "apply_by.passed", { date: isoDateOf(applyBy) });
  if (applyBy !== null && applyBy < posted) c("apply-by", "apply_by.before_posted");
  if (posted > now + rules.posted_future_days * DAY) c("posted", "posted.future", { date: isoDateOf(posted) });
  // board.entry.date_window_problems
  const earliest = Date.UTC(rules.earliest_year, 0, 1);
  for (const [name, d] of [["posted", posted], ["updated", f.updated], ["apply-by", applyBy], ["last-verified", f.lastVerified]]) {
    if (d !== null && d < earliest) c(name, "date.too_early", { date: isoDateOf(d), year: S(rules.earliest_year) });
  }
  if (applyBy !== null && applyBy > Math.max(now, posted) + rules.max_deadline_ahead_days * DAY) {
    c("apply-by", "apply_by.too_far", { date: isoDateOf(applyBy), ahead: rules.max_deadline_ahead_label });
  }
}

function listChecks({ rules, py }, f, c) {
  const most = rules.max_deliverables, long = rules.max_len.deliverable;
  if (f.deliverables.length > most || f.deliverables.some(d => py.len(d) > long)) c("deliverables", "deliverables.too_many", { max: S(most), length: S(long) });
  for (const [key, value, table] of [["students", f.students, rules.student_status], ["work-authorization", f.wa, rules.work_authorization]]) {
    if (!own(table, value)) c(key, "value.unknown", { value: py.repr(value), choices: Object.keys(table).join(" or ") });
  }
}

// ---- board.posting.located, then board.validate's checks across files ----------------------

const RENAME = { apply: "apply-url", description: "body", slug: "file name" };

function locate(doc, checks) {
  const seen = new Set(doc.problems.map(p => p.field + "\u0000" + p.line));
  const bodyRefused = doc.problems.some(p => p.field === "body");  // a body refused unread is not also "empty"
  for (const p of checks) {
    const key = RENAME[p.field] || p.field;
    const line = key === "body" ? doc.header.bodyLine : (doc.at.has(key) ? doc.at.get(key) : 1);
    if (bodyRefused && key === "body" && p.rule === "description.empty") continue;
    if (!seen.has(key + "\u0000" + line)) doc.problems.push(at(p, key, line));
  }
}

function crossFileChecks(ctx, doc, f, slug) {
  const { rules, py, P } = ctx;
  const taken = rules.taken || {}, urls = rules.open_apply_urls || {};
  if (own(taken, slug)) {
    doc.problems.push(P("file name", "slug.taken", { slug: py.repr(slug), path: taken[slug] }, 1));
  } else if (f.applyUrl && f.status === "open") {
    const key = urlKey(ctx, f.applyUrl);
    if (own(urls, key)) doc.problems.push(P("apply-url", "apply_url.taken", { path: urls[key], kind: "posting" }, 1));
  }
}
