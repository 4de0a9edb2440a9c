/* Helpful inputs: the currency from the browser's locale (shown, never silent), the
 * effective hourly pay as hours and pay are typed, and skills suggested from the
 * vocabulary (board/vocabulary.py SKILLS and aliases, emitted with the rules). */

import { own } from "./problem.js";

// The first of the browser's languages whose country has a currency in board.vocabulary.REGION_CURRENCY.
export function localeCurrency(rules, languages) {
  for (const tag of languages || []) {
    let region = null;
    try { region = new Intl.Locale(tag).maximize().region; } catch (err) { continue; }
    if (region && own(rules.region_currency, region) && rules.currencies.includes(rules.region_currency[region])) {
      return { code: rules.region_currency[region], tag };
    }
  }
  return null;
}

export function applyLocaleCurrency({ rules, $ }) {
  const select = $("f-pay-currency"), note = $("f-pay-currency-note");
  if (select.value) return;
  const guess = localeCurrency(rules, navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  if (guess) {
    select.value = guess.code;
    note.textContent = `${guess.code} is chosen from your browser's language (${guess.tag}); change it if you pay in another currency.`;
  } else {
    note.textContent = "Choose the currency you pay in.";
  }
}

// "Effective pay: ≈ 30–40 USD/h", and the board's minimum when it is not reached (board.entry's pay rules).
export function showHourly({ V, $, show }, payText, hoursText) {
  const out = $("pay-hourly");
  let hours, pay;
  try { hours = V.readHours(hoursText); pay = V.readPay(payText); } catch (err) { out.textContent = ""; return; }
  if (!(hours.min > 0 && hours.min <= hours.max && pay.min > 0 && pay.max >= pay.min && isFinite(pay.max))) { out.textContent = ""; return; }
  const e = { hours, pay };
  let text = `Effective pay: ${show.hourlyLabel(e)} for ${show.hoursLabel(e)}.`;
  const floor = V.payFloorProblem(pay, hours);
  if (floor) text += " " + V.say(floor, "This");
  out.textContent = text;
}

// The datalist offers "what you typed so far, <skill>" so one list serves a comma-separated field.
export function suggestSkills({ rules, V, $ }) {
  const input = $("f-skills"), list = $("skill-list"), read = $("f-skills-read");
  const value = input.value;
  const cut = value.lastIndexOf(",");
  const prefix = cut < 0 ? "" : value.slice(0, cut + 1).replace(/\s*$/, " ");
  const have = value.split(",").map(s => V.canonicalSkill(s.trim())).filter(Boolean);
  list.textContent = "";
  for (const [name, aliases] of Object.entries(rules.skills)) {
    if (have.includes(name)) continue;
    const opt = document.createElement("option");
    opt.value = prefix + name;
    if (aliases.length) opt.label = `${name} (also: ${aliases.join(", ")})`;
    list.append(opt);
  }
  const words = value.split(",").map(s => s.trim()).filter(Boolean);
  const parts = words.map(w => { const c = V.canonicalSkill(w); return c === null ? `“${w}” is not on the list` : (c === w ? c : `${c} (from “${w}”)`); });
  read.textContent = parts.length ? "Reads as: " + parts.join(", ") + "." : "";
}
