/* Python's "%.2f" and "%g" on the exact binary value (round half to even), for the
 * validator's messages ("works out at 12.00 USD/hour"), which make validate writes so. */

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
export function fixed(x, d) {  // f"{x:.{d}f}"
  const neg = x < 0 || Object.is(x, -0);
  const [digits, point] = exactDigits(x);
  let [r, carry] = roundDigits(digits, point + d);
  const ip = point + (carry ? 1 : 0);
  r = r.padStart(ip + d, "0");
  let intPart = r.slice(0, r.length - d).replace(/^0+(?=\d)/, "") || "0";
  const out = d ? intPart + "." + r.slice(r.length - d) : intPart;
  return (neg && /[1-9]/.test(out) ? "-" : neg ? "-" : "") + out;
}
export function g(x) {  // f"{x:g}"
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
