/* Saved, applied and hidden postings, kept on this device only (issue #16, item 5).
 *
 * Everything lives in localStorage under one key: no account, no request, no tracking.
 * Cards (on the board, its JS-rendered cards included, and on every list page) and the
 * posting page get three toggle buttons (aria-pressed); /saved/ lists what is stored and
 * exports or imports it as a JSON file. shortlist-head.js runs before the first paint:
 * it reserves the buttons' room (html.js) and hides hidden cards with a style rule that
 * this module keeps up to date, so nothing on screen moves when this script arrives.
 */
const KEY = "board.shortlist.v1";  // shortlist-head.js reads the same key
const FORMAT = "micro-internship-board/shortlist";
const ACTIONS = [
  { act: "saved", label: "Save", icon: ["☆", "★"] },
  { act: "applied", label: "Applied", icon: ["○", "✓"] },
  { act: "hidden", label: "Hide", icon: ["", ""] },
];
const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

// ---- the store -------------------------------------------------------------------
function read() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) || "{}");
    return data && typeof data.items === "object" && data.items ? data.items : {};
  } catch (e) {
    return {};
  }
}

function write(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, items }));
    return true;
  } catch (e) {
    say("This browser does not let the board store anything (private mode or a policy), so nothing was saved.");
    return false;
  }
}

function today() { return new Date().toISOString().slice(0, 10); }

/** Turn one flag of one posting on or off; ``meta`` (title, organization, link, deadline)
 *  is stored with it, so /saved/ can list the posting without fetching anything. */
function toggle(meta, act) {
  const items = read();
  const item = Object.assign({}, items[meta.slug] || {}, { t: meta.t, o: meta.o, u: meta.u, d: meta.d || null });
  item[act] = item[act] ? undefined : (act === "applied" ? today() : true);
  if (!item.saved && !item.applied && !item.hidden) delete items[meta.slug];
  else items[meta.slug] = item;
  write(items);
  refresh();
  return !!item[act];
}

// ---- what a card or a posting page says about itself ----------------------------------
function cardMeta(article) {
  const link = article.querySelector(".card-title a");
  if (!link || !SLUG.test(article.dataset.slug || "") || !/\/postings\//.test(link.getAttribute("href"))) return null;
  const org = article.querySelector(".card-org a");
  const time = article.querySelector(".facts time[datetime]");
  return { slug: article.dataset.slug, t: link.textContent.trim(), o: org ? org.textContent.trim() : "",
           u: link.getAttribute("href"), d: time ? time.getAttribute("datetime").slice(0, 10) : null };
}

function slotMeta(slot) {
  const d = slot.dataset;
  return SLUG.test(d.slug || "") ? { slug: d.slug, t: d.title, o: d.org, u: d.url, d: d.deadline || null } : null;
}

// ---- buttons ----------------------------------------------------------------------------
function buttons(meta, where) {
  const group = document.createElement("div");
  group.className = "shortlist-buttons";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Your list: " + meta.t);
  for (const a of ACTIONS) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "shortlist-button";
    b.dataset.act = a.act;
    b.dataset.slug = meta.slug;
    b.innerHTML = '<span class="shortlist-icon" aria-hidden="true"></span><span class="shortlist-label"></span>';
    b.lastChild.textContent = a.label;
    b.addEventListener("click", () => {
      const on = toggle(meta, a.act);
      if (where === "card" && a.act === "hidden" && on) afterHide(group.closest("li"), meta);
      else if (where !== "saved") say(message(a.act, on, meta.t));
    });
    group.appendChild(b);
  }
  paint(group, read());
  return group;
}

function paint(root, items) {
  for (const b of root.querySelectorAll("button.shortlist-button")) {
    const on = !!(items[b.dataset.slug] || {})[b.dataset.act];
    if (b.getAttribute("aria-pressed") !== String(on)) b.setAttribute("aria-pressed", String(on));
    const icon = ACTIONS.find((a) => a.act === b.dataset.act).icon[on ? 1 : 0];
    if (b.firstChild.textContent !== icon) b.firstChild.textContent = icon;
  }
}

function message(act, on, title) {
  if (act === "saved") return on ? `Saved “${title}”. Your saved postings are on the Saved page.` : `Removed “${title}” from Saved.`;
  if (act === "applied") return on ? `Marked “${title}” as applied.` : `“${title}” is no longer marked as applied.`;
  return on ? `Hid “${title}” from the board. Undo it on the Saved page.` : `“${title}” shows on the board again.`;
}

