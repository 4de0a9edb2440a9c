/* Search that forgives (issue #16, item 3): what a typed word matches on the board.
 *
 * A word (or two or three words that together name a skill or a country) matches a
 * posting when any of these holds:
 * - it occurs in the posting's text (title, organization, category, skills, summary);
 * - it does once hyphens and spaces are dropped on both sides ("non-profit" = "nonprofit");
 * - it is a spelling of one of the posting's skills, or (from rules.alias_substring_min
 *   letters) part of one ("js" -> JavaScript, "viz" -> "dataviz" -> Data visualization);
 * - it names a country the posting is open to ("canada", "ca" -> CA), as "I live in" does;
 * - only when nothing contains it and it has rules.typo_min letters or more: a word of
 *   the board one edit away occurs ("dashbord" -> "dashboard").
 * The tables and rules are the build's (board/search_terms.py, in search/entries.json).
 */

/** ``D``: the index; ``hay``/``flat``: each posting's folded text, and without separators;
 *  ``eligibleIn(code)``: a test of a row's eligibility (board.js's country filter). */
export function makeSearch(D, hay, flat, eligibleIn) {
  const T = D.search, R = T.rules;
  const dropRe = new RegExp(R.fold.source, R.fold.flags + "g");
  const keyRe = new RegExp(T.skill_key.source, T.skill_key.flags + "g");
  const squash = (t) => t.replace(dropRe, "");
  const skillKey = (t) => t.toLowerCase().replace(keyRe, "");
  let words = null, typoCache = new Map(), memo = new Map(), joined = null;

  function flatten(i) { flat[i] = squash(hay[i]); joined = null; soon(); }
  function textChanged() { words = null; typoCache = new Map(); memo = new Map(); joined = null; soon(); }
  // The joined texts are built while the student is not typing, not on their first letter.
  let queued = false;
  function soon() {
    if (queued) return;
    queued = true;
    (window.requestIdleCallback || setTimeout)(() => { queued = false; bigs(); });
  }

  /** Every posting's text in one string (and without separators), with where each one starts:
   *  a word is found in all of them by the engine's own indexOf, a pass over the board in one
   *  call, instead of one call per posting. "\u0002" ends each one and is never typed. */
  function join(parts) {
    const starts = new Int32Array(parts.length + 1);
    let at = 0;
    for (let i = 0; i < parts.length; i++) { starts[i] = at; at += parts[i].length + 1; }
    starts[parts.length] = at;
    return { text: parts.join("\u0002") + "\u0002", starts };
  }

  /** Marks in ``hit`` every posting whose text holds ``t``: after a find, the search goes on
   *  from the next posting's start, so a posting costs one find however often it says ``t``. */
  function mark(big, t, hit) {
    const { text, starts } = big;
    let i = 0, pos = text.indexOf(t);
    while (pos >= 0) {
      while (starts[i + 1] <= pos) i++;
      hit[i] = 1;
      pos = text.indexOf(t, starts[i + 1]);
    }
  }

  function skillsFor(t) {
    const key = skillKey(t), out = new Set();
    if (!key) return out;
    if (T.skills[key] != null) out.add(T.skills[key]);
    if (key.length >= R.alias_substring_min) {
      for (const k in T.skills) if (k.indexOf(key) >= 0) out.add(T.skills[k]);
    }
    return out;
  }

  function bigs() {
    if (!joined) joined = { hay: join(hay), flat: join(flat) };
    return joined;
  }

  function anyContains(t, sq) {
    const b = bigs();
    return b.hay.text.indexOf(t) >= 0 || (!!sq && b.flat.text.indexOf(sq) >= 0);
  }

  function typos(t) {
    if (typoCache.has(t)) return typoCache.get(t);
    if (!words) {
      words = new Set();
      for (const h of hay) for (const w of h.split(dropRe)) if (w.length >= R.typo_min - 1) words.add(w);
    }
    const L = t.length, found = new Set();
    for (const w of words) {
      if (w.length < L - 1) continue;
      for (const c of [w.slice(0, L - 1), w.slice(0, L), w.slice(0, L + 1)]) {
        if (c.length >= L - 1 && oneEdit(t, c)) found.add(c);
      }
    }
    typoCache.set(t, [...found]);
    return typoCache.get(t);
  }

  /** Which postings a word matches, worked out once per word and text (a search stays
   *  in place while other filters change): a lookup per posting after the first pass. */
  function term(t) {
    let hit = memo.get(t);
    if (!hit) {
      hit = matches(t);
      if (memo.size >= 64) memo.delete(memo.keys().next().value);
      memo.set(t, hit);
    }
    return (e, i) => hit[i] === 1;
  }

  /** 1 for each posting the word matches (see the top of this file for what matches). */
  function matches(t) {
    const sq = squash(t), skills = skillsFor(t), code = T.countries[t], E = D.entries, b = bigs();
    const hit = new Uint8Array(E.length);
    t = t.replace(/\u0002/g, "");
    if (t) mark(b.hay, t, hit);
    if (sq) mark(b.flat, sq.replace(/\u0002/g, ""), hit);
    if (t.length >= R.typo_min && !anyContains(t, sq)) for (const w of typos(t)) mark(b.hay, w, hit);
    const eligible = code ? eligibleIn(code) : null;
    if (skills.size || eligible) {
      for (let i = 0; i < E.length; i++) {
        if (hit[i]) continue;
        const e = E[i];
        if (eligible && eligible(e)) { hit[i] = 1; continue; }
        for (let k = 0; k < e.k.length; k++) if (skills.has(e.k[k])) { hit[i] = 1; break; }
      }
    }
    return hit;
  }

  /** The tests of a folded query, one per word or named phrase; all must pass. */
  function compile(q) {
    const toks = q.split(/\s+/).filter(Boolean), tests = [];
    for (let i = 0; i < toks.length;) {
      let n = Math.min(3, toks.length - i);
      for (; n > 1; n--) {
        const phrase = toks.slice(i, i + n).join(" ");
        if (T.countries[phrase] || T.skills[skillKey(phrase)] != null) break;
      }
      tests.push(term(toks.slice(i, i + n).join(" ")));
      i += n;
    }
    return tests;
  }

  return { compile, flatten, textChanged };
}

/** Whether ``a`` and ``b`` differ by one insertion, deletion, replacement or swap of neighbours (or not at all). */
export function oneEdit(a, b) {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;  // one replacement
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // one swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
