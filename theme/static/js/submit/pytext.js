/* Python's str behaviour where it shapes a message: strip(), splitlines(), len(), repr(),
 * int() and float() on Unicode digits, title(). Whitespace and digits come from the build. */

export function makeText(rules, R) {
  const WS = new Set(Array.from(rules.whitespace));
  const zeros = rules.digit_zeros;
  function strip(s) {
    const cps = Array.from(s);
    let a = 0, b = cps.length;
    while (a < b && WS.has(cps[a])) a++;
    while (b > a && WS.has(cps[b - 1])) b--;
    return cps.slice(a, b).join("");
  }
  function asciiDigits(s) {
    let out = "";
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      const z = zeros.find(z0 => cp >= z0 && cp <= z0 + 9);
      out += z === undefined ? ch : String(cp - z);
    }
    return out;
  }
  function int(s) {  // Python int(str): surrounding whitespace, Unicode digits, one sign, underscores
    const t = asciiDigits(strip(s));
    if (/^[+-]?\d+(?:_\d+)*$/.test(t)) return parseInt(t.replace(/_/g, ""), 10);
    throw new Error("invalid literal for int() with base 10: " + repr(s));
  }
  function float(s) { return parseFloat(asciiDigits(s)); }
  function cleanText(v) {  // board.entry.clean_text
    let t = String(v == null ? "" : v).normalize("NFC");
    t = t.replace(R.controlAll, "");
    return strip(t.replace(R.spaces, " "));
  }
  function hasControl(v) { return R.control.test(v); }
  const bodySeparators = new RegExp("[" + Array.from(rules.body_separators).join("") + "]", "gu");
  function withoutInvisible(v) {  // board.entry.without_invisible: a body keeps its breaks and spacing
    return String(v).replace(bodySeparators, " ").replace(R.controlAll, "");
  }
  return { strip, splitlines, len, repr, int, float, lower, upper, title, cleanText, hasControl, withoutInvisible };
}

function splitlines(s) {
  const parts = s.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}
function len(s) { return Array.from(s).length; }
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

const NONPRINT = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
export function repr(s) {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) out += reprChar(ch, q);
  return out + q;
}
function reprChar(ch, q) {
  const cp = ch.codePointAt(0);
  const hex = w => cp.toString(16).padStart(w, "0");
  if (ch === q || ch === "\\") return "\\" + ch;
  if (ch === "\t") return "\\t";
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (cp < 0x20 || cp === 0x7f) return "\\x" + hex(2);
  if (cp < 0x7f) return ch;
  if (ch !== " " && NONPRINT.test(ch)) return cp <= 0xff ? "\\x" + hex(2) : cp <= 0xffff ? "\\u" + hex(4) : "\\U" + hex(8);
  return ch;
}
