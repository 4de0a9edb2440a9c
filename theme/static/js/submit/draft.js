/* Nothing lost: the form is saved on this device (localStorage) as it is typed and
 * restored on reload; "Start over" clears it; leaving with changes that have not gone to
 * GitHub, the clipboard or a download asks first. */

const KEY = "microboard:post-a-project:draft:v1";

function controls(form) { return Array.from(form.querySelectorAll("input[name], select[name], textarea[name]")); }

export function makeDraft(form, storage) {
  let dirty = false;
  const store = storage || safeStorage();
  function save(extra) {
    const values = {};
    for (const n of controls(form)) values[n.name] = n.value;
    dirty = true;
    if (store) try { store.setItem(KEY, JSON.stringify({ values, extra: extra || {}, saved: Date.now() })); } catch (err) { /* full or blocked: the page still works */ }
  }
  function restore() {
    let data = null;
    try { data = store && JSON.parse(store.getItem(KEY) || "null"); } catch (err) { data = null; }
    if (!data || typeof data.values !== "object") return null;
    for (const n of controls(form)) if (Object.prototype.hasOwnProperty.call(data.values, n.name)) n.value = String(data.values[n.name]);
    return data;
  }
  function clear() { dirty = false; if (store) try { store.removeItem(KEY); } catch (err) { /* ignore */ } }
  window.addEventListener("beforeunload", ev => { if (dirty) { ev.preventDefault(); ev.returnValue = ""; } });
  return { save, restore, clear, handedOff() { dirty = false; }, get dirty() { return dirty; } };
}

function safeStorage() { try { return window.localStorage; } catch (err) { return null; } }
