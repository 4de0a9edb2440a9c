/* Feed and calendar finder: copy buttons and a filter box. Without JavaScript the page
   is plain links (the buttons and the filter stay hidden). On /feeds/, a section with
   too many feeds for cards (organizations: .finder-more) lives on its own A-to-Z page
   (data-rows); the first search fetches that page once and shows its matches as cards. */
(function () {
  "use strict";
  var status = document.getElementById("finder-status");

  function say(text) {
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers announce the same message twice in a row.
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function absolute(url) {
    try { return new URL(url, document.baseURI).href; } catch (e) { return url; }
  }

  /* No clipboard API (older browser, insecure origin, permission refused): show the
     address in a selected read-only field and try the legacy copy command. */
  function fallback(button, url) {
    var field = button.parentNode.querySelector("input.copy-field");  // one per .finder-link
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "copy-field";
      field.setAttribute("aria-label", button.getAttribute("aria-label").replace(/^Copy the address of/, "Address of"));
      button.insertAdjacentElement("afterend", field);
    }
    field.value = url;
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand && document.execCommand("copy"); } catch (e) { copied = false; }
    say(copied ? "Copied " + url : "Press Ctrl+C (or ⌘C) to copy the selected address.");
    button.dataset.copied = copied ? "fallback" : "selected";
  }

  function copy(button) {
    var url = absolute(button.getAttribute("data-copy"));
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        button.dataset.copied = "clipboard";
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
        say("Copied " + url);
      }, function () { fallback(button, url); });
    } else {
      fallback(button, url);
    }
  }

  // One listener for every copy button, those drawn later included.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy[data-copy]");
    if (button) copy(button);
  });
  var buttons = document.querySelectorAll("button.copy[data-copy]");
  for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;

  var MAX_CARDS = 20;  // matches drawn as cards per .finder-more section; the rest are counted
  var more = document.querySelectorAll(".finder-more");
  var loaded = {};  // data-rows URL -> promise of [{label, page, links: [{href, type, text}]}]

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }

  function rowsOf(url) {  // the A-to-Z page's rows, read once
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        return Array.prototype.map.call(doc.querySelectorAll(".finder-list .finder-row"), function (li) {
          var name = li.querySelector(".finder-name");
          return {
            label: name.textContent, page: name.getAttribute("href"),
            links: Array.prototype.map.call(li.querySelectorAll("a.finder-url"), function (a) {
              return { href: a.getAttribute("href"), type: a.getAttribute("type"), text: a.textContent };
            }),
          };
        });
      });
      loaded[url].catch(function () { delete loaded[url]; });  // a failed fetch is tried again
    }
    return loaded[url];
  }

  function card(row, kindLabel) {  // the same card as feeds.html draws for a feed
    var li = el("li", { "class": "finder-row finder-card" });
    var h3 = el("h3");
    h3.append(el("a", { href: row.page }, kindLabel + ": " + row.label));
    var p = el("p", { "class": "finder-feeds" });
    p.append(el("span", { "class": "finder-kind" }, "Feed"));
    row.links.forEach(function (f) {
      var span = el("span", { "class": "finder-link" });
      span.append(el("a", { "class": "finder-url", href: f.href, type: f.type }, f.text));
      span.append(el("button", { type: "button", "class": "copy", "data-copy": f.href,
        "aria-label": "Copy the address of " + row.label + " (" + f.text + ")" }, "Copy"));
      p.append(" ", span);
    });
    li.append(h3, p);
    return li;
  }

  // Draw the matches of q in one .finder-more section; resolves to how many matched.
  function searchMore(section, q) {
    var list = section.querySelector(".finder-results");
    var note = section.querySelector(".finder-more-note");
    if (!q) {
      list.textContent = "";
      note.hidden = false;
      section.hidden = false;
      return Promise.resolve(0);
    }
    return rowsOf(section.getAttribute("data-rows")).then(function (rows) {
      if (q !== box.value.trim().toLowerCase()) return 0;  // a newer search draws its own
      var hits = rows.filter(function (r) { return r.label.toLowerCase().indexOf(q) !== -1; });
      list.textContent = "";
      hits.slice(0, MAX_CARDS).forEach(function (r) { list.append(card(r, section.getAttribute("data-label"))); });
      if (hits.length > MAX_CARDS) {
        var rest = el("li", { "class": "finder-rest" }, (hits.length - MAX_CARDS) + " more: type more of the name, or ");
        rest.append(el("a", { href: section.getAttribute("data-rows") }, "see them all, A to Z"));
        list.append(rest);
      }
      note.hidden = hits.length > 0;
      section.hidden = hits.length === 0;
      return hits.length;
    }, function () {
      note.hidden = false;  // offline: the link to the A-to-Z page is still there
      section.hidden = false;
      return 0;
    });
  }

  var box = document.getElementById("finder-q");
  if (box) {
    box.parentNode.hidden = false;
    for (var m = 0; m < more.length; m++) more[m].querySelector(".finder-more-js").hidden = false;
    var asked = 0;  // the newest search: an older one's late answer says nothing
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      var sections = document.querySelectorAll(".finder-section:not(.finder-more)");
      var shown = 0;
      for (var s = 0; s < sections.length; s++) {
        var rows = sections[s].querySelectorAll(".finder-row");
        var visible = 0;
        for (var r = 0; r < rows.length; r++) {
          var hit = !q || rows[r].querySelector("h3, .finder-name").textContent.toLowerCase().indexOf(q) !== -1;
          rows[r].hidden = !hit;
          if (hit) visible++;
        }
        sections[s].hidden = visible === 0;
        shown += visible;
      }
      var mine = ++asked;
      Promise.all(Array.prototype.map.call(more, function (sec) { return searchMore(sec, q); })).then(function (counts) {
        if (mine !== asked) return;
        var total = counts.reduce(function (a, b) { return a + b; }, shown);
        say(q ? total + (total === 1 ? " match" : " matches") : "");
      });
    });
  }
})();
