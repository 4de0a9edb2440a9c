/* Saved, applied and hidden postings, kept on this device only (issue #16, item 5).
 *
 * Everything lives in localStorage under one key: no account, no request, no tracking.
 * Cards (on the board and on every list page) and the posting page get three toggle
 * buttons (aria-pressed), written by buttonsHtml() alone: this module adds them to the
 * cards the build wrote, board.js puts them in the HTML of each card it renders (so a
 * filter change inserts no node after its cards). One click listener on the document
 * serves every button. /saved/ lists what is stored and exports or imports it as a JSON
 * file (saved-page.js, loaded there only). shortlist-head.js runs before the first paint:
 * it reserves the buttons' room (html.js) and hides hidden cards with a style rule that
 * this module keeps up to date, so nothing on screen moves when this script arrives.
 */

import { escapeHtml as esc } from "./format.js";
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
const BY_ACT = Object.fromEntries(ACTIONS.map((a) => [a.act, a]));


/** One posting's Save / Applied / Hide group, pressed as ``items`` says: the only markup of
 *  the buttons (static cards, board.js's cards, the posting page, the Saved page). Each is
 *  one element with its label as text; an icon, where the action has one, is a hidden span. */
export function buttonsHtml(slug, title, items = read()) {
  if (!SLUG.test(slug || "")) return "";
  const item = items[slug] || {}, s = esc(slug);
  let h = '<div class="shortlist-buttons" role="group" aria-label="' + esc("Your list: " + title) + '">';
  for (const a of ACTIONS) {
    const on = !!item[a.act];
    h += '<button type="button" class="shortlist-button" data-act="' + a.act + '" data-slug="' + s + '" aria-pressed="' + on + '">' +
      (a.icon[0] ? '<span class="shortlist-icon" aria-hidden="true">' + a.icon[on ? 1 : 0] + "</span>" : "") + esc(a.label) + "</button>";
  }
  return h + "</div>";
}

/** The group as a node, for the posting page and the Saved page (``meta`` is what a click stores). */
const metaOf = new WeakMap();
export function buttons(meta, where, items = read()) {
  const t = document.createElement("template");
  t.innerHTML = buttonsHtml(meta.slug, meta.t, items);
  const group = t.content.firstElementChild;
  metaOf.set(group, { meta, where });
  return group;
}

/** Every click on a button, wherever it is: what it is about is read from where it sits. */
function onClick(ev) {
  const b = ev.target && ev.target.closest ? ev.target.closest("button.shortlist-button") : null;
  const group = b && b.parentNode;
  if (!b || !BY_ACT[b.dataset.act] || !group) return;
  const article = group.parentNode && group.parentNode.matches && group.parentNode.matches("article.card") ? group.parentNode : null;
  const known = metaOf.get(group);
  const where = known ? known.where : "card", meta = known ? known.meta : article && cardMeta(article);
  if (!meta) return;
  const act = b.dataset.act, on = toggle(meta, act);
  if (where === "card" && act === "hidden" && on) afterHide(group.closest("li"), meta);
  else if (where !== "saved") say(message(act, on, meta.t));
}

function paint(root, items) {
  for (const b of root.querySelectorAll("button.shortlist-button")) {
    const on = !!(items[b.dataset.slug] || {})[b.dataset.act];
    if (b.getAttribute("aria-pressed") !== String(on)) b.setAttribute("aria-pressed", String(on));
    const a = BY_ACT[b.dataset.act], icon = b.firstElementChild;
    if (a && icon && icon.textContent !== a.icon[on ? 1 : 0]) icon.textContent = a.icon[on ? 1 : 0];
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

/** Give the cards under ``root`` that have no buttons yet their group (the build's cards), and
 *  press every button there as the store says (a list board.js put back). */
export function enhance(root) {
  const items = read();
  for (const article of root.querySelectorAll("ol.cards > li > article.card:not(.programme-card)")) {
    if (article.lastElementChild && article.lastElementChild.classList.contains("shortlist-buttons")) continue;
    const meta = cardMeta(article);
    if (meta) article.insertAdjacentHTML("beforeend", buttonsHtml(meta.slug, meta.t, items));
  }
  paint(root, items);
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
  document.addEventListener("click", onClick);
  addEventListener("storage", (ev) => { if (ev.key === KEY) refresh(); });  // another tab changed the list
}

start();
