/* Client-side filters of the board: progressive enhancement, no framework, no CDN.
 *
 * Without this script the board is its paginated static pages. With it, the filter form
 * in _filters.html narrows every open posting. The index (search/entries.json, written by
 * plugins/board_site/present.py:search_index) is fetched on the first interaction with the
 * form, or at once when the URL already carries filters; summaries (search/text.json) only
 * when someone types a search. Filter state lives in the URL query (pushState/popstate).
 * Updates never move what is on screen: the status line has a reserved height and the
 * results box keeps at least the height it filled down to the bottom of the viewport.
 * Numbers, slugs and links are format.js's, fed by the index (board/formats.py, board/paths.py);
 * pay in the student's currency is fx.js's (board/rates.py): minimums and pay sorts compare
 * converted amounts, so a minimum needs no "Paid in" and INR never outranks USD by a ratio.
 */
import { escapeHtml as esc, makeFormats, makePaths } from "./format.js";
import { ago, countdown, hoursShort } from "./countdown.js";
import { hourlyWords, payWords, states, whoWords } from "./words.js";
import * as fx from "./fx.js";
import { makeSearch } from "./search.js";
import { buttonsHtml, enhance as markShortlist, read as readShortlist } from "./shortlist.js";

(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.fetch || !window.history || !history.pushState || !window.URLSearchParams) return;

  var $ = function (id) { return document.getElementById(id); };
  var base = form.getAttribute("data-base") || "/";
  var perPage = parseInt(form.getAttribute("data-per-page"), 10) || 24;
  var statusEl = $("result-count");
  var listBox = $("results-list");
  var sortLabel = $("results-sort");
  var activeEl = $("f-active");
  var subscribeEl = $("f-subscribe");
  // The static cards as they are on screen, shortlist.js's buttons included (one listener on
  // the document serves them): when the list comes back, they are pressed as the store says then.
  var staticList = listBox.innerHTML;
  var staticStatus = statusEl.textContent;

  // ---- state <-> URL <-> form --------------------------------------------------
  var SINGLE = ["q", "cat", "hmin", "hmax", "cur", "mintotal", "minhourly", "closes", "posted",
                "country", "student", "noauth", "tz", "tzflex", "src", "sort"];

  function readForm() {
    var s = { skill: [] };
    SINGLE.forEach(function (k) {
      var el = form.elements[k];
      if (!el) return;
      var v = el.type === "checkbox" ? (el.checked ? el.value : "") : String(el.value || "").trim();
      if (v) s[k] = v;
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[name="skill"]'), function (el) {
      if (el.checked) s.skill.push(el.value);
    });
    // A minimum without "Paid in" is in the student's currency; the URL says which.
    if ((s.mintotal || s.minhourly) && !s.cur && fx.rates) s["in"] = fx.compareIn();
    return s;
  }

  function readQuery(search) {
    var p = new URLSearchParams(search), s = { skill: p.getAll("skill").filter(Boolean) };
    SINGLE.concat(["in"]).forEach(function (k) { var v = (p.get(k) || "").trim(); if (v) s[k] = v; });
    return s;
  }

  function toQuery(s) {
    var p = new URLSearchParams();
    SINGLE.forEach(function (k) { if (s[k] && k !== "sort") p.append(k, s[k]); });
    s.skill.forEach(function (v) { p.append("skill", v); });
    if (s["in"]) p.append("in", s["in"]);
    if (s.sort) p.append("sort", s.sort);
    var q = p.toString();
    return q ? "?" + q : "";
  }

  function writeForm(s) {
    SINGLE.forEach(function (k) {
      var el = form.elements[k];
      if (!el) return;
      if (el.type === "checkbox") el.checked = !!s[k];
      else el.value = s[k] || "";
      if (el.tagName === "SELECT" && el.selectedIndex < 0) el.selectedIndex = 0;
    });
    var want = {};
    s.skill.forEach(function (v) { want[v] = 1; });
    Array.prototype.forEach.call(form.querySelectorAll('input[name="skill"]'), function (el) {
      el.checked = !!want[el.value];
    });
    if (hasMore(s)) $("f-more").open = true;
    if (s["in"] && s["in"] !== fx.currency()) fx.setCurrency(s["in"], false);
  }

  function isDefault(s) {
    for (var k in s) if (k === "skill" ? s.skill.length : s[k]) return false;
    return true;
  }
  function hasMore(s) {
    for (var k in s) if (k !== "q" && k !== "cat" && k !== "sort" && k !== "in" && (k === "skill" ? s.skill.length : s[k])) return true;
    return false;
  }

  // ---- the index -----------------------------------------------------------------
  var D = null, E = null, hay = null, flat = null, S = null, orders = null, loading = null, textLoading = null, textLoaded = false;
  var F = null, paths = null;  // format.js, once the index is in
  var skillBySlug = {};

  function slugOf(e) {  // present.row_slug
    if (e.s != null) return e.s;
    var stem = F.slugify(e.t);
    return (e.l != null ? stem.slice(0, e.l) : stem) + e.x;
  }

  function fold(t) {
    t = String(t || "").toLowerCase();
    return t.normalize ? t.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : t;
  }

  function load() {
    if (loading) return loading;
    loading = fetch(form.getAttribute("data-index"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(prepare)
      .catch(function (err) {
        loading = null;
        statusEl.textContent = "Filters could not load (" + err.message + "). The list below is the static board.";
        throw err;
      });
    return loading;
  }

  // "I live in" lists every country once the index is in (not in the page's first load).
  function fillCountries() {
    var sel = form.elements.country, want = sel.value || readQuery(location.search).country || "";
    var frag = document.createDocumentFragment();
    (D.countries || []).forEach(function (c) { frag.appendChild(new Option(c[1], c[0])); });
    sel.appendChild(frag);
    if (want) sel.value = want;
  }

  function prepare(data) {
    D = data; E = data.entries;
    fillCountries();
    F = makeFormats(D.formats);
    paths = makePaths(D.paths, base);
    var n = E.length, i, e;
    hay = new Array(n); flat = new Array(n);
    S = makeSearch(D, hay, flat, eligibleIn);  // search.js: aliases, countries, folding, typos
    D.skills.forEach(function (s, j) { skillBySlug[s[1]] = j; });
    var perHour = new Float64Array(n), inTotal = new Float64Array(n), dl = new Float64Array(n);
    var day0 = Date.parse(String(D.generated).slice(0, 10) + "T00:00:00Z");
    for (i = 0; i < n; i++) {
      e = E[i];
      // Derived facts, as board/entry.py computes them (hourly: worst case = min pay / max hours).
      var m = e.m, total = m[3] === "total";
      e.ph = total ? [m[0] / e.h[1], m[1] / e.h[0]] : [m[0], m[1]];
      e.pt = total ? [m[0], m[1]] : [m[0] * e.h[0], m[1] * e.h[1]];
      e.u = paths.posting(slugOf(e));
      if (e.d != null) e.dt = new Date(day0 + e.d * 864e5).toISOString().slice(0, 10);
      var words = [e.t, D.orgs[e.o][0], D.categories[e.c] || e.c];
      for (var j = 0; j < e.k.length; j++) words.push(D.skills[e.k[j]][0]);
      hay[i] = fold(words.join(" \u0001 "));
      S.flatten(i);
      // Pay sorts compare euros' worth (board.rates); a currency without a rate goes last.
      var eh = fx.convert(e.ph[0], m[2], "EUR"), et = fx.convert(e.pt[0], m[2], "EUR");
      perHour[i] = eh == null ? -1 : eh;
      inTotal[i] = et == null ? -1 : et;
      dl[i] = e.d == null ? 1e9 : e.d;
    }
    var idx = function () { var a = new Array(n); for (var k = 0; k < n; k++) a[k] = k; return a; };
    orders = {
      "": idx(),
      deadline: idx().sort(function (a, b) { return dl[a] - dl[b] || a - b; }),
      hourly: idx().sort(function (a, b) { return perHour[b] - perHour[a] || a - b; }),
      total: idx().sort(function (a, b) { return inTotal[b] - inTotal[a] || a - b; })
    };
  }

  function loadText() {
    if (textLoading) return textLoading;
    textLoading = fetch(form.getAttribute("data-text"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (t) {
        return load().then(function () {
          var s = t.s || [];
          for (var i = 0; i < E.length && i < s.length; i++) { hay[i] += " \u0001 " + fold(s[i]); S.flatten(i); }
          S.textChanged();
          textLoaded = true;
        });
      })
      .catch(function () { textLoading = null; });
    return textLoading;
  }

  // ---- filters: one test per active group, each with a human label ----------------
  var STUDENT_OK = { enrolled: null, recent: { "enrolled-or-recent": 1, anyone: 1 }, none: { anyone: 1 } };
  var STUDENT_TEXT = { enrolled: "currently enrolled", recent: "recent graduates", none: "not students" };

  function num(v) { var x = parseFloat(v); return isFinite(x) ? x : null; }
  function tzText(x) {
    var a = Math.abs(x), h = Math.floor(a), m = Math.round((a - h) * 60);
    return "UTC" + (x < 0 ? "−" : "+") + h + (m ? ":" + (m < 10 ? "0" : "") + m : "");
  }

  // A filter group per set filter, in the order the chips show them: what the work is
  // (search, skills, hours, pay, dates), then who and where it fits.
  function groups(s) {
    return workGroups(s).concat(fitGroups(s));
  }

  function workGroups(s) {
    var g = [], v;
    if (s.q) {
      var terms = S.compile(fold(s.q));
      if (terms.length) g.push({ key: "q", label: "search: " + s.q, test: function (e, i) {
        for (var t = 0; t < terms.length; t++) if (!terms[t](e, i)) return false;
        return true;
      } });
    }
    if (s.skill.length) {
      var want = new Uint8Array(D.skills.length), names = [];
      s.skill.forEach(function (slug) {
        var j = skillBySlug[slug];
        if (j != null) { want[j] = 1; names.push(D.skills[j][0]); } else names.push(slug);
      });
      g.push({ key: "skill", label: "skills: " + names.join(" or "), test: function (e) {
        for (var t = 0; t < e.k.length; t++) if (want[e.k[t]]) return true;
        return false;
      } });
    }
    if ((v = num(s.hmin)) != null) { var hmin = v; g.push({ key: "hmin", label: "at least " + v + " hours", test: function (e) { return e.h[1] >= hmin; } }); }
    if ((v = num(s.hmax)) != null) { var hmax = v; g.push({ key: "hmax", label: "at most " + v + " hours", test: function (e) { return e.h[0] <= hmax; } }); }
    if (s.cur) {
      var cur = s.cur;
      g.push({ key: "cur", label: "paid in " + cur, test: function (e) { return e.m[2] === cur; } });
    }
    // Minimums: in "Paid in" when picked, else in the student's currency, converted (fx.js).
    var mc = s.cur || s["in"] || fx.compareIn();
    var atLeast = function (x, cur, min) { var y = fx.convert(x, cur, mc); return y != null && y >= min; };
    if ((v = num(s.mintotal)) != null) { var mt = v; g.push({ key: "mintotal", label: "at least " + money(v, mc) + " in total", test: function (e) { return atLeast(e.pt[0], e.m[2], mt); } }); }
    if ((v = num(s.minhourly)) != null) { var mh = v; g.push({ key: "minhourly", label: "at least " + money(v, mc) + " per hour", test: function (e) { return atLeast(e.ph[0], e.m[2], mh); } }); }
    if ((v = num(s.closes)) != null) { var cl = v; g.push({ key: "closes", label: "closing within " + v + " days", test: function (e) { return e.d != null && e.d <= cl; } }); }
    if ((v = num(s.posted)) != null) { var po = v; g.push({ key: "posted", label: "posted in the last " + (v === 1 ? "day" : v + " days"), test: function (e) { return e.p <= po; } }); }
    return g;
  }

  function fitGroups(s) {
    var g = [], v;
    if (s.country) {
      var c = s.country;
      var cname = c === "WORLDWIDE" ? null : (form.elements.country.selectedOptions[0] || {}).textContent || c;
      g.push({ key: "country", label: cname ? "open to applicants in " + cname : "open worldwide", test: eligibleIn(c) });
    }
    if (s.student && STUDENT_OK[s.student]) {
      var so = STUDENT_OK[s.student];
      g.push({ key: "student", label: "open to " + STUDENT_TEXT[s.student], test: function (e) { return so[e.st || "enrolled-or-recent"] === 1; } });
    }
    if (s.noauth) g.push({ key: "noauth", label: "no work authorization needed", test: function (e) { return !e.wa; } });
    if ((v = num(s.tz)) != null) {
      var tz = v, flex = num(s.tzflex) || 0;
      g.push({ key: "tz", label: "time zones near " + tzText(v) + (flex ? " (±" + flex + " h)" : ""), test: function (e) {
        return !e.z || (tz >= e.z[0] - flex && tz <= e.z[1] + flex);
      } });
    }
    if (s.src === "employer" || s.src === "scraper") {
      var scr = s.src === "scraper";
      g.push({ key: "src", label: scr ? "found on other job boards" : "posted by employers", test: function (e) { return !!e.v === scr; } });
    }
    return g;
  }

  // Open to applicants in country ``c``: worldwide, listing it, or a region that holds it.
  function eligibleIn(c) {
    var ok = { WORLDWIDE: 1 };
    if (c !== "WORLDWIDE") {
      ok[c] = 1;
      var m = D.members || {};
      for (var r in m) if (m[r].indexOf(c) >= 0) ok[r] = 1;
    }
    return function (e) {
      if (!e.r) return true;
      for (var t = 0; t < e.r.length; t++) if (ok[e.r[t]]) return true;
      return false;
    };
  }

  function passes(gs, e, i, skip) {
    for (var t = 0; t < gs.length; t++) if (t !== skip && !gs[t].test(e, i)) return false;
    return true;
  }

  // ---- the card, as theme/templates/_card.html renders it (present.py, board/formats.py) ----
  function group(n) { return F.number(n); }
  function money(x, cur) { return F.money(x, cur); }
  function range(lo, hi, cur) { return F.moneyRange(lo, hi, cur); }
  function deadline(e) {  // as the static card's <time data-countdown> reads once countdown.js ran
    return e.dt ? '<time datetime="' + esc(e.dt) + '" data-countdown>' + countdown(e.dt) + "</time>" : esc(states.open);
  }
  function posted(e) {  // as the static card's <time data-ago> reads once countdown.js ran
    return '<time datetime="' + esc(e.pd) + '" data-ago>' + ago(e.pd) + "</time>";
  }
  // ``marks``: the shortlist as stored (read once per render), so each card's Save / Applied /
  // Hide buttons are in its HTML, pressed, from shortlist.js's one markup.
  function card(e, marks) {
    var org = D.orgs[e.o], m = e.m, cur = m[2], total = m[3] === "total";
    var hourly = fx.rates ? fx.hourlyHtml(e.ph[0], e.ph[1], cur, m[3]) : esc(hourlyWords(range(e.ph[0], e.ph[1], cur), m[3]));
    var hours = hoursShort(e.h[0], e.h[1]);  // board.formats.hours_short
    var regions = (e.r || ["WORLDWIDE"]).map(function (r) { return D.regions[r] || r; }).join(", ");
    var who = whoWords(regions, D.students[e.st || "enrolled-or-recent"] || "");
    var slug = slugOf(e);
    var h = '<li><article class="card" data-slug="' + esc(slug) + '">' +
      '<h3 class="card-title"><a href="' + esc(e.u) + '">' + esc(e.t) + "</a></h3>" +
      '<p class="card-org"><span class="monogram m' + org[3] + '" aria-hidden="true">' + esc(org[2]) + "</span>" +
      '<a href="' + esc(paths.taxonomy("organizations", org[1])) + '">' + esc(org[0]) + "</a>" +
      (e.sm ? ' <span class="badge sample">Sample</span>' : "") +
      (e.v ? ' <span class="badge">via ' + esc(e.v) + "</span>" : "") + "</p>" +
      '<dl class="facts"><dt>Pay</dt><dd class="fact-pay" data-hourly="' + e.ph[0] + " " + e.ph[1] + " " + esc(cur) + " " + esc(m[3]) + '">' + hourly + "</dd>" +
      (total ? '<dt class="fact-total">In total</dt><dd class="fact-total">' + esc(payWords(range(m[0], m[1], cur), "total")) + "</dd>" : "") +
      "<dt>Effort</dt><dd>" + esc(hours) + "</dd>" +
      "<dt>Deadline</dt><dd>" + deadline(e) + "</dd>" +
      '<dt>Posted</dt><dd class="fact-posted">' + posted(e) + "</dd>" +
      '<dt>Who may apply</dt><dd class="fact-who">' + esc(who) + "</dd></dl>";
    if (e.k.length) {
      h += '<ul class="skills" aria-label="Skills">';
      for (var j = 0; j < e.k.length; j++) {
        var s = D.skills[e.k[j]];
        h += '<li><a href="' + esc(paths.taxonomy("skills", s[1])) + '">' + esc(s[0]) + "</a></li>";
      }
      h += "</ul>";
    }
    return h + buttonsHtml(slug, e.t, marks) + "</article></li>";
  }
  function plural(n, word) { return group(n) + " " + word + (n === 1 ? "" : "s"); }

  // ---- apply: filter, count, render --------------------------------------------------
  var current = null, shown = 0, matches = [], settling = Promise.resolve();

  function apply(s) {
    if (!D) return;
    var t0 = performance.now();
    var gs = groups(s), order = orders[s.sort] || orders[""];
    // Category is counted per option: entries passing every other filter, by category.
    var catG = s.cat ? { key: "cat", label: "category " + (D.categories[s.cat] || s.cat), test: function (e) { return e.c === s.cat; } } : null;
    var counts = {}, out = [], n = order.length;
    for (var j = 0; j < n; j++) {
      var i = order[j], e = E[i];
      if (!passes(gs, e, i, -1)) continue;
      counts[e.c] = (counts[e.c] || 0) + 1;
      if (!catG || e.c === s.cat) out.push(i);
    }
    if (catG) gs.push(catG);
    current = { s: s, groups: gs, counts: counts };
    matches = out;
    var t1 = performance.now();
    render(true);
    timing.filter = t1 - t0;  // for bench/browser.py: script time, before layout and paint
    timing.render = performance.now() - t1;
  }
  var timing = { filter: 0, render: 0 };

  function reserve() {
    // Keep at least the height the results filled down to the viewport's bottom edge,
    // so whatever is visible below them never moves up when results shrink.
    var r = listBox.getBoundingClientRect();
    var keep = Math.max(0, Math.min(r.height, window.innerHeight - r.top));
    listBox.style.minHeight = keep ? Math.ceil(keep) + "px" : "";
  }

  function render(fresh) {
    var s = current.s, gs = current.groups, total = matches.length;
    if (fresh) { reserve(); shown = 0; }
    // The whole page of cards goes in at once, in one frame with the count.
    var end = Math.min(total, fresh ? perPage : shown + perPage);
    // A first page over a list in the same currency keeps its shared cards (keyed builds the new ones).
    var list = $("cards"), reuse = fresh && total && list && list.getAttribute("data-cur") === fx.currency();
    var html = [], marks = readShortlist();
    if (!reuse) for (var j = shown; j < end; j++) html.push(card(E[matches[j]], marks));
    var filtered = gs.length > 0;
    if (reuse) {
      keyed(list, end, marks);
      $("show-more").parentNode.hidden = end >= total;
    } else if (fresh) {
      var body;
      if (total) body = '<ol class="cards" id="cards" data-cur="' + esc(fx.currency()) + '">' + html.join("") + "</ol>";
      else body = emptyHtml(gs);
      listBox.innerHTML = body + '<div class="show-more"' + (end < total ? "" : " hidden") +
        '><button type="button" class="secondary" id="show-more">Show more postings</button></div>';
    } else {
      $("cards").insertAdjacentHTML("beforeend", html.join(""));
      $("show-more").parentNode.hidden = end >= total;
    }
    shown = end;
    // Short, similar lengths and no wrapping inside (filters.css): the heading keeps its height.
    var sortText = s.sort === "deadline" ? "by deadline" : s.sort === "hourly" ? "by hourly pay" : s.sort === "total" ? "by total pay" : "newest first";
    statusEl.textContent = (total ? (filtered ? plural(total, "posting") + " match" + (total === 1 ? "es" : "") + " · showing " + shown : plural(total, "open posting") + " · showing " + shown)
      : "No postings match these filters.");
    sortLabel.textContent = "(" + sortText + ")";
    updateOptions(current.counts, s);
    updateSubscribe(s);
    var more = 0;
    for (var k = 0; k < gs.length; k++) if (["q", "cat"].indexOf(gs[k].key) < 0) more++;
    activeEl.textContent = more ? " (" + more + " active)" : "";
    // The phone's sheet: its button says how many results the filters give, live.
    var showEl = $("f-show"), nEl = $("f-active-n"), active = gs.length;
    if (showEl) showEl.textContent = "Show " + plural(total, "result");
    if (nEl) nEl.textContent = active ? " (" + active + ")" : "";
  }

  // A new first page from the list on screen: the cards both show stay where they are (their style
  // and layout are kept: a filter change restyles only the cards it brings), the others go, the new
  // ones are parsed in one go and put in their places. One pass, in the matches' order.
  function keyed(list, end, marks) {
    var old = {}, kids = list.children, k, j;
    for (k = 0; k < kids.length; k++) {
      var a = kids[k].firstElementChild;
      if (a) old[a.getAttribute("data-slug")] = kids[k];
    }
    var want = [], html = [];
    for (j = 0; j < end; j++) {
      var e = E[matches[j]], slug = slugOf(e), li = old[slug];
      if (li) { delete old[slug]; want.push(li); } else { want.push(null); html.push(card(e, marks)); }
    }
    for (var gone in old) list.removeChild(old[gone]);
    var t = document.createElement("template");
    t.innerHTML = html.join("");
    var made = Array.prototype.slice.call(t.content.children), m = 0;
    for (j = 0; j < want.length; j++) {
      var node = want[j] || made[m++];
      if (list.children[j] !== node) list.insertBefore(node, list.children[j] || null);
    }
  }

  function emptyHtml(gs) {
    // Which single filter, removed, brings back the most postings?
    var tips = gs.map(function (g, t) {
      var c = 0;
      for (var i = 0; i < E.length; i++) if (passes(gs, E[i], i, t)) c++;
      return { g: g, c: c };
    }).filter(function (x) { return x.c > 0; }).sort(function (a, b) { return b.c - a.c; });
    var h = '<div class="empty" id="empty"><h3>No postings match all of these filters</h3>';
    if (tips.length) {
      h += "<p>Relax one of them:</p><ul>" + tips.slice(0, 4).map(function (x) {
        return '<li><button type="button" data-relax="' + esc(x.g.key) + '">Remove “' + esc(x.g.label) + "”</button> to see " + esc(plural(x.c, "posting")) + ".</li>";
      }).join("") + "</ul>";
    } else {
      h += "<p>Even removing any one filter leaves nothing. <button type=\"button\" data-relax=\"*\">Clear all filters</button>.</p>";
    }
    return h + "</div>";
  }

  var catOptions = Array.prototype.slice.call(form.elements.cat.options, 1);
  var catNames = catOptions.map(function (o) { return o.textContent; });
  function updateOptions(counts, s) {
    for (var j = 0; j < catOptions.length; j++) {
      var o = catOptions[j], c = counts[o.value] || 0;
      var t = catNames[j] + " (" + group(c) + ")";
      if (o.textContent !== t) o.textContent = t;
    }
  }

  function updateSubscribe(s) {
    var kind = null, slug = null, label = "all postings";
    if (s.cat) { kind = "categories"; slug = s.cat; label = D.categories[s.cat] || s.cat; }
    else if (s.skill.length === 1 && skillBySlug[s.skill[0]] != null) { kind = "skills"; slug = s.skill[0]; label = D.skills[skillBySlug[s.skill[0]]][0]; }
    var feed = kind ? paths.feed(kind, slug, "atom") : paths.feed("all", null, "atom");
    var h = 'Follow this search: <a href="' + esc(feed) + '">' + esc(kind ? label : "all postings") + " (Atom)</a>";
    if (form.hasAttribute("data-calendars")) {
      var cal = kind ? paths.calendar(kind, slug) : paths.calendar("all", null);
      h += ' · <a href="' + esc(cal) + '">its deadlines (iCal)</a>';
    }
    // The feed covers one category or skill; say so when the search is narrower than that.
    var others = current ? current.groups.length - (kind ? 1 : 0) : 0;
    if (others > 0) h += ' <span class="muted">(the closest feed: every ' + esc(kind ? label + " posting" : "open posting") + ", without your other filters)</span>";
    if (subscribeEl.innerHTML !== h) subscribeEl.innerHTML = h;
  }

  // ---- events -------------------------------------------------------------------------
  var pushedFor = null;

  function update(ev) {
    var s = readForm(), q = toQuery(s);
    var typing = ev && ev.type === "input" && ev.target && (ev.target.type === "search" || ev.target.type === "number");
    // One history entry per typing burst in a text box, one per other change.
    var push = !(typing && pushedFor === ev.target);
    if (q !== (pending ? pending.q : location.search)) queueHistory(q, push);
    pushedFor = typing ? ev.target : null;
    show(s);
  }

  // The URL is written just after the results are painted: pushState costs as much as
  // the filtering itself, and nobody looks at the address bar in those milliseconds.
  var pending = null;
  function queueHistory(q, push) {
    if (pending && push) flushHistory();
    if (pending) { pending.q = q; return; }
    pending = { q: q, push: push };
    requestAnimationFrame(function () { setTimeout(function () { setTimeout(flushHistory, 0); }, 0); });
    setTimeout(flushHistory, 250);  // rAF does not run in a hidden tab
  }
  function flushHistory() {
    if (!pending) return;
    var p = pending;
    pending = null;
    if (p.q === location.search) return;
    var url = location.pathname + p.q + location.hash;
    if (p.push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function show(s) {
    if (isDefault(s)) {
      if (D) apply(s); else restoreStatic();
      return;
    }
    if (s.q && !textLoaded) loadText().then(function () { if (current && current.s === s) apply(s); });
    if (D) apply(s);
    else {
      statusEl.textContent = "Loading filters…";
      // settled() covers the index download too, so nothing reads the old cards as new.
      settling = load().then(function () { apply(readForm()); }, function () {});
    }
  }

  function restoreStatic() {
    listBox.innerHTML = staticList;
    markShortlist(listBox);  // pressed as stored now
    fx.applyCards(listBox);  // in the currency shown now, which may not be the one at load
    statusEl.textContent = staticStatus;
  }

  function warm() { load().catch(function () {}); }
  form.addEventListener("focusin", warm);
  form.addEventListener("pointerdown", warm);
  // Every control fires "input" (selects and checkboxes too); "change" on a text box
  // (Enter, leaving it) only ends its typing burst, so the next edit gets its own entry.
  form.addEventListener("input", update);
  form.addEventListener("change", function () { pushedFor = null; });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); update(ev); });
  form.addEventListener("reset", function () {
    setTimeout(function () { writeForm({ skill: [] }); update(null); }, 0);
  });
  listBox.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("button") : null;
    if (!b) return;
    if (b.id === "show-more") { render(false); return; }
    var key = b.getAttribute("data-relax");
    if (!key) return;
    var s = readForm();
    if (key === "*") s = { skill: [] };
    else if (key === "skill") s.skill = [];
    else if (key === "cur") delete s.cur;
    else if (key === "mintotal" || key === "minhourly") { delete s[key]; delete s["in"]; }
    else delete s[key];
    writeForm(s);
    update(null);
    var first = form.elements[key === "*" ? "q" : key] || form.elements.q;
    if (first && first.focus) (first.length && !first.tagName ? first[0] : first).focus();
  });
  // Another display currency: the cards' text is fx.js's; a minimum in it is re-applied.
  document.addEventListener("board:currency", function () { if (D && current && !isDefault(readForm())) update(null); });
  window.addEventListener("popstate", function () {
    pending = null;
    var s = readQuery(location.search);
    writeForm(s);
    pushedFor = null;
    show(s);
  });

  // A shared or bookmarked URL: restore its filters at once.
  // board-boot.js loads this module on the first interaction: what the student did
  // before it arrived is in the form.
  var initial = readQuery(location.search);
  if (!isDefault(initial)) { writeForm(initial); show(initial); }
  else if (!isDefault(readForm())) {  // as if from the control in use: one history entry per typing burst
    var active = document.activeElement;
    update(active && form.contains(active) ? { type: "input", target: active } : null);
  }
  else warm();

  window.__board = { load: load, loadText: loadText, apply: function () { update(null); }, state: readForm, timing: timing,
    settled: function () { return settling; } };
})();
