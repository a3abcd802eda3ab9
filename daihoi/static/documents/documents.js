// Downloads that take seconds (PDF through LibreOffice, the whole zipped file) are fetched here so
// that a progress indicator shows until the file has arrived; without JavaScript the plain link
// still downloads.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-busy]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const busy = document.querySelector(".busy");
  const text = busy.querySelector("p");
  text.dataset.idle ??= text.textContent;
  text.textContent = text.dataset.idle;
  busy.classList.remove("notice", "notice-error");
  busy.querySelector("progress").hidden = false;
  busy.hidden = false;
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    const name = (response.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
    const url = URL.createObjectURL(await response.blob());
    const save = Object.assign(document.createElement("a"), { href: url, download: name ? name[1] : "" });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    busy.hidden = true;
  } catch (error) {
    text.textContent = error.message || "Không tạo được tệp.";
    busy.querySelector("progress").hidden = true;
    busy.classList.add("notice", "notice-error");
  }
});
