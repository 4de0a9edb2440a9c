/* Feed and calendar finder: copy buttons and a filter box. Without JavaScript the page
   is plain links (the buttons and the filter stay hidden). */
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

  var buttons = document.querySelectorAll("button.copy[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) { copy(event.currentTarget); });
  }

  var box = document.getElementById("finder-q");
  if (box) {
    box.parentNode.hidden = false;
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      var sections = document.querySelectorAll(".finder-section");
      var shown = 0;
      for (var s = 0; s < sections.length; s++) {
        var rows = sections[s].querySelectorAll(".finder-row");
        var visible = 0;
        for (var r = 0; r < rows.length; r++) {
          var hit = !q || rows[r].querySelector("h3").textContent.toLowerCase().indexOf(q) !== -1;
          rows[r].hidden = !hit;
          if (hit) visible++;
        }
        sections[s].hidden = visible === 0;
        shown += visible;
      }
      say(q ? shown + (shown === 1 ? " match" : " matches") : "");
    });
  }
})();
