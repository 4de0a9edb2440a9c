/* Pay in the student's currency (issue #16, item 2), from the build's own rate table.
 *
 * The table is board/rates.py browser_rates() (ECB reference rates of one pinned day),
 * written into the page as <script type="application/json" id="board-fx"> with
 * board.formats' rules; conversion is amount / rate[from] * rate[to], as
 * board.rates.convert computes it, and converted figures are rounded by format.js
 * (approx: whole units, half-even), as board.rates.converted_hourly_label writes them.
 * The student's choice lives in localStorage; the default is the currency of their
 * locale's region (CLDR's table, emitted by the build), else the table's fallback.
 * "posted" shows every posting in its own currency.
 */
import { escapeHtml as esc, makeFormats } from "./format.js";
import W from "./wording.js";  // board.formats.WORDING: converted_words, hourly_words

const KEY = "board.currency";
const POSTED = "posted";
const el = document.getElementById("board-fx");
const data = el ? JSON.parse(el.textContent) : null;
const FX = data ? data.fx : null;
const F = data ? makeFormats(data.formats) : null;
let chosen = null;

function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }

function fromLocale() {
  for (const tag of navigator.languages || [navigator.language]) {
    try {
      const region = new Intl.Locale(tag).maximize().region;  // board.rates.browser_default
      if (!region) continue;
      if (FX.territory[region]) return FX.territory[region];
      const own = Object.keys(FX.rates).find((c) => c.slice(0, 2) === region);
      if (own) return own;
    } catch (e) { /* an odd tag: try the next */ }
  }
  return FX.fallback;
}

/** The display currency: a code with a rate, or "posted". */
export function currency() {
  if (!FX) return POSTED;
  if (chosen) return chosen;
  const s = stored();
  return s === POSTED || (s && FX.rates[s]) ? s : fromLocale();
}

/** The currency a minimum is compared in (never "posted"). */
export function compareIn() { const c = currency(); return c === POSTED ? FX.fallback : c; }

export function setCurrency(code, persist) {
  if (!FX || (code !== POSTED && !FX.rates[code])) return;
  chosen = code;
  if (persist) { try { localStorage.setItem(KEY, code); } catch (e) { /* private mode: this page only */ } }
  applyCards(document);
  document.dispatchEvent(new CustomEvent("board:currency", { detail: code }));
}

/** board.rates.convert: null when a currency has no rate. */
export function convert(x, src, dst) {
  if (src === dst) return x;
  const r = FX && FX.rates;
  if (!r || !r[src] || !r[dst]) return null;
  return x / r[src] * r[dst];
}

function approxRange(lo, hi, cur) {
  const a = F.approx(lo), b = F.approx(hi);
  return a === b ? `${a} ${cur}` : `${a}–${b} ${cur}`;
}

/** board.rates.converted_hourly_label in the display currency, or null (keep the card's own). */
export function hourlyLabel(lo, hi, src) {
  const dst = currency();
  if (!FX || dst === POSTED || dst === src) return null;
  const a = convert(lo, src, dst), b = convert(hi, src, dst);
  if (a == null || b == null) return null;
  return W.pay.converted.replace("{converted}", approxRange(a, b, dst)).replace("{posted}", approxRange(lo, hi, src));
}

/** present.hourly_label: the posting's own "≈ 30–40 USD/h" ("≈" when paid in total). */
export function postedLabel(lo, hi, src, unit) {
  return W.pay[unit === "total" ? "approx" : "hourly"].replace("{money}", F.moneyRange(lo, hi, src));
}

/** The pay's markup: the converted figure, then the posting's own in a quieter span. */
export function hourlyHtml(lo, hi, src, unit) {
  const t = hourlyLabel(lo, hi, src);
  if (!t) return esc(postedLabel(lo, hi, src, unit));
  const cut = t.indexOf(" (");
  return esc(t.slice(0, cut)) + '<span class="pay-posted">' + esc(t.slice(cut)) + "</span>";
}


/** Rewrite every card's hourly pay under ``root`` (data-hourly="low high currency unit"). */
export function applyCards(root) {
  if (!FX) return;
  for (const dd of root.querySelectorAll("[data-hourly]")) {
    const [lo, hi, cur, unit] = dd.dataset.hourly.split(" ");
    const h = hourlyHtml(parseFloat(lo), parseFloat(hi), cur, unit);
    if (dd.innerHTML !== h) dd.innerHTML = h;
  }
}

export const rates = FX;

function wirePicker() {
  const pick = document.getElementById("f-in");
  if (!pick || !FX) return;
  pick.value = currency();
  pick.addEventListener("change", () => setCurrency(pick.value, true));
  document.addEventListener("board:currency", (ev) => { if (pick.value !== ev.detail) pick.value = ev.detail; });
}

if (FX) { applyCards(document); wirePicker(); }
