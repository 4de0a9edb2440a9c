/* The Saved page (/saved/): the device's saved, applied and hidden postings as lists, and
 * the list exported to or imported from a JSON file. Loaded by shortlist.js on that page
 * only, so the board's first load does not carry it; the store is shortlist.js's.
 */
import { FORMAT, SLUG, buttons, onRefresh, read, refresh, say, today, write } from "./shortlist.js";

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

export function setUpSaved(app) {
  onRefresh.push((items) => renderSaved(app, items));
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
