// Small behaviours shared by every page; no inline scripts, so a strict content security policy
// can forbid them.
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});
