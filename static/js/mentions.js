/* @-mention suggestions for textareas with data-mentions="<url>" (the reply and topic forms).
   Typing "@" and two or more letters asks the server (content:mention-suggestions, members of this
   community only) and lists up to eight members under the field; choosing one inserts "@username ".
   Without this script the field is a plain textarea and mentions still work when typed in full. */
(function () {
  "use strict";
  var WORD = /(^|[\s(])@([A-Za-z0-9_.+-]{2,30})$/;

  function setUp(field) {
    var url = field.getAttribute("data-mentions");
    if (!url) return;
    var list = document.createElement("ul");
    list.className = "mention-list";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    list.id = field.id + "-mentions";
    field.setAttribute("aria-controls", list.id);
    field.insertAdjacentElement("afterend", list);
    var pending = 0;

    function close() {
      list.hidden = true;
      list.textContent = "";
    }

    function insert(username, start) {
      var caret = field.selectionStart;
      field.value = field.value.slice(0, start) + "@" + username + " " + field.value.slice(caret);
      var position = start + username.length + 2;
      field.setSelectionRange(position, position);
      close();
      field.focus();
    }

    field.addEventListener("input", function () {
      var before = field.value.slice(0, field.selectionStart);
      var match = WORD.exec(before);
      if (!match) return close();
      var start = before.length - match[2].length - 1;
      var ticket = ++pending;
      fetch(url + "?q=" + encodeURIComponent(match[2]), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== pending) return;
          list.textContent = "";
          data.results.forEach(function (member) {
            var item = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "btn btn-link btn-small";
            button.setAttribute("role", "option");
            button.textContent = member.name + " (@" + member.username + ")";
            button.addEventListener("click", function () { insert(member.username, start); });
            item.appendChild(button);
            list.appendChild(item);
          });
          list.hidden = data.results.length === 0;
        })
        .catch(close);
    });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-mentions]").forEach(setUp);
  });
})();
