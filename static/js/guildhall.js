/* Guildhall's own small enhancements. Every page works without this file; with it:
   - the header menu folds behind a "Menu" button on narrow screens (aria-expanded, Escape closes it);
   - filter panels (<details data-fold-on-phone>) start folded on narrow screens unless a filter is set;
   - image inputs with data-preview show the chosen file before it is uploaded. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 48rem)");

  function setUpMenu() {
    var button = document.querySelector(".menu-toggle");
    var header = document.querySelector(".site-header");
    var menu = document.getElementById("site-menu");
    if (!button || !header || !menu) return;
    header.classList.add("has-menu-toggle");
    button.hidden = false;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && narrow.matches) {
        setOpen(false);
        button.focus();
      }
    });
  }

  function foldFilters() {
    if (!narrow.matches) return;
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (panel) {
      if (!panel.hasAttribute("data-active")) panel.open = false;
    });
  }

  function setUpPreviews() {
    document.querySelectorAll("input[type=file][data-preview]").forEach(function (input) {
      var target = document.getElementById(input.getAttribute("data-preview"));
      if (!target) return;
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file || !/^image\//.test(file.type)) return;
        var reader = new FileReader();
        reader.onload = function () {
          target.src = reader.result;
          target.hidden = false;
        };
        reader.readAsDataURL(file);
      });
    });
  }

  function start() {
    setUpMenu();
    foldFilters();
    setUpPreviews();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
