/* The check-in scan page (events/attendance/scan.html): where the browser offers BarcodeDetector, the
   camera reads a ticket's QR code (the check-in address with ?code=...), puts the code in the form and
   sends it; after the answer the camera starts again by itself until "Stop". Without the API, a camera,
   or this script, the operator types the code in the same form. Nothing is loaded from elsewhere. */
(function () {
  "use strict";
  var KEY = "guildhall-check-in-scanning";
  var root = document.querySelector("[data-scan]");
  var form = document.querySelector("[data-scan-form]");
  if (!root || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var input = form.querySelector("input[name='ticket_code']");
  var video = root.querySelector("video");
  var start = root.querySelector("[data-scan-start]");
  var stop = root.querySelector("[data-scan-stop]");
  var status = root.querySelector("[data-scan-status]");
  var stream = null;
  var running = false;
  root.hidden = false;

  function say(name) { status.textContent = root.getAttribute("data-" + name) || ""; }

  function codeFrom(text) {
    try {
      var code = new URL(text, window.location.href).searchParams.get("code");
      if (code) return code;
    } catch (e) { /* not an address: the code itself */ }
    return String(text).trim();
  }

  function halt() {
    running = false;
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    start.hidden = false;
    stop.hidden = true;
  }

  function scan(detector) {
    if (!running) return;
    detector.detect(video).then(function (codes) {
      if (!running) return;
      if (codes.length && codes[0].rawValue) {
        input.value = codeFrom(codes[0].rawValue);
        say("found");
        halt();
        window.sessionStorage.setItem(KEY, "1");
        form.submit();
      } else {
        window.setTimeout(function () { scan(detector); }, 250);
      }
    }).catch(function () { window.setTimeout(function () { scan(detector); }, 500); });
  }

  function begin() {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf("qr_code") === -1) throw new Error("no QR codes");
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          video.hidden = false;
          start.hidden = true;
          stop.hidden = false;
          running = true;
          say("scanning");
          return video.play().then(function () { scan(detector); });
        });
    }).catch(function () {
      halt();
      window.sessionStorage.removeItem(KEY);
      say("denied");
    });
  }

  start.addEventListener("click", begin);
  stop.addEventListener("click", function () {
    window.sessionStorage.removeItem(KEY);
    halt();
  });
  if (window.sessionStorage.getItem(KEY) === "1") begin();
})();
