/* Links and addresses: board.entry.url_problem (with board.urls.host_problem) / email_problem,
 * and board.identity.url_key (the key two postings share when they are one posting), line by line. */

export function urlProblem({ rules, py }, url) {
  const R = py.R;
  if (py.len(url) > rules.max_len.url) return `is ${py.len(url)} characters long`;
  if (py.hasControl(url) || R.space.test(url)) return "contains spaces or control characters";
  const unsafe = R.urlUnsafe.exec(url);
  if (unsafe) return `contains ${py.repr(unsafe[0])}, which must be percent-encoded`;
  const parts = urlsplit(url);
  if (parts.scheme.toLowerCase() !== "https") return `uses scheme ${py.repr(parts.scheme || "(none)")}`;
  if (!parts.hostname || !parts.hostname.includes(".")) return "has no valid host name";
  if (parts.hostname.endsWith(".")) return "has a host name ending in a dot";
  if (parts.userinfo) return "contains credentials";
  if (!R.port.test(parts.port)) return "has an invalid port";
  return hostProblem(py, parts.hostname);
}
function hostProblem(py, host) {  // board.urls.host_problem
  const R = py.R;
  if (host.includes("%")) return "has a percent-encoded host name";
  const labels = host.split(".");
  if (host.includes(":")) return "has an IPv6 address for a host name";
  if (R.numericLabel.test(labels[labels.length - 1])) {
    return R.canonicalIpv4.test(host) ? null : `writes an IP address in a form a browser rewrites (${py.repr(host)}; ` +
      "expected a host name, or the address as four decimal numbers)";
  }
  if (labels.includes("")) return "has no valid host name";
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
  if (mapped !== label) return `writes its host name in characters a browser reads differently (${py.repr(label)} is ${py.repr(mapped)})`;
  if ([...label].some(c => !R.asciiLabel.test(c) && !R.hostLetter.test(c))) return "has a host name with characters other than letters, digits and hyphens";
  const scripts = Object.keys(R.hostScript).filter(s => R.hostScript[s].test(label));
  if (scripts.length > 1) {
    const odd = R.hostScript[scripts[1]].exec(label)[0];
    const code = odd.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    return `the host mixes ${scripts[0]} and ${scripts[1]} letters: ${py.repr(label)} has the ${scripts[1]} ` +
      `${py.repr(odd)} (U+${code}); write it in one script or as its xn-- form`;
  }
  try { new URL(`https://${label}.example/`); } catch { return "has an international host name a browser cannot read"; }
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
  if (py.len(email) > 254 || !R.email.test(email)) return "is not a valid e-mail address";
  return null;
}

