/* The post editor: a toolbar, a Write / Preview switch and image upload by drag and drop or paste, on top
   of a plain textarea (textarea[data-post-editor]) that works alone without this script.
   The preview is rendered by the server (the form's data-preview-url) exactly as the post page renders it;
   images go to data-upload-url, which checks, resizes and stores them and answers their Markdown.
   Texts come from <template id="post-editor-texts"> in the page's language. No inline styles (CSP). */
(function () {
  "use strict";

  function texts() {
    var found = {};
    var template = document.getElementById("post-editor-texts");
    if (!template) return found;
    template.content.querySelectorAll("[data-key]").forEach(function (node) {
      found[node.getAttribute("data-key")] = node.textContent.trim();
    });
    return found;
  }

  // [key, before, after, placeholder, whole lines]
  var ACTIONS = [
    ["bold", "**", "**", "bold", false],
    ["italic", "_", "_", "italic", false],
    ["heading", "## ", "", "Heading", true],
    ["link", "[", "](https://)", "text", false],
    ["code", "```python\n", "\n```", "code", true],
    ["list", "- ", "", "item", true],
    ["quote", "> ", "", "quote", true],
  ];

  function wrap(textarea, before, after, placeholder, lines) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    var selected = value.slice(start, end) || placeholder;
    var prefix = lines && start > 0 && value[start - 1] !== "\n" ? "\n" : "";
    var insert = prefix + before + selected + after;
    textarea.setRangeText(insert, start, end, "end");
    var selectFrom = start + prefix.length + before.length;
    textarea.setSelectionRange(selectFrom, selectFrom + selected.length);
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function button(label, onClick) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "btn btn-secondary btn-small";
    node.textContent = label;
    node.addEventListener("click", onClick);
    return node;
  }

  function setUp(textarea) {
    var form = textarea.form;
    if (!form || textarea.dataset.editorReady) return;
    textarea.dataset.editorReady = "1";
    var t = texts();
    var previewUrl = form.getAttribute("data-preview-url");
    var uploadUrl = form.getAttribute("data-upload-url");

    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar cluster";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", t.toolbar || "Formatting");
    toolbar.setAttribute("aria-controls", textarea.id);
    ACTIONS.forEach(function (action) {
      toolbar.appendChild(button(t[action[0]] || action[0], function () {
        wrap(textarea, action[1], action[2], action[3], action[4]);
      }));
    });

    var fileInput = document.createElement("input");
    fileInput.type = "file";
    fileInput.accept = "image/png,image/jpeg,image/gif,image/webp";
    fileInput.hidden = true;
    fileInput.addEventListener("change", function () { upload(Array.from(fileInput.files)); fileInput.value = ""; });
    if (uploadUrl) {
      toolbar.appendChild(button(t.image || "Image", function () { fileInput.click(); }));
      toolbar.appendChild(fileInput);
    }

    var tabs = document.createElement("div");
    tabs.className = "editor-tabs cluster";
    var writeTab = button(t.write || "Write", function () { show(false); });
    var previewTab = button(t.preview || "Preview", function () { show(true); });
    writeTab.setAttribute("aria-pressed", "true");
    previewTab.setAttribute("aria-pressed", "false");
    tabs.appendChild(writeTab);
    tabs.appendChild(previewTab);

    var preview = document.createElement("div");
    preview.className = "prose editor-preview card";
    preview.hidden = true;
    preview.setAttribute("aria-live", "polite");
    preview.tabIndex = -1;

    var status = document.createElement("p");
    status.className = "field-help editor-status";
    status.setAttribute("role", "status");
    status.textContent = uploadUrl ? (t.drop || "") : "";

    textarea.parentNode.insertBefore(tabs, textarea);
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(preview, textarea.nextSibling);
    preview.parentNode.insertBefore(status, preview.nextSibling);

    function show(previewing) {
      writeTab.setAttribute("aria-pressed", String(!previewing));
      previewTab.setAttribute("aria-pressed", String(previewing));
      toolbar.hidden = previewing;
      textarea.hidden = previewing;
      preview.hidden = !previewing;
      if (!previewing) { textarea.focus(); return; }
      var body = new FormData();
      body.append("body", textarea.value);
      fetch(previewUrl, { method: "POST", body: body, headers: { "X-CSRFToken": csrf(form) }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          // The server's HTML is nh3-sanitised (content/rendering.py); parse it inertly, then move it in.
          var parsed = new DOMParser().parseFromString(html, "text/html");
          preview.replaceChildren.apply(preview, Array.from(parsed.body.childNodes));
          preview.focus();
        });
    }

    function upload(files) {
      files.filter(function (file) { return file.type.indexOf("image/") === 0; }).forEach(function (file) {
        var body = new FormData();
        body.append("image", file, file.name || "pasted.png");
        status.textContent = t.uploading || "";
        fetch(uploadUrl, { method: "POST", body: body, headers: { "X-CSRFToken": csrf(form) }, credentials: "same-origin" })
          .then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
          .then(function (result) {
            if (result[0]) {
              wrap(textarea, "", "\n", result[1].markdown, true);
              status.textContent = t.uploaded || "";
            } else {
              var fields = result[1].fields || {};
              var first = Object.keys(fields).map(function (key) { return fields[key][0]; })[0];
              status.textContent = (t.failed || "") + " " + ((first && (first.message || first)) || result[1].detail || "");
            }
          })
          .catch(function () { status.textContent = t.failed || ""; });
      });
    }

    if (uploadUrl) {
      textarea.addEventListener("dragover", function (event) { event.preventDefault(); });
      textarea.addEventListener("drop", function (event) {
        var files = Array.from((event.dataTransfer && event.dataTransfer.files) || []);
        if (files.length) { event.preventDefault(); upload(files); }
      });
      textarea.addEventListener("paste", function (event) {
        var files = Array.from((event.clipboardData && event.clipboardData.files) || []);
        if (files.length) { event.preventDefault(); upload(files); }
      });
    }
  }

  function init() { document.querySelectorAll("textarea[data-post-editor]").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
