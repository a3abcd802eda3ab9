// Small behaviours shared by every page; no inline scripts, so a strict content security policy
// can forbid them.
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});

// A button that prints the page (the printable summons).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
