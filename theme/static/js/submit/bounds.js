/* board/bounds.py's Markdown bounds, for the form: a body too long, nested too deep or with
 * too many brackets never closed is refused before the preview renders it, with the same
 * problem and line as `make validate`. The limits and patterns come from the build
 * (rules.body_bounds, rules.regex.bounds_*); positions count code points, as Python does. */

const commas = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function makeBounds(rules) {
  const rx = rules.regex, B = rules.body_bounds;
  const prefix = new RegExp(rx.bounds_prefix.source, rx.bounds_prefix.flags + "y");
  const bracket = new RegExp(rx.bounds_bracket.source, rx.bounds_bracket.flags + "g");
  const blank = new RegExp("^(?:" + rx.bounds_blank.source + ")$", rx.bounds_blank.flags);

  function nesting(line) {  // bounds.nesting
    let columns = 0, levels = 0, pos = 0, m;
    prefix.lastIndex = 0;
    while ((prefix.lastIndex = pos, m = prefix.exec(line))) {
      const token = m[0];
      if (token[0] === " " || token[0] === "\t") {
        const glued = pos && line[pos - 1] !== " " && line[pos - 1] !== "\t" ? 1 : 0;
        columns += token.replace(/\t/g, "    ").length - glued;
      } else levels += 1;
      pos = prefix.lastIndex;
    }
    return levels + Math.floor(columns / 4);
  }

  function codePointIndex(s) {  // UTF-16 index -> code point index, as Python counts
    const map = new Array(s.length + 1);
    let cp = 0;
    for (let i = 0; i < s.length; i++) {
      map[i] = cp;
      const c = s.charCodeAt(i);
      if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) cp++;
    }
    map[s.length] = cp;
    return map;
  }

  function rescan(paragraph) {  // bounds.rescan: [cost, openers never closed]
    const cpAt = codePointIndex(paragraph), length = cpAt[paragraph.length];
    const stacks = { "[": [], "(": [] }, angles = [];
    let cost = 0;
    for (const m of paragraph.matchAll(bracket)) {
      const ch = m[0], at = cpAt[m.index];
      if (ch === "[" || ch === "(") stacks[ch].push(at);
      else if (ch === "]" || ch === ")") {
        const opened = stacks[ch === "]" ? "[" : "("];
        if (opened.length) cost += at - opened.pop();
      } else if (ch === "<") angles.push(at);
      else if (ch === ">") {
        cost += angles.length * at - angles.reduce((a, b) => a + b, 0);
        angles.length = 0;
      }
    }
    const unclosed = [...stacks["["], ...stacks["("], ...angles];
    return [cost + unclosed.length * length - unclosed.reduce((a, b) => a + b, 0), unclosed.length];
  }

  function* paragraphs(body, firstLine) {  // bounds.paragraphs
    let start = firstLine, lines = [];
    const all = body.split("\n");
    for (let i = 0; i < all.length; i++) {
      if (blank.test(all[i])) {
        if (lines.length) yield [start, lines.join("\n")];
        start = firstLine + i + 1; lines = [];
      } else lines.push(all[i]);
    }
    if (lines.length) yield [start, lines.join("\n")];
  }

  /** bounds.markdown_problems: why this body may not be rendered, or []. */
  return function markdownProblems(P, py, body, firstLine) {
    const chars = py.len(body);
    if (chars > B.max_chars) {
      return [P("body", "body.too_long", { chars: commas(chars), max: commas(B.max_chars), text_max: commas(rules.max_len.description) }, firstLine)];
    }
    const problems = [];
    const lines = body.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const depth = nesting(lines[i]);
      if (depth > B.max_nesting) {
        problems.push(P("body", "body.too_deep", { depth: String(depth), max: String(B.max_nesting) }, firstLine + i));
        break;
      }
    }
    let total = 0;
    for (const [start, text] of paragraphs(body, firstLine)) {
      const [cost, unclosed] = rescan(text);
      total += cost;
      if (total > B.max_rescan) {
        problems.push(P("body", "body.unclosed", { start: String(start), unclosed: commas(unclosed) }, start));
        break;
      }
    }
    return problems;
  };
}
