/* Camera check-in: the laptop camera reads the QR code on the summons in the browser (vendored
   jsQR 1.4.0, loaded only when the camera is started) and submits the code through the same form
   a USB scanner types into. Browsers allow the camera only on https or localhost; elsewhere the
   button stays hidden and the scanner or the name search is used. */
(function () {
  "use strict";
  var start = document.getElementById("camera-start");
  var form = document.getElementById("scan-form");
  if (!start || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var box = document.getElementById("camera");
  var video = document.getElementById("camera-video");
  var status = document.getElementById("camera-status");
  var stop = document.getElementById("camera-stop");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", {willReadFrequently: true});
  var stream = null, lastCode = "", lastAt = 0;
  start.hidden = false;

  function loadDecoder() {
    if (window.jsQR) { return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = start.dataset.decoder;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function scan() {
    if (!stream) { return; }
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var found = window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height,
                              {inversionAttempts: "dontInvert"});
      var now = Date.now();
      // The same paper stays in front of the camera for a while: submit it once.
      if (found && found.data && (found.data !== lastCode || now - lastAt > 4000)) {
        lastCode = found.data;
        lastAt = now;
        form.elements.token.value = found.data;
        form.requestSubmit();
      }
    }
    window.setTimeout(scan, 200);
  }

  start.addEventListener("click", function () {
    status.textContent = start.dataset.starting;
    loadDecoder()
      .then(function () { return navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false}); })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        box.hidden = false;
        start.hidden = true;
        status.textContent = start.dataset.ready;
        return video.play();
      })
      .then(scan)
      .catch(function () { status.textContent = start.dataset.failed; box.hidden = false; });
  });

  stop.addEventListener("click", function () {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    box.hidden = true;
    start.hidden = false;
    form.elements.token.focus();
  });
})();

/* The scanner form empties and refocuses its field as soon as a code is sent, ready for the next
   scan; a row's check-in button turns into the "present" badge once its request is answered.
   (Here, not in hx-on attributes: the content security policy forbids inline script.) */
(function () {
  "use strict";
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form.matches && form.matches("[data-clear-on-send]")) {
      form.elements.token.value = "";
      form.elements.token.focus();
    }
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    var button = elt.matches && elt.matches("[data-done]") ? elt : elt.querySelector && elt.querySelector("[data-done]");
    if (!button || !event.detail.successful) { return; }
    var badge = document.createElement("span");
    badge.className = "badge ok";
    badge.textContent = button.dataset.done;
    button.replaceWith(badge);
  });
})();