/** A hidden card leaves the list: focus goes to the next card (or the previous one),
 *  and the status bar offers Undo. */
function afterHide(li, meta) {
  const cards = li && li.parentNode ? [...li.parentNode.children] : [];
  const at = cards.indexOf(li);
  const next = cards.slice(at + 1).concat(cards.slice(0, at).reverse())
    .find((c) => c.offsetParent !== null && c !== li);
  const target = next && next.querySelector(".card-title a");
  if (target) target.focus();
  say(message("hidden", true, meta.t), () => { toggle(meta, "hidden"); const b = li && li.querySelector(".card-title a"); if (b) b.focus(); });
}

// ---- the status bar (fixed: it never moves the page) ----------------------------------
let bar = null;
function say(text, undo) {
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "shortlist-status";
    bar.innerHTML = '<p role="status" aria-live="polite"></p><button type="button" class="shortlist-undo" hidden>Undo</button>';
    document.body.appendChild(bar);
  }
  const [p, b] = bar.children;
  p.textContent = text;
  b.hidden = !undo;
  b.onclick = undo ? () => { b.hidden = true; undo(); } : null;
  bar.classList.toggle("shown", !!text);
  clearTimeout(say.timer);
  say.timer = setTimeout(() => bar.classList.remove("shown"), undo ? 8000 : 4000);
}

// ---- keeping every button and the hidden-cards rule in step ----------------------------
function hiddenRule(items) {
  const rules = Object.keys(items).filter((s) => items[s] && items[s].hidden)
    .map((s) => `.cards>li:has(>[data-slug="${CSS.escape(s)}"])`);
  return rules.length ? rules.join(",") + "{display:none}" : "";
}

function refresh() {
  const items = read();
  let style = document.getElementById("shortlist-hidden");
  if (!style) { style = document.createElement("style"); style.id = "shortlist-hidden"; document.head.appendChild(style); }
  const css = hiddenRule(items);
  if (style.textContent !== css) style.textContent = css;
  paint(document, items);
  if (savedApp) renderSaved(savedApp, items);
}

function enhance(root) {
  for (const article of root.querySelectorAll("ol.cards > li > article.card:not(.programme-card)")) {
    if (article.querySelector(".shortlist-buttons")) continue;
    const meta = cardMeta(article);
    if (meta) article.appendChild(buttons(meta, "card"));
  }
}

// ---- the Saved page -------------------------------------------------------------------
const SECTIONS = [
  ["saved", "Saved", "Nothing saved yet. Press “☆ Save” on a posting, on the board or on its page, and it is listed here."],
  ["applied", "Applied", "No posting marked as applied yet. Press “Applied” after you apply, to keep track."],
  ["hidden", "Hidden", "No hidden postings. “Hide” takes a posting off the board on this device; it comes back from here."],
];

