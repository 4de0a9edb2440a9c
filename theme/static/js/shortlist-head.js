/* Runs before the first paint (a small, blocking script in <head>): marks the page as
 * scripted, so the room the Save / Applied / Hide buttons take is reserved from the first
 * frame (CLS 0), and hides the cards the student hid on this device. shortlist.js owns the
 * data; the key and the rule's shape are repeated here only because this must run first.
 * An external file rather than inline: no page carries an inline script (a future CSP can
 * say script-src 'self'), and the XSS inspector flags every script not under /theme/. */
(function () {
  var d = document.documentElement;
  d.classList.add("js");
  try {
    var items = (JSON.parse(localStorage.getItem("board.shortlist.v1") || "{}").items) || {}, rules = [];
    for (var slug in items) if (items[slug] && items[slug].hidden) rules.push('.cards>li:has(>[data-slug="' + CSS.escape(slug) + '"]),.rows>li:has(>a[href$="/postings/' + CSS.escape(slug) + '/"])');
    var style = document.createElement("style");
    style.id = "shortlist-hidden";
    style.textContent = rules.length ? rules.join(",") + "{display:none}" : "";
    document.head.appendChild(style);
  } catch (e) { /* storage off (private mode, policy): nothing is hidden */ }
})();
