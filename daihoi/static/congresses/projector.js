/* Projector: fetch the state fragment twice a second and swap it in when it changed. Plain
   polling needs no server push, survives a server restart by itself (the next poll succeeds) and
   works on the hall's local network with no internet. */
(function () {
  "use strict";
  var state = document.getElementById("pj-state");
  var offline = document.getElementById("pj-offline");
  var url = state.dataset.url;
  var last = state.innerHTML;
  function poll() {
    fetch(url, {cache: "no-store", credentials: "same-origin", headers: {"X-Requested-With": "projector"}})
      .then(function (response) {
        if (!response.ok || response.redirected) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        offline.hidden = true;
        if (html !== last) { state.innerHTML = html; last = html; }
      })
      .catch(function () { offline.hidden = false; })
      .finally(function () { window.setTimeout(poll, 500); });
  }
  window.setTimeout(poll, 500);
})();
