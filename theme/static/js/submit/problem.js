/* One problem, as board.entry.Problem: field, message, expected, line. */

export function P(field, message, expected, line) {
  return { field, message, expected: expected || "", line: line == null ? null : line };
}

export function format(p, path) {  // Problem.format: "path:line: field: problem (expected …)"
  const where = path ? `${path}:${p.line || 1}: ` : "";
  return `${where}${p.field}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ""}`;
}

export const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
