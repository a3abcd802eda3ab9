// Keyboard-only ballot entry at a counting station. The operator types the ballot number, the rows
// struck (or the marks) and the flags, presses Enter and goes on at once: entries wait in a queue
// kept in localStorage (a reload loses nothing) and are sent one by one in the background.
(function () {
  "use strict";
  const form = document.getElementById("entry");
  if (!form) return;
  const number = document.getElementById("entry-number");
  const rows = document.getElementById("entry-rows");
  const flags = document.getElementById("entry-flags");
  const status = document.getElementById("entry-status");
  const log = document.getElementById("entry-log");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const key = form.dataset.key;
  let queue = JSON.parse(localStorage.getItem(key) || "[]");
  let sent = 0;
  let failed = 0;
  let busy = false;

  function save() { localStorage.setItem(key, JSON.stringify(queue)); }

  function show() {
    status.textContent = "Đã gửi " + sent + " · đang chờ gửi " + queue.length + (failed ? " · lỗi " + failed : "");
    status.classList.toggle("has-errors", failed > 0);
  }

  function note(item, text, bad) {
    const li = document.createElement("li");
    li.textContent = "Phiếu " + item.number + ": " + (item.rows || "—") + (item.flags ? " · " + item.flags : "") + (text ? " — " + text : "");
    if (bad) li.className = "bad";
    log.prepend(li);
    while (log.children.length > 50) log.lastChild.remove();
  }

  async function pump() {
    if (busy || !queue.length) return;
    busy = true;
    const item = queue[0];
    try {
      const response = await fetch(form.dataset.url, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
        body: JSON.stringify(item),
      });
      const body = await response.json().catch(() => ({error: "Máy chủ trả lời không hợp lệ"}));
      if (response.ok) { sent += 1; note(item, "", false); }
      else if (response.status >= 400 && response.status < 500) { failed += 1; note(item, body.error || "bị từ chối", true); }
      else throw new Error("server");
      queue.shift();
      save();
    } catch (error) {
      busy = false;
      show();
      setTimeout(pump, 1000);  // offline or server busy: keep the entry and try again
      return;
    }
    busy = false;
    show();
    pump();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const n = parseInt(number.value, 10);
    if (!(n > 0)) { number.focus(); number.select(); return; }
    queue.push({number: n, rows: rows.value.trim(), flags: flags.value.trim()});
    save();
    number.value = n + 1;
    rows.value = "";
    flags.value = "";
    rows.focus();
    show();
    pump();
  });
  show();
  pump();
})();
