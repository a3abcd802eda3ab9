// The view counter of the article page. Anonymous readers are served a page kept for everyone
// (daihoi/news/pages.py), so the page cannot count them itself: once it is shown, this asks the
// server to count this reader (once per few hours, bots excluded) and shows the count it answers.
// Readers without JavaScript load the <noscript> image beacon instead.
document.addEventListener("DOMContentLoaded", () => {
  const counter = document.querySelector("[data-view-beacon]");
  if (!counter) return;
  fetch(counter.dataset.viewBeacon, {credentials: "same-origin", cache: "no-store", headers: {Accept: "application/json"}})
    .then((response) => (response.ok ? response.json() : null))
    .then((answer) => {
      if (answer && Number.isInteger(answer.views)) counter.textContent = String(answer.views);
    })
    .catch(() => {});  // an unreachable counter leaves the page's own figure
});
