/* The Submit page: build a posting file, check it with the board's own rules, preview
 * the card, and open GitHub's new-file page (which forks and opens the pull request).
 *
 * The rules are not written here: the build emits them from board/*.py as JSON
 * (board/browser_rules.py) into <script id="submit-rules">. This file interprets them
 * step by step in the order board/posting.py parse_posting() and board/entry.py check()
 * apply them, so the problems read exactly like `make validate`:
 *   path:line: field: problem (expected …)
 * Python helpers whose behaviour matters for the messages (str.strip, splitlines, repr,
 * int(), "%g", round-half-even, difflib.get_close_matches) are ported faithfully.
 *
 * No dependencies, no network. window.MicroboardSubmit exposes validate() for tests.
 */
(function () {
  "use strict";

  // ---- Python behaviour ----------------------------------------------------------

  function makePy(rules) {
    const WS = new Set(Array.from(rules.whitespace));
    const zeros = rules.digit_zeros;
    const rx = {};
    for (const [name, r] of Object.entries(rules.regex)) rx[name] = r;
    const re = (name, wrap) => new RegExp(wrap ? wrap.replace("%s", rx[name].source) : rx[name].source, rx[name].flags);
    const R = {
      pay: re("pay", "^(?:%s)"),
      hours: re("hours", "^(?:%s)"),
      tz: re("tz", "^(?:%s)"),
      tzSplit: new RegExp(rx.tz_split.source, rx.tz_split.flags + "g"),
      header: re("header_line", "^(?:%s)"),
      slug: re("slug", "^(?:%s)"),
      email: re("email", "^(?:%s)"),
      urlUnsafe: re("url_unsafe"),
      tracking: re("tracking_params"),
      control: re("control"),
      controlAll: new RegExp(rx.control.source, rx.control.flags + "g"),
      isoDate: re("iso_date", "^(?:%s)(?![\\s\\S])"),
      deliverableSplit: new RegExp(rx.deliverable_split.source, rx.deliverable_split.flags + "g"),
      skillKey: new RegExp(rx.skill_key.source, rx.skill_key.flags + "g"),
      spaces: new RegExp(rx.spaces.source, rx.spaces.flags + "g"),
      space: re("space"),
      bodyControl: rx.body_control ? re("body_control") : null,
    };

    function strip(s) {
      const cps = Array.from(s);
      let a = 0, b = cps.length;
      while (a < b && WS.has(cps[a])) a++;
      while (b > a && WS.has(cps[b - 1])) b--;
      return cps.slice(a, b).join("");
    }
    function splitlines(s) {
      const parts = s.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/);
      if (parts.length && parts[parts.length - 1] === "") parts.pop();
      return parts;
    }
    function len(s) { return Array.from(s).length; }
    const NONPRINT = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
    function repr(s) {
      const q = s.includes("'") && !s.includes('"') ? '"' : "'";
      let out = q;
      for (const ch of s) {
        const cp = ch.codePointAt(0);
        const hex = (n, w) => cp.toString(16).padStart(w, "0");
        if (ch === q || ch === "\\") out += "\\" + ch;
        else if (ch === "\t") out += "\\t";
        else if (ch === "\n") out += "\\n";
        else if (ch === "\r") out += "\\r";
        else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
        else if (cp < 0x7f) out += ch;
        else if (ch !== " " && NONPRINT.test(ch)) out += cp <= 0xff ? "\\x" + hex(cp, 2) : cp <= 0xffff ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
        else out += ch;
      }
      return out + q;
    }
    function asciiDigits(s) {
      let out = "";
      for (const ch of s) {
        const cp = ch.codePointAt(0);
        let d = null;
        for (const z of zeros) if (cp >= z && cp <= z + 9) { d = cp - z; break; }
        out += d === null ? ch : String(d);
      }
      return out;
    }
    function int(s) {  // Python int(str): surrounding whitespace, Unicode digits, one sign, underscores
      const t = asciiDigits(strip(s));
      if (/^[+-]?\d+(?:_\d+)*$/.test(t)) return parseInt(t.replace(/_/g, ""), 10);
      throw new Error("invalid literal for int() with base 10: " + repr(s));
    }
    function float(s) { return parseFloat(asciiDigits(s)); }
    function lower(s) { return s.toLowerCase(); }
    function upper(s) { return s.toUpperCase(); }
    function title(s) {  // str.title() for ASCII keys
      let prev = false, out = "";
      for (const ch of s) {
        const cased = ch.toLowerCase() !== ch.toUpperCase();
        out += cased ? (prev ? ch.toLowerCase() : ch.toUpperCase()) : ch;
        prev = cased;
      }
      return out;
    }
    function cleanText(v) {
      let t = String(v == null ? "" : v).normalize("NFC");
      t = t.replace(R.controlAll, "");
      return strip(t.replace(R.spaces, " "));
    }
    function hasControl(v) { return R.control.test(v); }

    // Exact decimal rounding (Python rounds half to even on the exact binary value).
    function exactDigits(x) {  // [digits string, position of the decimal point]
      let s = Math.abs(x) >= 1e21 ? BigInt(Math.abs(x)).toString() : Math.abs(x).toFixed(100);
      let [ip, fp = ""] = s.split(".");
      return [ip + fp, ip.length];
    }
    function roundDigits(digits, keep) {  // round a digit string to `keep` digits, half even
      if (keep < 0) return ["", false];
      const head = digits.slice(0, keep).split("");
      const rest = digits.slice(keep);
      let up = false;
      if (rest.length && rest[0] > "5") up = true;
      else if (rest.length && rest[0] === "5") up = /[1-9]/.test(rest.slice(1)) || (head.length ? Number(head[head.length - 1]) % 2 === 1 : false);
      let carry = false;
      if (up) {
        let k = head.length - 1;
        while (k >= 0 && head[k] === "9") { head[k] = "0"; k--; }
        if (k >= 0) head[k] = String(Number(head[k]) + 1); else { head.unshift("1"); carry = true; }
      }
      return [head.join(""), carry];
    }
    function fixed(x, d) {  // f"{x:.{d}f}"
      const neg = x < 0 || Object.is(x, -0);
      const [digits, point] = exactDigits(x);
      let [r, carry] = roundDigits(digits, point + d);
      const ip = point + (carry ? 1 : 0);
      r = r.padStart(ip + d, "0");
      let intPart = r.slice(0, r.length - d).replace(/^0+(?=\d)/, "") || "0";
      const out = d ? intPart + "." + r.slice(r.length - d) : intPart;
      return (neg && /[1-9]/.test(out) ? "-" : neg ? "-" : "") + out;
    }
    function g(x) {  // f"{x:g}"
      if (!isFinite(x)) return isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
      if (x === 0) return Object.is(x, -0) ? "-0" : "0";
      const neg = x < 0;
      let [digits, point] = exactDigits(x);
      const lead = digits.search(/[1-9]/);
      let exp = point - lead - 1;
      let [r, carry] = roundDigits(digits.slice(lead), 6);
      if (carry) { exp += 1; r = r.slice(0, 6); }
      r = r.padEnd(6, "0");
      let out;
      if (exp >= -4 && exp < 6) {
        if (exp >= 0) out = r.slice(0, exp + 1) + "." + r.slice(exp + 1);
        else out = "0." + "0".repeat(-exp - 1) + r;
        out = out.replace(/\.?0+$/, "");
        if (out === "") out = "0";
      } else {
        let m = (r[0] + "." + r.slice(1)).replace(/\.?0+$/, "");
        out = m + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
      }
      return (neg ? "-" : "") + out;
    }

    // difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6)
    function ratio(a, b) {
      const la = a.length, lb = b.length;
      const b2j = new Map();
      b.forEach((c, j) => { if (!b2j.has(c)) b2j.set(c, []); b2j.get(c).push(j); });
      if (lb >= 200) {
        const ntest = Math.floor(lb / 100) + 1;
        for (const [c, idx] of Array.from(b2j)) if (idx.length > ntest) b2j.delete(c);
      }
      function longest(alo, ahi, blo, bhi) {
        let besti = alo, bestj = blo, bestsize = 0;
        let j2len = new Map();
        for (let i = alo; i < ahi; i++) {
          const newj2len = new Map();
          for (const j of b2j.get(a[i]) || []) {
            if (j < blo) continue;
            if (j >= bhi) break;
            const k = (j2len.get(j - 1) || 0) + 1;
            newj2len.set(j, k);
            if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
          }
          j2len = newj2len;
        }
        while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
        return [besti, bestj, bestsize];
      }
      let matches = 0;
      const queue = [[0, la, 0, lb]];
      while (queue.length) {
        const [alo, ahi, blo, bhi] = queue.pop();
        const [i, j, k] = longest(alo, ahi, blo, bhi);
        if (k) {
          matches += k;
          if (alo < i && blo < j) queue.push([alo, i, blo, j]);
          if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
        }
      }
      return la + lb ? 2.0 * matches / (la + lb) : 1.0;
    }
    function cmpCodePoints(x, y) {
      const a = Array.from(x, c => c.codePointAt(0)), b = Array.from(y, c => c.codePointAt(0));
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    }
    function didYouMean(word, choices) {
      const w = Array.from(lower(word));
      let best = null;
      for (const c of choices) {
        const x = lower(c);
        const s = ratio(Array.from(x), w);
        if (s >= 0.6 && (!best || s > best[0] || (s === best[0] && cmpCodePoints(x, best[1]) > 0))) best = [s, x];
      }
      if (!best) return "";
      return choices.find(c => lower(c) === best[1]);
    }

    return { R, strip, splitlines, len, repr, int, float, lower, upper, title, cleanText, hasControl, fixed, g, didYouMean };
  }

  // ---- dates (Python's date/datetime.fromisoformat, the forms postings use) ------------

  function utcMs(y, mo, d, h, mi, s, us) {
    const t = new Date(0);
    t.setUTCFullYear(y, mo - 1, d);
    t.setUTCHours(h, mi, s, 0);
    return t.getTime() + us / 1000;
  }
  const FIRST = utcMs(1, 1, 1, 0, 0, 0, 0);
  const LAST = utcMs(9999, 12, 31, 23, 59, 59, 999999);
  function daysIn(y, m) { return [31, (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
  function checkDate(y, m, d) {
    if (y < 1 || y > 9999) throw new Error(`year ${y} is out of range`);
    if (m < 1 || m > 12) throw new Error("month must be in 1..12");
    if (d < 1 || d > daysIn(y, m)) throw new Error("day is out of range for month");
  }
  function isoDateOf(ms) {
    const t = new Date(Math.floor(ms));
    return String(t.getUTCFullYear()).padStart(4, "0") + "-" + String(t.getUTCMonth() + 1).padStart(2, "0") + "-" + String(t.getUTCDate()).padStart(2, "0");
  }

  function makeDates(py) {
    function invalid(text) { return new Error("Invalid isoformat string: " + py.repr(text)); }
    function dateOnly(text) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) throw invalid(text);
      const [y, mo, d] = [+m[1], +m[2], +m[3]];
      checkDate(y, mo, d);
      return [y, mo, d];
    }
    function datetimeFromIso(text) {
      const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[^\d](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2})(?::?(\d{2})(?:\.(\d{1,6}))?)?)?)?$/.exec(text);
      if (!m || (m[4] === undefined && (m[8] || m[9])) || (/^\d{4}-/.test(text) !== /^\d{4}-\d{2}-/.test(text))) throw invalid(text);
      const [y, mo, d] = [+m[1], +m[2], +m[3]];
      checkDate(y, mo, d);
      const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
      if (h > 23) throw new Error("hour must be in 0..23");
      if (mi > 59) throw new Error("minute must be in 0..59");
      if (s > 59) throw new Error("second must be in 0..59");
      const us = m[7] ? +(m[7] + "00000").slice(0, 6) : 0;
      let off = 0;
      if (m[9]) {
        const oh = +m[10], om = m[11] ? +m[11] : 0, os = m[12] ? +m[12] : 0;
        if (oh > 23 || om > 59 || os > 59) throw invalid(text);
        off = (m[9] === "-" ? -1 : 1) * ((oh * 60 + om) * 60 + os) * 1000;
      }
      return utcMs(y, mo, d, h, mi, s, us) - off;
    }
    // board.entry.parse_datetime -> milliseconds since the epoch, UTC
    function parseDatetime(value, endOfDay) {
      let text = py.strip(String(value));
      if (py.R.isoDate.test(text)) {
        const [y, mo, d] = dateOnly(text);
        return endOfDay ? utcMs(y, mo, d, 23, 59, 59, 0) : utcMs(y, mo, d, 0, 0, 0, 0);
      }
      if (text.endsWith("Z") || text.endsWith("z")) text = text.slice(0, -1) + "+00:00";
      const ms = datetimeFromIso(text);
      if (ms < FIRST || ms > LAST) throw new Error(py.repr(text) + " is out of range");
      return ms;
    }
    return { parseDatetime };
  }

  // ---- the validator ----------------------------------------------------------------

  function makeValidator(rules) {
    const py = makePy(rules);
    const dates = makeDates(py);
    const R = py.R;
    const EX = rules.examples;
    const currencies = new Set(rules.currencies);
    const countries = rules.countries;

    function P(field, message, expected, line) { return { field, message, expected: expected || "", line: line == null ? null : line }; }
    function format(p, path) {
      const where = path ? `${path}:${p.line || 1}: ` : "";
      return `${where}${p.field}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ""}`;
    }

    function slugify(text) {
      let t = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
      t = t.toLowerCase().replace(/&/g, " and ").replace(/\+/g, " plus ").replace(/#/g, " sharp ");
      return t.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }
    function canonicalSkill(text) {
      const key = py.lower(text).replace(R.skillKey, "");
      return Object.prototype.hasOwnProperty.call(rules.skill_index, key) ? rules.skill_index[key] : null;
    }
    function canonicalCurrency(text) {
      const raw = py.upper(py.strip(text));
      const code = Object.prototype.hasOwnProperty.call(rules.currency_aliases, raw) ? rules.currency_aliases[raw] : raw;
      return currencies.has(code) ? code : null;
    }
    function canonicalRegion(text) {
      const up = py.upper(py.strip(text));
      const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
      if (has(rules.regions, up) || has(countries, up)) return up;
      if (up === "UK" || up === "GREAT BRITAIN") return "GB";
      if (["USA", "UNITED STATES OF AMERICA", "US"].includes(up)) return "US";
      for (const [code, name] of Object.entries(countries)) if (py.upper(name) === up) return code;
      for (const [code, label] of Object.entries(rules.regions)) if (py.upper(label) === up) return code;
      return null;
    }

    // board.posting.split_lines: lines end at \n, \r\n or \r only; any other separator is an error.
    function splitLines(text) {
      const parts = text.split(/\r\n|\r|\n/);
      if (parts.length && parts[parts.length - 1] === "") parts.pop();
      return parts;
    }
    function separatorProblems(all) {
      const out = [];
      for (let n = 0; n < all.length; n++) {
        const ch = Array.from(all[n]).find(x => Object.prototype.hasOwnProperty.call(rules.line_separators, x));
        if (ch !== undefined) out.push(P("text", `line contains ${rules.line_separators[ch]}`, "ordinary line breaks only", n + 1));
      }
      return out;
    }

    function readHeader(text) {
      const values = new Map(), lines = new Map();
      const all = splitLines(text);
      const problems = separatorProblems(all);
      let current = null, i = 0, broke = false;
      for (let k = 0; k < all.length; k++) {
        i = k + 1;
        const raw = all[k];
        if (!py.strip(raw)) { broke = true; break; }
        if ((raw.startsWith("    ") || raw.startsWith("\t")) && current) {
          values.set(current, values.get(current) + "\n" + py.strip(raw));
          continue;
        }
        const m = R.header.exec(raw);
        if (!m) {
          problems.push(P("header", `line is not 'Key: value': ${py.repr(Array.from(raw).slice(0, 60).join(""))}`,
            "a blank line between the metadata and the Markdown body", i));
          current = null;
          continue;
        }
        const key = m[1].toLowerCase().replace(/_/g, "-");
        if (values.has(key)) {
          problems.push(P(key, `appears twice (first on line ${lines.get(key)})`, "each key once", i));
          continue;
        }
        current = key;
        values.set(key, py.strip(m[2]));
        lines.set(key, i);
      }
      if (!broke) i = all.length + 1;
      return { values, lines, body: all.slice(i).join("\n"), bodyLine: i + 1, problems };
    }

    function parseHours(text) {
      const m = R.hours.exec(py.strip(text));
      if (!m) throw new Error(`cannot read ${py.repr(text)}`);
      const low = py.int(m[1]);
      return { min: low, max: m[2] !== undefined ? py.int(m[2]) : low };
    }
    function parsePay(text) {
      const m = R.pay.exec(py.strip(text));
      if (!m) throw new Error(`cannot read ${py.repr(text)}`);
      const gr = m.groups;
      const curRaw = gr.cur1 || gr.cur3 || gr.cur2 || "";
      const currency = curRaw ? canonicalCurrency(curRaw) : null;
      if (currency === null) throw new Error(`unknown or missing currency in ${py.repr(text)}`);
      const low = py.float(gr.min.replace(/,/g, ""));
      const high = gr.max !== undefined ? py.float(gr.max.replace(/,/g, "")) : low;
      const unit = ["total", "fixed", "flat"].includes(gr.unit.toLowerCase()) ? "total" : "hour";
      return { min: low, max: high, currency, unit };
    }
    function parseOffset(text) {
      const m = R.tz.exec(py.strip(text).replace(/−/g, "-"));
      if (!m) throw new Error(`cannot read ${py.repr(text)}`);
      if (m[1] === undefined) return 0;
      const raw = m[1].replace(/ /g, "");
      const sign = raw[0] === "-" ? -1 : 1;
      const rest = Array.from(raw).slice(1).join("");
      const at = rest.indexOf(":");
      let hours = at < 0 ? rest : rest.slice(0, at), minutes = at < 0 ? "" : rest.slice(at + 1);
      if (!minutes && py.len(hours) > 2) { const cps = Array.from(hours); hours = cps.slice(0, -2).join(""); minutes = cps.slice(-2).join(""); }
      const value = py.int(hours) + (minutes ? py.int(minutes) : 0) / 60;
      if (value > 14) throw new Error(`${py.repr(text)} is not a real UTC offset`);
      return sign * value;
    }
    function parseTimezones(text) {
      const parts = py.strip(text).split(R.tzSplit);
      if (parts.length === 1) { const off = parseOffset(parts[0]); return [off, off]; }
      if (parts.length !== 2) throw new Error(`cannot read ${py.repr(text)}`);
      const west = parseOffset(parts[0]), east = parseOffset(parts[1]);
      if (west > east) throw new Error(`${py.repr(text)} runs east to west`);
      return [west, east];
    }

    function urlProblem(url) {
      if (py.len(url) > rules.max_len.url) return `is ${py.len(url)} characters long`;
      if (py.hasControl(url) || R.space.test(url)) return "contains spaces or control characters";
      const unsafe = R.urlUnsafe.exec(url);
      if (unsafe) return `contains ${py.repr(unsafe[0])}, which must be percent-encoded`;
      const parts = urlsplit(url);
      if (parts.scheme.toLowerCase() !== "https") return `uses scheme ${py.repr(parts.scheme || "(none)")}`;
      if (!parts.hostname || !parts.hostname.includes(".")) return "has no valid host name";
      if (parts.hostname.endsWith(".")) return "has a host name ending in a dot";
      if (parts.userinfo) return "contains credentials";
      return null;
    }
    function urlsplit(url) {  // urllib.parse.urlsplit, the parts url_problem reads
      let scheme = "", rest = url;
      const colon = url.indexOf(":");
      if (colon > 0 && /^[A-Za-z][A-Za-z0-9+\-.]*$/.test(url.slice(0, colon))) { scheme = url.slice(0, colon).toLowerCase(); rest = url.slice(colon + 1); }
      let netloc = "";
      if (rest.startsWith("//")) {
        const m = /^\/\/([^/?#]*)/.exec(rest);
        netloc = m[1];
      }
      const atAt = netloc.lastIndexOf("@");
      const userinfo = atAt >= 0 ? netloc.slice(0, atAt) : "";
      let host = atAt >= 0 ? netloc.slice(atAt + 1) : netloc;
      if (host.startsWith("[")) host = host.includes("]") ? host.slice(1, host.indexOf("]")) : host.slice(1);
      else if (host.includes(":")) host = host.slice(0, host.indexOf(":"));
      const hostname = host ? host.toLowerCase() : null;
      return { scheme, netloc, hostname, userinfo: userinfo.length > 0 };
    }
    // board.identity.url_key, line by line: the key two postings share when they are one posting.
    function urlKey(url) {
      const text = py.strip(url);
      let scheme = "", rest = text;
      const colon = text.indexOf(":");
      if (colon > 0 && /^[A-Za-z][A-Za-z0-9+\-.]*$/.test(text.slice(0, colon))) { scheme = text.slice(0, colon).toLowerCase(); rest = text.slice(colon + 1); }
      let netloc = "";
      if (rest.startsWith("//")) { netloc = /^\/\/([^/?#]*)/.exec(rest)[1]; rest = rest.slice(2 + netloc.length); }
      const hash = rest.indexOf("#");
      if (hash >= 0) rest = rest.slice(0, hash);
      const q = rest.indexOf("?");
      const path = q >= 0 ? rest.slice(0, q) : rest, query = q >= 0 ? rest.slice(q + 1) : "";
      let host = netloc.slice(netloc.lastIndexOf("@") + 1), port = null;
      if (host.startsWith("[")) {
        if (!host.includes("]")) return text.toLowerCase();
        const after = host.slice(host.indexOf("]") + 1);
        host = host.slice(1, host.indexOf("]"));
        if (after.startsWith(":") && after.length > 1) port = after.slice(1);
      } else if (host.includes(":")) { port = host.slice(host.indexOf(":") + 1) || null; host = host.slice(0, host.indexOf(":")); }
      if (port !== null && (!/^[0-9]+$/.test(port) || +port > 65535)) return text.toLowerCase();
      host = host.toLowerCase().replace(/\.+$/, "");
      if (host.startsWith("www.")) host = host.slice(4);
      scheme = scheme === "http" || scheme === "https" ? "https" : scheme;
      const netKey = port === null || +port === 80 || +port === 443 ? host : `${host}:${+port}`;
      const pairs = query.split("&").filter(p => p && !R.tracking.test(p.split("=")[0])).sort();
      return `${scheme}://${netKey}${path.replace(/\/+$/, "")}${pairs.length ? "?" + pairs.join("&") : ""}`.toLowerCase();
    }
    function emailProblem(email) {
      if (py.len(email) > 254 || !R.email.test(email)) return "is not a valid e-mail address";
      return null;
    }

    // board.posting.parse_posting + board.entry.check, in the same order.
    function validate(text, opts) {
      opts = opts || {};
      const now = opts.now != null ? (typeof opts.now === "number" ? opts.now : Date.parse(opts.now)) : Date.now();
      const slug = opts.slug != null ? opts.slug : "new-posting";
      const name = slug + ".md";
      const bytes = new TextEncoder().encode(text).length;
      if (bytes > rules.max_file_bytes) return [P("file", `is ${bytes} bytes`, `at most ${rules.max_file_bytes} bytes`, 1)];
      if (text.startsWith("\ufeff")) text = text.slice(1);
      const header = readHeader(text);
      const problems = header.problems;
      const v = header.values, at = header.lines;
      const get = (k, d) => (v.has(k) ? v.get(k) : d);
      const add = (f, m, x) => problems.push(P(f, m, x || EX[f] || "", at.has(f) ? at.get(f) : 1));

      if (!R.slug.test(slug) || py.len(slug) > 80) {
        problems.push(P("file name", `${py.repr(name)} is not a valid slug`,
          "lower-case letters, digits and hyphens, e.g. data-dashboard-harvest-share.md", 1));
      }
      for (const key of v.keys()) {
        if (!rules.known.includes(key)) {
          const hint = py.didYouMean(key, rules.known);
          add(key, "unknown key" + (hint ? `; did you mean '${py.title(hint)}'?` : ""), "one of: " + rules.known.join(", "));
        }
      }
      for (const key of rules.required) {
        if (!get(key)) problems.push(P(key, "is missing", EX[key] || "", at.has(key) ? at.get(key) : 1));
      }
      if (!get("apply-url") && !get("apply-email")) {
        problems.push(P("apply-url", "is missing (and no Apply-Email either)", "Apply-URL: https://… or Apply-Email: name@example.org", 1));
      }
      for (const [key, value] of v) if (py.hasControl(value)) add(key, "contains control or invisible characters", "plain printable text");

      function parsed(key, fn) {
        if (!get(key)) return null;
        try { return fn(v.get(key)); } catch (e) { add(key, e.message); return null; }
      }
      const hours = parsed("hours", parseHours);
      const pay = parsed("pay", parsePay);
      const posted = parsed("posted", s => dates.parseDatetime(s));
      const applyBy = parsed("apply-by", s => dates.parseDatetime(s, true));
      const updated = parsed("updated", s => dates.parseDatetime(s));
      const lastVerified = parsed("last-verified", s => dates.parseDatetime(s));
      const timezones = parsed("timezones", parseTimezones);

      let category = slugify(get("category", ""));
      const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
      if (get("category") && !own(rules.categories, category)) {
        const byLabel = {};
        for (const [s, label] of Object.entries(rules.categories)) byLabel[slugify(label)] = s;
        category = own(byLabel, category) ? byLabel[category] : category;
      }
      const skills = [], unknown = [];
      for (const raw0 of get("skills", "").split(",")) {
        const raw = py.cleanText(raw0);
        if (!raw) continue;
        const nameS = canonicalSkill(raw);
        if (nameS === null) unknown.push(raw);
        else if (!skills.includes(nameS)) skills.push(nameS);
      }
      const choices = Object.keys(rules.skills).concat(...Object.values(rules.skills));
      for (const word of unknown) {
        let hint = py.didYouMean(word, choices);
        hint = hint ? canonicalSkill(hint) : "";
        add("skills", `unknown skill ${py.repr(word)}` + (hint ? `; did you mean '${hint}'?` : ""),
          "skills from the list in README (ask for a new one in your pull request)");
      }
      if (get("skills") && skills.length > rules.max_skills) add("skills", `${skills.length} skills listed`, `at most ${rules.max_skills}`);
      const regions = [];
      for (const word of (get("eligible-regions") || "WORLDWIDE").split(",")) {
        if (!py.strip(word)) continue;
        const code = canonicalRegion(word);
        if (code === null) add("eligible-regions", `unknown country or region ${py.repr(py.strip(word))}`);
        else if (!regions.includes(code)) regions.push(code);
      }
      const deliverables = get("deliverables", "").split(R.deliverableSplit).map(py.cleanText).filter(Boolean);
      // The build renders Markdown and sanitizes it; here the Markdown text stands in for it.
      const description = py.strip(header.body) ? header.body : "";
      if (R.bodyControl) {
        const bodyLines = splitLines(header.body);
        for (let n = 0; n < bodyLines.length; n++) {
          if (R.bodyControl.test(bodyLines[n])) {
            problems.push(P("body", "contains control characters", "plain text and Markdown only", header.bodyLine + n));
            break;
          }
        }
      }

      if (hours === null || pay === null || posted === null) return problems;

      // ---- board.entry.check ----
      const checks = [];
      const c = (f, m, x) => checks.push(P(f, m, x || ""));
      if (!R.slug.test(slug) || py.len(slug) > 80) c("slug", `${py.repr(slug)} is not a safe file name`, "lower-case letters, digits and hyphens, at most 80");
      const texts = [["title", py.cleanText(get("title"))], ["organization", py.cleanText(get("organization"))], ["summary", py.cleanText(get("summary"))]];
      for (const [f, value] of texts) {
        if (!value) c(f, "is empty", "a short plain-text value");
        else if (py.len(value) > rules.max_len[f]) c(f, `is ${py.len(value)} characters long`, `at most ${rules.max_len[f]}`);
      }
      if (py.len(description) > rules.max_len.description * 2) c("description", "is too long", `at most ${rules.max_len.description} characters of text`);
      if (!py.strip(description)) c("description", "is empty", "a Markdown body describing the project");
      const H0 = rules.hours_min, H1 = rules.hours_max;
      if (!(H0 <= hours.min && hours.min <= hours.max && hours.max <= H1)) {
        c("hours", `${hours.min}-${hours.max} is outside ${H0}-${H1} total hours`, `total project hours between ${H0} and ${H1}, e.g. 15-20`);
      }
      if (!currencies.has(pay.currency)) c("pay", `unknown currency ${py.repr(pay.currency)}`, "an ISO 4217 code such as USD, EUR, GBP");
      else if (!isFinite(pay.min) || !isFinite(pay.max) || pay.max > rules.max_amount) {
        c("pay", "amount is too large to be real", `at most ${rules.max_amount_label} per posting or hour, e.g. 600 USD total`);
      }
      else if (pay.min <= 0 || pay.max < pay.min) c("pay", `amount ${py.g(pay.min)}-${py.g(pay.max)} is not a positive range`, "e.g. 600 USD total or 20-25 EUR per hour");
      else if (hours.min > 0) {
        const floor = Object.prototype.hasOwnProperty.call(rules.pay_floors, pay.currency) ? rules.pay_floors[pay.currency] : null;
        const low = pay.unit === "hour" ? pay.min : pay.min / hours.max;
        if (floor !== null && low < floor) {
          c("pay", `works out at ${py.fixed(low, 2)} ${pay.currency}/hour, below the board's floor of ${py.g(floor)} ${pay.currency}/hour`, "more pay or fewer hours");
        }
      }
      if (!own(rules.categories, category)) {
        c("category", `unknown category ${py.repr(category)}`, "one of " + Object.keys(rules.categories).join(", "));
      }
      const applyUrl = get("apply-url") || null, applyEmail = get("apply-email") || null, orgUrl = get("organization-url") || null;
      if (!applyUrl && !applyEmail) c("apply", "no way to apply", "Apply-URL: https://… or Apply-Email: name@example.org");
      let why;
      if (applyUrl && (why = urlProblem(applyUrl))) c("apply-url", why, "an https:// URL");
      if (applyEmail && (why = emailProblem(applyEmail))) c("apply-email", why, "name@example.org");
      if (orgUrl && (why = urlProblem(orgUrl))) c("organization-url", why, "an https:// URL");
      const status = py.lower(py.strip(get("status", "open")));
      if (!rules.statuses.includes(status)) c("status", `unknown status ${py.repr(status)}`, rules.statuses.join(" or "));
      if (!opts.allowExpired && status === "open" && applyBy !== null && applyBy < now) {
        c("apply-by", `deadline ${isoDateOf(applyBy)} has passed for an open posting`, "a future date, or Status: closed");
      }
      if (applyBy !== null && applyBy < posted) c("apply-by", "is before the posting date", "a date after Posted");
      if (posted > now + rules.posted_future_days * 86400000) c("posted", `${isoDateOf(posted)} is in the future`, "today's date or earlier");
      // board.entry.date_window_problems
      const earliest = Date.UTC(rules.earliest_year, 0, 1);
      for (const [f, d] of [["posted", posted], ["updated", updated], ["apply-by", applyBy], ["last-verified", lastVerified]]) {
        if (d !== null && d < earliest) c(f, `${isoDateOf(d)} is before ${rules.earliest_year}`, "a recent date");
      }
      if (applyBy !== null && applyBy > Math.max(now, posted) + rules.max_deadline_ahead_days * 86400000) {
        c("apply-by", `${isoDateOf(applyBy)} is more than ${rules.max_deadline_ahead_label} away`, `a deadline within the next ${rules.max_deadline_ahead_label}`);
      }
      if (deliverables.length > rules.max_deliverables || deliverables.some(d => py.len(d) > rules.max_len.deliverable)) {
        c("deliverables", "too many or too long", `at most ${rules.max_deliverables} items of ${rules.max_len.deliverable} characters`);
      }
      const students = py.lower(py.strip(get("students", "enrolled-or-recent")));
      if (!Object.prototype.hasOwnProperty.call(rules.student_status, students)) c("students", `unknown value ${py.repr(students)}`, Object.keys(rules.student_status).join(" or "));
      const wa = py.lower(py.strip(get("work-authorization", "not-required")));
      if (!Object.prototype.hasOwnProperty.call(rules.work_authorization, wa)) c("work-authorization", `unknown value ${py.repr(wa)}`, Object.keys(rules.work_authorization).join(" or "));

      const seen = new Set(problems.map(p => p.field + "\u0000" + p.line));
      const rename = { apply: "apply-url", description: "body", slug: "file name" };
      for (const p of checks) {
        const key = rename[p.field] || p.field;
        const line = key === "body" ? header.bodyLine : (at.has(key) ? at.get(key) : 1);
        if (seen.has(key + "\u0000" + line)) continue;
        problems.push(P(key, p.message, p.expected, line));
      }
      // board.validate: across files (only when the build told us about the others).
      if (!problems.length && !opts.skipCrossFile) {
        const taken = rules.taken || {}, urls = rules.open_apply_urls || {};
        if (Object.prototype.hasOwnProperty.call(taken, slug)) {
          problems.push(P("file name", `slug ${py.repr(slug)} is already used by ${taken[slug]}`, "a unique file name", 1));
        } else if (applyUrl && status === "open") {
          const key = urlKey(applyUrl);
          if (Object.prototype.hasOwnProperty.call(urls, key)) problems.push(P("apply-url", `same apply URL as ${urls[key]}`, "one posting per application link", 1));
        }
      }
      if (problems.length === 0 && opts.entry) {
        opts.entry.value = { hours, pay, posted, applyBy, category, skills, regions, deliverables, timezones, status, students, wa, applyUrl, applyEmail };
      }
      return problems;
    }

    return { validate, format, slugify, urlKey, py, canonicalSkill, regionLabel: code => rules.regions[code] || countries[code] || code };
  }

  // ---- the card, as theme/templates/_card.html renders it (plugins/board_site/present.py) ---

  function makePresent(rules, V) {
    function money(amount, currency) {
      const isInt = Number.isInteger(amount);
      let t = isInt ? V.py.fixed(amount, 0) : V.py.fixed(amount, 2);
      const neg = t.startsWith("-"); if (neg) t = t.slice(1);
      let [ip, fp] = t.split(".");
      ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return ((neg ? "-" : "") + ip + (fp ? "." + fp : "") + " " + (currency || "")).trim();
    }
    function round2(x) { return Number(V.py.fixed(x, 2)); }
    function range(low, high, cur) {
      if (round2(low) === round2(high)) return money(low, cur);
      return `${money(low)}–${money(high)} ${cur}`;
    }
    function payLabel(e) {
      const t = range(e.pay.min, e.pay.max, e.pay.currency);
      return e.pay.unit === "total" ? `${t} total` : `${t}/hour`;
    }
    function hourlyLabel(e) {
      const [lo, hi] = e.pay.unit === "hour" ? [e.pay.min, e.pay.max] : [e.pay.min / e.hours.max, e.pay.max / e.hours.min];
      return `${e.pay.unit === "total" ? "≈ " : ""}${range(round2(lo), round2(hi), e.pay.currency)}/h`;
    }
    function hoursLabel(e) { return e.hours.min === e.hours.max ? `${e.hours.min} hours total` : `${e.hours.min}–${e.hours.max} hours total`; }
    function deadlineLabel(e, now) {
      if (e.status !== "open") return e.status === "filled" ? "Filled" : "Closed";
      if (e.applyBy === null) return "Open until filled";
      const days = Math.round((Date.parse(isoDateOf(e.applyBy)) - Date.parse(isoDateOf(now))) / 86400000);
      if (days < 0) return "Closed";
      if (days === 0) return "Closes today";
      if (days === 1) return "Closes tomorrow";
      return `Closes in ${days} days`;
    }
    function regionsLabel(e) { return (e.regions.length ? e.regions : ["WORLDWIDE"]).map(V.regionLabel).join(", "); }
    return { payLabel, hourlyLabel, hoursLabel, deadlineLabel, regionsLabel };
  }

  function el(tag, attrs, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    for (const k of kids) n.append(k);
    return n;
  }

  function renderCard(e, fields, show, now) {
    const art = el("article", { class: "card", "data-slug": fields.slug });
    const h = el("h3", { class: "card-title" }, el("a", { href: "#" }, fields.title));
    art.append(h, el("p", { class: "card-org" }, el("a", { href: "#" }, fields.organization)));
    const dl = el("dl", { class: "facts" });
    const row = (dt, dd) => dl.append(el("div", {}, el("dt", {}, dt), el("dd", {}, dd)));
    row("Pay", show.payLabel(e));
    row("Per hour", show.hourlyLabel(e));
    row("Effort", show.hoursLabel(e));
    row("Deadline", show.deadlineLabel(e, now));
    row("Who may apply", `${show.studentLabel(e)}; ${show.regionsLabel(e)}`);
    art.append(dl);
    if (e.skills.length) {
      const ul = el("ul", { class: "skills", "aria-label": "Skills" });
      for (const s of e.skills) ul.append(el("li", {}, el("a", { href: "#" }, s)));
      art.append(ul);
    }
    return art;
  }

  // ---- the form ------------------------------------------------------------------------

  function fileText(rules, f) {
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

  function githubUrl(rules, slug, text) {
    // A lone surrogate (half an emoji pasted) makes encodeURIComponent throw URIError; it
    // becomes U+FFFD, as board.entry.clean_text makes it.
    const whole = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    return `https://github.com/${rules.repository}/new/${rules.branch}/${rules.postings_dir}?filename=${encodeURIComponent(slug + ".md")}&value=${encodeURIComponent(whole)}`;
  }

  function todayUTC() { return new Date().toISOString().slice(0, 10); }

  function initForm(rules, V) {
    const form = document.getElementById("submit-form");
    if (!form) return;
    const show = makePresent(rules, V);
    show.studentLabel = e => rules.student_status[e.students] || e.students;
    const $ = id => document.getElementById(id);
    const summary = $("error-summary"), summaryList = $("error-summary-list");
    const result = $("submit-result"), preview = $("card-preview"), fileBox = $("file-text");
    const ghLink = $("github-link"), status = $("submit-status");
    const FIELD_INPUT = {
      "pay": "f-pay-amount", "file name": "f-slug", "slug": "f-slug", "body": "f-description", "description": "f-description",
      "apply": "f-apply-url", "header": "f-title", "file": "f-description",
    };
    const inputFor = field => $(FIELD_INPUT[field] || "f-" + field) || null;
    let touched = false, slugEdited = false;

    if ($("f-posted") && !$("f-posted").value) $("f-posted").value = todayUTC();
    $("f-slug").addEventListener("input", () => { slugEdited = true; });
    const autoSlug = () => {
      if (slugEdited) return;
      const s = V.slugify(`${$("f-title").value} ${$("f-organization").value}`).slice(0, 80).replace(/-+$/, "");
      $("f-slug").value = s;
    };
    $("f-title").addEventListener("input", autoSlug);
    $("f-organization").addEventListener("input", autoSlug);

    function fields() {
      const f = {};
      for (const key of Object.keys(rules.display)) { const n = $("f-" + key); if (n) f[key] = n.value; }
      const amount = $("f-pay-amount").value.trim();
      f.pay = amount ? `${amount} ${$("f-pay-currency").value} ${$("f-pay-unit").value}` : "";
      f.description = $("f-description").value;
      f.slug = $("f-slug").value.trim();
      return f;
    }

    function clearErrors() {
      for (const n of form.querySelectorAll("[aria-invalid]")) {
        n.removeAttribute("aria-invalid");
        const desc = (n.getAttribute("aria-describedby") || "").split(" ").filter(id => !id.endsWith("-error"));
        if (desc.length) n.setAttribute("aria-describedby", desc.join(" ")); else n.removeAttribute("aria-describedby");
      }
      for (const n of form.querySelectorAll(".field-error")) { n.textContent = ""; n.hidden = true; }
      summaryList.textContent = "";
      summary.hidden = true;
    }

    function showErrors(problems, focus) {
      clearErrors();
      const byInput = new Map();
      for (const p of problems) {
        const input = inputFor(p.field) || $("f-title");
        if (!byInput.has(input)) byInput.set(input, []);
        byInput.get(input).push(p);
      }
      for (const [input, list] of byInput) {
        const errId = input.id + "-error";
        let err = $(errId);
        if (!err) { err = el("p", { id: errId, class: "field-error" }); input.closest(".field").append(err); }
        err.textContent = list.map(p => p.message + (p.expected ? ` (expected ${p.expected})` : "")).join(" · ");
        err.hidden = false;
        input.setAttribute("aria-invalid", "true");
        const desc = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        if (!desc.includes(errId)) desc.push(errId);
        input.setAttribute("aria-describedby", desc.join(" "));
      }
      for (const p of problems) {
        const input = inputFor(p.field) || $("f-title");
        const label = form.querySelector(`label[for="${input.id}"]`);
        const a = el("a", { href: "#" + input.id }, `${label ? label.textContent.replace(/\s*\(.*$/, "").trim() : p.field}: ${p.message}`);
        a.addEventListener("click", ev => { ev.preventDefault(); input.focus(); });
        summaryList.append(el("li", {}, a));
      }
      $("error-count").textContent = `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix`;
      summary.hidden = false;
      if (focus) summary.focus();
    }

    function check(focus) {
      const f = fields();
      const text = fileText(rules, f);
      const holder = {};
      const problems = V.validate(text, { slug: f.slug, entry: holder });
      fileBox.value = text;
      if (problems.length) {
        showErrors(problems, focus);
        result.hidden = true;
        status.textContent = `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix.`;
        return null;
      }
      clearErrors();
      const e = holder.value;
      preview.textContent = "";
      preview.append(renderCard(e, { slug: f.slug, title: V.py.cleanText(f.title), organization: V.py.cleanText(f.organization) }, show, Date.now()));
      $("file-name").textContent = `${rules.postings_dir}/${f.slug}.md`;
      const url = githubUrl(rules, f.slug, text);
      ghLink.href = url;
      $("url-too-long").hidden = url.length <= 8000;
      result.hidden = false;
      status.textContent = "No problems found. Check the preview, then open GitHub.";
      if (focus) $("result-heading").focus();
      return { text, url, slug: f.slug };
    }

    form.addEventListener("submit", ev => { ev.preventDefault(); touched = true; check(true); });
    form.addEventListener("input", () => { if (touched) check(false); });
    form.addEventListener("change", () => { if (touched) check(false); });
    ghLink.addEventListener("click", ev => {
      const ok = check(false);
      if (!ok) { ev.preventDefault(); return; }
      ev.preventDefault();
      const w = window.open(ok.url, "_blank", "noopener");
      if (!w) window.location.href = ok.url;
    });
    $("copy-file").addEventListener("click", async () => {
      const ok = check(false); if (!ok) return;
      try { await navigator.clipboard.writeText(ok.text); status.textContent = "Copied the file to the clipboard."; }
      catch (err) { fileBox.focus(); fileBox.select(); document.execCommand && document.execCommand("copy"); status.textContent = "Select the text below and copy it."; }
    });
    $("download-file").addEventListener("click", () => {
      const ok = check(false); if (!ok) return;
      const a = el("a", { href: URL.createObjectURL(new Blob([ok.text], { type: "text/markdown" })), download: ok.slug + ".md" });
      document.body.append(a); a.click(); a.remove();
      status.textContent = `Downloaded ${ok.slug}.md.`;
    });
  }

  function load() {
    const node = document.getElementById("submit-rules");
    if (!node) return null;
    const rules = JSON.parse(node.textContent);
    const V = makeValidator(rules);
    return { rules, V };
  }

  const api = {
    makeValidator,
    fileText,
    githubUrl,
    validate(text, opts) {
      const l = load();
      return l.V.validate(text, opts);
    },
  };
  window.MicroboardSubmit = api;
  function start() { const l = load(); if (l) initForm(l.rules, l.V); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
