/* Numbers, money, slugs and site paths in the browser, from the build's own definitions.
 *
 * Nothing here is a rule of its own: the data comes from board/formats.py (NUMBERS, SLUG)
 * and board/paths.py (PATHS), emitted by board/browser_rules.py browser_formats() and
 * board/paths.py browser_paths() into search/entries.json and the Submit page's rules.
 * Rounding is Intl.NumberFormat's roundingMode "halfEven", which rounds the figure's
 * shortest decimal spelling, as board.formats.rounded does in Python.
 */

/** Text made safe inside HTML, attribute values included: the one escaper of every page's script. */
export function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

export function makeFormats(spec) {
  const n = spec.numbers;
  // Each Intl.NumberFormat is made on first use: making one loads the locale's data, tens of
  // milliseconds on a phone, which a page's start (the Submit form's, the board's) must not pay.
  const made = {};
  const fmt = (key, digits) => made[key] || (made[key] = new Intl.NumberFormat(n.locale, {
    useGrouping: true, roundingMode: n.rounding, minimumFractionDigits: digits, maximumFractionDigits: digits,
  }));
  const noCents = n.decimal + "0".repeat(n.decimals);
  function number(x) {  // board.formats.number: 1838 -> "1,838", 50.125 -> "50.12", 29.999 -> "30"
    const t = fmt("cents", n.decimals).format(x);
    return t.endsWith(noCents) ? t.slice(0, -noCents.length) : t;
  }
  function approx(x) { return fmt("whole", n.approx_decimals).format(x); }  // board.formats.approx: converted pay, 23.5 -> "24"
  function money(x, currency) { return currency ? number(x) + " " + currency : number(x); }
  function moneyRange(low, high, currency) {  // board.formats.money_range
    const a = number(low), b = number(high);
    return a === b ? money(low, currency) : `${a}–${b} ${currency}`;
  }
  const s = spec.slug;
  const drop = new RegExp(s.drop.source, s.drop.flags + "g");
  const separator = new RegExp(s.separator.source, s.separator.flags + "g");
  const trim = new RegExp(`^(?:${escape(s.joiner)})+|(?:${escape(s.joiner)})+$`, "gu");
  function slugify(text) {  // board.formats.slugify
    let t = String(text).normalize("NFKD").replace(drop, "").toLowerCase();
    for (const [symbol, word] of Object.entries(s.replace)) t = t.split(symbol).join(word);
    return t.replace(separator, s.joiner).replace(trim, "");
  }
  function defaultSlug(...words) {  // board.formats.default_slug
    return slugify(words.join(" ")).slice(0, s.max_len).replace(trim, "");
  }
  return { number, approx, money, moneyRange, slugify, defaultSlug, maxSlugLen: s.max_len };
}

function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

export function makePaths(spec, base) {  // board.paths: Urls.posting, .taxonomy, .feed, .calendar
  const fill = (name, params) => base + spec.templates[name].replace(/\{(\w+)\}/g, (_, k) => params[k]);
  return {
    posting: slug => fill("posting", { slug }),
    taxonomy: (kind, slug) => fill("taxonomy", { kind, slug }),
    feed: (kind, slug, fmt) => fill(slug == null ? "feed_all" : "feed", { kind, slug, ext: spec.feed_ext[fmt] }),
    calendar: (kind, slug) => fill(slug == null ? "calendar_all" : "calendar", { kind, slug }),
  };
}
