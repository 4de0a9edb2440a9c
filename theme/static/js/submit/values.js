/* Typed values from header text, as board.posting and board.vocabulary read them. */

import { own, ruleError } from "./problem.js";

export function canonicalSkill({ rules, py }, text) {  // vocabulary.canonical_skill
  const key = py.lower(text).replace(py.R.skillKey, "");
  return own(rules.skill_index, key) ? rules.skill_index[key] : null;
}

function canonicalCurrency({ rules, py }, text) {  // vocabulary.canonical_currency
  const raw = py.upper(py.strip(text));
  const code = own(rules.currency_aliases, raw) ? rules.currency_aliases[raw] : raw;
  return rules.currencies.includes(code) ? code : null;
}

export function canonicalRegion({ rules, py }, text) {  // vocabulary.canonical_region
  const up = py.upper(py.strip(text));
  if (own(rules.regions, up) || own(rules.countries, up)) return up;
  if (own(rules.country_aliases, up)) return rules.country_aliases[up];
  for (const [code, name] of Object.entries(rules.countries)) if (py.upper(name) === up) return code;
  for (const [code, label] of Object.entries(rules.regions)) if (py.upper(label) === up) return code;
  return null;
}

export function parseHours({ rules, py }, text) {
  const m = py.R.hours.exec(py.strip(text));
  if (!m) throw ruleError("value.unreadable", { text: py.repr(text), example: rules.examples.hours });
  const low = py.int(m[1]);
  return { min: low, max: m[2] !== undefined ? py.int(m[2]) : low };
}

export function parsePay(ctx, text) {
  const py = ctx.py;
  const m = py.R.pay.exec(py.strip(text)), example = ctx.rules.examples.pay;
  if (!m) throw ruleError("value.unreadable", { text: py.repr(text), example });
  const gr = m.groups;
  const curRaw = gr.cur1 || gr.cur3 || gr.cur2 || "";
  const currency = curRaw ? canonicalCurrency(ctx, curRaw) : null;
  if (currency === null) throw ruleError("pay.no_currency", { text: py.repr(text), example });
  const low = py.float(gr.min.replace(/,/g, ""));
  const high = gr.max !== undefined ? py.float(gr.max.replace(/,/g, "")) : low;
  const unit = ["total", "fixed", "flat"].includes(gr.unit.toLowerCase()) ? "total" : "hour";
  return { min: low, max: high, currency, unit };
}

function parseOffset({ rules, py }, text) {
  const m = py.R.tz.exec(py.strip(text).replace(/−/g, "-")), example = rules.examples.timezones;
  if (!m) throw ruleError("value.unreadable", { text: py.repr(text), example });
  if (m[1] === undefined) return 0;
  const raw = m[1].replace(/ /g, "");
  const sign = raw[0] === "-" ? -1 : 1;
  const rest = Array.from(raw).slice(1).join("");
  const at = rest.indexOf(":");
  let hours = at < 0 ? rest : rest.slice(0, at), minutes = at < 0 ? "" : rest.slice(at + 1);
  if (!minutes && py.len(hours) > 2) { const cps = Array.from(hours); hours = cps.slice(0, -2).join(""); minutes = cps.slice(-2).join(""); }
  const value = py.int(hours) + (minutes ? py.int(minutes) : 0) / 60;
  if (value > 14) throw ruleError("tz.not_real", { text: py.repr(text), example });
  return sign * value;
}

export function parseTimezones(ctx, text) {
  const py = ctx.py, example = ctx.rules.examples.timezones;
  const parts = py.strip(text).split(py.R.tzSplit);
  if (parts.length === 1) { const off = parseOffset(ctx, parts[0]); return [off, off]; }
  if (parts.length !== 2) throw ruleError("value.unreadable", { text: py.repr(text), example });
  const west = parseOffset(ctx, parts[0]), east = parseOffset(ctx, parts[1]);
  if (west > east) throw ruleError("tz.east_west", { text: py.repr(text), example });
  return [west, east];
}