function humanDate(iso) {
  const t = Date.parse(iso + "T00:00:00Z");
  return isNaN(t) ? "" : new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function savedItem(slug, item) {
  const li = document.createElement("li");
  li.className = "saved-item";
  const art = document.createElement("article");
  art.dataset.slug = slug;
  const h = document.createElement("h3");
  const a = document.createElement("a");
  a.href = item.u;
  a.textContent = item.t;
  h.appendChild(a);
  const facts = [item.o];
  if (item.d) facts.push((item.d < today() ? "Deadline passed: " : "Apply by ") + humanDate(item.d));
  if (item.applied) facts.push("applied on " + humanDate(item.applied));
  const p = document.createElement("p");
  p.className = "saved-facts";
  p.textContent = facts.filter(Boolean).join(" · ");
  art.append(h, p, buttons({ slug, t: item.t, o: item.o, u: item.u, d: item.d }, "saved"));
  li.appendChild(art);
  return li;
}

function renderSaved(app, items) {
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#saved-lists")
    ? [document.activeElement.dataset.slug, document.activeElement.dataset.act] : null;
  const slugs = Object.keys(items).filter((s) => SLUG.test(s))
    .sort((x, y) => (items[x].d || "9999").localeCompare(items[y].d || "9999") || x.localeCompare(y));
  const lists = app.querySelector("#saved-lists");
  lists.textContent = "";
  for (const [act, heading, empty] of SECTIONS) {
    const mine = slugs.filter((s) => items[s][act]);
    const sec = document.createElement("section");
    sec.setAttribute("aria-labelledby", "saved-" + act);
    sec.innerHTML = `<h2 id="saved-${act}" tabindex="-1"></h2>`;
    sec.firstChild.textContent = `${heading} (${mine.length})`;
    if (mine.length) {
      const ol = document.createElement("ol");
      ol.className = "saved-list";
      for (const s of mine) ol.appendChild(savedItem(s, items[s]));
      sec.appendChild(ol);
    } else {
      const p = document.createElement("p");
      p.className = "saved-empty";
      p.textContent = empty;
      sec.appendChild(p);
    }
    lists.appendChild(sec);
  }
  app.querySelector("#saved-count").textContent = slugs.length
    ? `${slugs.length} posting${slugs.length === 1 ? "" : "s"} on this device.` : "Nothing stored on this device yet.";
  if (focused) {
    const same = lists.querySelector(`button[data-slug="${CSS.escape(focused[0])}"][data-act="${focused[1]}"]`);
    (same || lists.querySelector(`#saved-${focused[1]}`)).focus();
  }
}

function exportFile() {
  const body = JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), items: read() }, null, 1);
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([body + "\n"], { type: "application/json" }));
  a.download = `saved-micro-internships-${today()}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  say("Downloaded your list as " + a.download + ".");
}

/** An exported file, merged into what is stored (flags are combined). Anything that is
 *  not a posting of this board (bad slug, a link to another site) is left out. */
function importText(text) {
  let data;
  try { data = JSON.parse(text); } catch (e) { return say("That file is not JSON: choose a file exported from this page."); }
  if (!data || data.format !== FORMAT || typeof data.items !== "object" || !data.items) {
    return say("That file is not a list exported from this board's Saved page.");
  }
  const items = read();
  let added = 0, skipped = 0;
  for (const [slug, it] of Object.entries(data.items)) {
    const u = it && typeof it.u === "string" ? new URL(it.u, location.href) : null;
    if (!SLUG.test(slug) || !u || u.origin !== location.origin || typeof it.t !== "string") { skipped++; continue; }
    const old = items[slug] || {};
    items[slug] = { t: it.t.slice(0, 300), o: String(it.o || "").slice(0, 200), u: u.pathname,
                    d: /^\d{4}-\d\d-\d\d$/.test(it.d) ? it.d : null,
                    saved: old.saved || it.saved === true || undefined, hidden: old.hidden || it.hidden === true || undefined,
                    applied: old.applied || (/^\d{4}-\d\d-\d\d$/.test(it.applied) ? it.applied : undefined) };
    if (!items[slug].saved && !items[slug].applied && !items[slug].hidden) delete items[slug];
    else added++;
  }
  write(items);
  refresh();
  say(`Imported ${added} posting${added === 1 ? "" : "s"}` + (skipped ? `; left out ${skipped} that are not postings of this board.` : "."));
}

let savedApp = null;
function setUpSaved(app) {
  savedApp = app;
  app.innerHTML = '<p id="saved-count" class="saved-count"></p>' +
    '<p class="saved-tools"><button type="button" id="saved-export">Download my list (JSON)</button> ' +
    '<button type="button" id="saved-import-button">Import a list…</button>' +
    '<input type="file" id="saved-import" accept=".json,application/json" hidden></p>' +
    '<div id="saved-lists"></div>';
  const input = app.querySelector("#saved-import");
  app.querySelector("#saved-export").addEventListener("click", exportFile);
  app.querySelector("#saved-import-button").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const f = input.files && input.files[0];
    if (f) f.text().then(importText);
    input.value = "";
  });
  renderSaved(app, read());
}

// ---- start ------------------------------------------------------------------------------
function start() {
  enhance(document);
  for (const slot of document.querySelectorAll(".shortlist-slot[data-slug]")) {
    const meta = slotMeta(slot);
    if (meta && !slot.firstChild) slot.appendChild(buttons(meta, "posting"));
  }
  const app = document.getElementById("saved-app");
  if (app) setUpSaved(app);
  // Cards that board.js renders (filters, "Show more") get their buttons as they arrive.
  new MutationObserver((records) => {
    for (const r of records) if (r.addedNodes.length) { enhance(r.target.closest ? (r.target.closest("ol.cards") || r.target) : document); }
  }).observe(document.querySelector("main") || document.body, { childList: true, subtree: true });
  addEventListener("storage", (ev) => { if (ev.key === KEY) refresh(); });  // another tab changed the list
}

start();
