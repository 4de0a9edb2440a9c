/* Saved, applied and hidden postings, kept on this device only (issue #16, item 5).
 *
 * Everything lives in localStorage under one key: no account, no request, no tracking.
 * Cards (on the board, its JS-rendered cards included, and on every list page) and the
 * posting page get three toggle buttons (aria-pressed); /saved/ lists what is stored and
 * exports or imports it as a JSON file (saved-page.js, loaded there only). shortlist-head.js runs before the first paint:
 * it reserves the buttons' room (html.js) and hides hidden cards with a style rule that
 * this module keeps up to date, so nothing on screen moves when this script arrives.
 */
const KEY = "board.shortlist.v1";  // shortlist-head.js reads the same key
export const FORMAT = "micro-internship-board/shortlist";
const ACTIONS = [
  { act: "saved", label: "Save", icon: ["☆", "★"] },
  { act: "applied", label: "Applied", icon: ["○", "✓"] },
  { act: "hidden", label: "Hide", icon: ["", ""] },
];
export const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

// ---- the store -------------------------------------------------------------------
export function read() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) || "{}");
    return data && typeof data.items === "object" && data.items ? data.items : {};
  } catch (e) {
    return {};
  }
}

export function write(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, items }));
    return true;
  } catch (e) {
    say("This browser does not let the board store anything (private mode or a policy), so nothing was saved.");
    return false;
  }
}

export function today() { return new Date().toISOString().slice(0, 10); }

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

/** A posting page's slot names only its link (/postings/<slug>/); the title, organization
 *  and deadline are read from the page around it, as cardMeta reads them from a card. */
function slotMeta(slot) {
  const u = slot.dataset.url || "", m = /\/postings\/([^/]+)\/$/.exec(u);
  const article = slot.closest("article.posting");
  if (!m || !SLUG.test(m[1]) || !article) return null;
  const title = article.querySelector("h1"), org = article.querySelector(".posting-org a");
  const time = article.querySelector(".apply-box .deadline time[datetime]");
  return { slug: m[1], t: title ? title.textContent.trim() : "", o: org ? org.textContent.trim() : "", u,
           d: time ? time.getAttribute("datetime").slice(0, 10) : null };
}

// ---- buttons ----------------------------------------------------------------------------
let buttonTemplate = null;  // cloned: a filter change adds 72 buttons
function blankButton() {
  if (!buttonTemplate) {
    buttonTemplate = document.createElement("button");
    buttonTemplate.type = "button";
    buttonTemplate.className = "shortlist-button";
    buttonTemplate.innerHTML = '<span class="shortlist-icon" aria-hidden="true"></span><span class="shortlist-label"></span>';
  }
  return buttonTemplate.cloneNode(true);
}

export function buttons(meta, where, items = read()) {
  const group = document.createElement("div");
  group.className = "shortlist-buttons";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Your list: " + meta.t);
  for (const a of ACTIONS) {
    const b = blankButton();
    b.dataset.act = a.act;
    b.dataset.slug = meta.slug;
    b.lastChild.textContent = a.label;
    b.addEventListener("click", () => {
      const on = toggle(meta, a.act);
      if (where === "card" && a.act === "hidden" && on) afterHide(group.closest("li"), meta);
      else if (where !== "saved") say(message(a.act, on, meta.t));
    });
    group.appendChild(b);
  }
  paint(group, items);
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
export function say(text, undo) {
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
    .map((s) => `.cards>li:has(>[data-slug="${CSS.escape(s)}"]),.rows>li:has(>a[href$="/postings/${CSS.escape(s)}/"])`);
  return rules.length ? rules.join(",") + "{display:none}" : "";
}

export function refresh() {
  const items = read();
  let style = document.getElementById("shortlist-hidden");
  if (!style) { style = document.createElement("style"); style.id = "shortlist-hidden"; document.head.appendChild(style); }
  const css = hiddenRule(items);
  if (style.textContent !== css) style.textContent = css;
  paint(document, items);
  for (const hook of onRefresh) hook(items);
}

/** Called with the items after every change (the Saved page re-renders its lists). */
export const onRefresh = [];

function enhance(root) {
  let items = null;
  for (const article of root.querySelectorAll("ol.cards > li > article.card:not(.programme-card)")) {
    if (article.lastElementChild && article.lastElementChild.classList.contains("shortlist-buttons")) continue;
    const meta = cardMeta(article);
    if (meta) article.appendChild(buttons(meta, "card", items || (items = read())));
  }
}

// ---- start ------------------------------------------------------------------------------
function start() {
  enhance(document);
  for (const slot of document.querySelectorAll(".shortlist-slot[data-url]")) {
    const meta = slotMeta(slot);
    if (meta && !slot.firstChild) slot.appendChild(buttons(meta, "posting"));
  }
  const app = document.getElementById("saved-app");
  if (app) import("./saved-page.js").then((m) => m.setUpSaved(app));  // only /saved/ loads the lists, export and import
  // Cards that board.js renders (filters, "Show more") get their buttons as they arrive.
  new MutationObserver((records) => {
    for (const r of records) if (r.addedNodes.length) { enhance(r.target.closest ? (r.target.closest("ol.cards") || r.target) : document); }
  }).observe(document.querySelector("main") || document.body, { childList: true, subtree: true });
  addEventListener("storage", (ev) => { if (ev.key === KEY) refresh(); });  // another tab changed the list
}

start();
