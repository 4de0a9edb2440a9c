/* One problem, as board.entry.Problem: field, rule, the values that fill the rule's
 * templates, message, expected, line. The templates are board/messages.py's table,
 * emitted with the rules (rules.messages); none is written here. */

export const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// board.messages.render: one pass over {name} placeholders.
export function render(template, args) { return template.replace(/\{(\w+)\}/g, (_, k) => String(args[k])); }

export function makeProblems(table) {
  function P(field, rule, args, line) {
    const r = table[rule];
    if (!r) throw new Error("no such rule in board/messages.py: " + rule);
    const a = args || {};
    return { field, rule, args: a, message: render(r.message, a), expected: render(r.expected, a), line: line == null ? null : line };
  }
  // board.messages.form_text: the sentence the form shows, with the field's label.
  function say(p, label) { return render(table[p.rule].form, { ...p.args, label, entered: p.args.entered || "" }); }
  return { P, say };
}

// A value that cannot be read, with its rule (board.entry.RuleError).
export function ruleError(rule, args) { const e = new Error(rule); e.rule = rule; e.args = args; return e; }

export function format(p, path) {  // Problem.format: "path:line: field: problem (expected …)"
  const where = path ? `${path}:${p.line || 1}: ` : "";
  const expected = p.expected ? " (expected " + p.expected + ")" : "";  // no nested template: rJSmin
  return `${where}${p.field}: ${p.message}${expected}`;
}

// Problem.at: the same problem named by a file's key, on its line.
export function at(p, field, line) { return { ...p, field, line }; }
