/* board.posting.read_header: the "Key: value" block, each key's line, and the body. */

import { own } from "./problem.js";

// board.posting.split_lines: lines end at \n, \r\n or \r only; any other separator is an error.
export function splitLines(text) {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

function separatorProblems({ rules, P }, all) {
  const out = [];
  for (let n = 0; n < all.length; n++) {
    const ch = Array.from(all[n]).find(x => own(rules.line_separators, x));
    if (ch !== undefined) out.push(P("text", "text.separator", { what: rules.line_separators[ch] }, n + 1));
  }
  return out;
}

export function readHeader(ctx, text) {
  const { py, P } = ctx;
  const values = new Map(), lines = new Map();
  const all = splitLines(text);
  const problems = separatorProblems(ctx, all);
  let current = null, i = 0, broke = false;
  for (let k = 0; k < all.length; k++) {
    i = k + 1;
    const raw = all[k];
    if (!py.strip(raw)) { broke = true; break; }
    if ((raw.startsWith("    ") || raw.startsWith("\t")) && current) {
      values.set(current, values.get(current) + "\n" + py.strip(raw));
      continue;
    }
    const m = py.R.header.exec(raw);
    if (!m) {
      problems.push(P("header", "header.line", { text: py.repr(Array.from(raw).slice(0, 60).join("")) }, i));
      current = null;
      continue;
    }
    const key = m[1].toLowerCase().replace(/_/g, "-");
    if (values.has(key)) {
      problems.push(P(key, "key.twice", { first: String(lines.get(key)) }, i));
      continue;
    }
    current = key;
    values.set(key, py.strip(m[2]));
    lines.set(key, i);
  }
  if (!broke) i = all.length + 1;
  return { values, lines, body: all.slice(i).join("\n"), bodyLine: i + 1, problems };
}
