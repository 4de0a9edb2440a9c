/* difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6), as the validator's
 * "did you mean" hints use it. */

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
export function didYouMean(word, choices) {
  const w = Array.from(word.toLowerCase());
  let best = null;
  for (const c of choices) {
    const x = c.toLowerCase();
    const s = ratio(Array.from(x), w);
    if (s >= 0.6 && (!best || s > best[0] || (s === best[0] && cmpCodePoints(x, best[1]) > 0))) best = [s, x];
  }
  if (!best) return "";
  return choices.find(c => c.toLowerCase() === best[1]);
}
