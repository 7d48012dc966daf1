// Shows a note beside its reference on hover or keyboard focus. The page works without it:
// every reference is a plain link to its note at the bottom, and every note links back.
(function () {
  "use strict";
  var popup = null;

  function hide() {
    if (popup) {
      popup.remove();
      popup = null;
    }
  }

  function show(link) {
    var note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!note) return;
    hide();
    popup = document.createElement("div");
    popup.className = "note-popup";
    popup.setAttribute("role", "tooltip");
    var body = note.cloneNode(true);
    body.removeAttribute("id");
    body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    var back = body.querySelector(".fn-back");
    if (back) back.replaceWith(document.createTextNode(back.textContent + "."));
    popup.append.apply(popup, Array.prototype.slice.call(body.childNodes));
    document.body.appendChild(popup);
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8));
    popup.style.left = left + "px";
    popup.style.top = (box.bottom + window.scrollY + 4) + "px";
  }

  document.querySelectorAll("sup.fnref a").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("blur", hide);
    link.addEventListener("click", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
