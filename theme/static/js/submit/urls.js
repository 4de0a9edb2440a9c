/* Links and addresses: board.entry.url_problem (with board.urls.host_problem) / email_problem,
 * and board.identity.url_key (the key two postings share when they are one posting), line by line. */

// board.entry.url_rule (https only, as for a posting): [rule, args] or null.
export function urlProblem({ rules, py }, url) {
  const R = py.R, schemes = "https://";
  if (py.len(url) > rules.max_len.url) return ["url.too_long", { length: String(py.len(url)), schemes }];
  if (py.hasControl(url) || R.space.test(url)) return ["url.spaces", { schemes }];
  const unsafe = R.urlUnsafe.exec(url);
  if (unsafe) return ["url.unsafe_char", { char: py.repr(unsafe[0]), schemes }];
  const parts = urlsplit(url);
  if (!bracketsValid(parts.netloc)) return ["url.invalid", { schemes }];
  if (parts.scheme.toLowerCase() !== "https") return ["url.scheme", { scheme: py.repr(parts.scheme || "(none)"), schemes }];
  if (!parts.hostname || !parts.hostname.includes(".")) return ["url.no_host", { schemes }];
  if (parts.hostname.endsWith(".")) return ["url.host_dot", { schemes }];
  if (parts.userinfo) return ["url.credentials", { schemes }];
  if (!R.port.test(parts.port)) return ["url.port", { schemes }];
  const why = hostProblem(py, parts.hostname);
  return why ? [why[0], { ...why[1], schemes }] : null;
}
function hostProblem(py, host) {  // board.urls.host_problem: [rule, args] or null
  const R = py.R;
  if (host.includes("%")) return ["url.host_percent", {}];
  const labels = host.split(".");
  if (host.includes(":")) return ["url.host_ipv6", {}];
  if (R.numericLabel.test(labels[labels.length - 1])) {
    return R.canonicalIpv4.test(host) ? null : ["url.host_ip_form", { host: py.repr(host) }];
  }
  if (labels.includes("")) return ["url.no_host", {}];
  for (const label of labels) {
    if (R.asciiLabel.test(label)) continue;
    const why = internationalProblem(py, label);
    if (why) return why;
  }
  return null;
}
function internationalProblem(py, label) {
  const R = py.R;
  const mapped = py.lower(label.normalize("NFKC"));
  if (mapped !== label) return ["url.host_mapped", { part: py.repr(label), mapped: py.repr(mapped) }];
  if ([...label].some(c => !R.asciiLabel.test(c) && !R.hostLetter.test(c))) return ["url.host_chars", {}];
  const scripts = Object.keys(R.hostScript).filter(s => R.hostScript[s].test(label));
  if (scripts.length > 1) {
    const odd = R.hostScript[scripts[1]].exec(label)[0];
    const code = odd.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    return ["url.host_mixed", { first: scripts[0], second: scripts[1], part: py.repr(label), odd: py.repr(odd), code }];
  }
  try { new URL(`https://${label}.example/`); } catch { return ["url.host_idna", {}]; }
  return null;
}
// urllib.parse.urlsplit raises "Invalid IPv6 URL" for an unpaired bracket, and (3.11.4+)
// for a bracketed host that is neither an IP address nor an IPvFuture (v1.x).
function bracketsValid(netloc) {
  const open = netloc.includes("["), close = netloc.includes("]");
  if (open !== close) return false;
  if (!open) return true;
  const host = netloc.slice(netloc.indexOf("[") + 1).split("]")[0];
  if (host.startsWith("v")) return /^v[a-fA-F0-9]+\.[^\n]+$/.test(host);
  return isIPv6(host);  // "An IPv4 address cannot be in brackets"
}
function isIPv4(s) {  // ipaddress.IPv4Address: four decimal octets, no leading zeros
  const octets = s.split(".");
  return octets.length === 4 && octets.every(o => /^(0|[1-9][0-9]{0,2})$/.test(o) && +o <= 255);
}
function isIPv6(text) {  // ipaddress.IPv6Address._ip_int_from_string, with an optional %scope
  const at = text.indexOf("%");
  if (at >= 0 && (at === text.length - 1 || text.indexOf("%", at + 1) >= 0)) return false;
  const parts = (at >= 0 ? text.slice(0, at) : text).split(":");
  if (parts.length < 3) return false;
  if (parts[parts.length - 1].includes(".")) { if (!isIPv4(parts.pop())) return false; parts.push("0", "0"); }
  if (parts.length > 9) return false;
  let skip = null;
  for (let i = 1; i < parts.length - 1; i++) if (!parts[i]) { if (skip !== null) return false; skip = i; }
  let hi = parts.length, lo = 0;
  if (skip !== null) {
    hi = skip; lo = parts.length - skip - 1;
    if (!parts[0] && --hi) return false;
    if (!parts[parts.length - 1] && --lo) return false;
    if (8 - (hi + lo) < 1) return false;
  } else if (parts.length !== 8 || !parts[0] || !parts[parts.length - 1]) return false;
  const hextets = skip === null ? parts : parts.slice(0, hi).concat(parts.slice(parts.length - lo));
  return hextets.every(h => /^[0-9a-fA-F]{1,4}$/.test(h));
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
  let host = atAt >= 0 ? netloc.slice(atAt + 1) : netloc;
  if (host.startsWith("[")) host = host.includes("]") ? host.slice(1, host.indexOf("]")) : host.slice(1);
  else if (host.includes(":")) host = host.slice(0, host.indexOf(":"));
  const hostname = host ? host.toLowerCase() : null;
  const tail = netloc.slice(netloc.lastIndexOf("]") + 1), portAt = tail.indexOf(":");
  return { scheme, netloc, hostname, userinfo: atAt >= 0, port: portAt >= 0 ? tail.slice(portAt + 1) : "" };
}
export function urlKey({ py }, url) {
  const R = py.R;
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
export function emailProblem({ py }, email) {
  const R = py.R;
  if (py.len(email) > 254 || !R.email.test(email)) return ["email.invalid", {}];
  return null;
}

