// Once the edit form is being sent (save, publish, submit or a reviewer's decision), Wagtail's
// autosave must not post it again in the background: the decision buttons add their choice to
// the form as hidden fields, and an autosave in the moment before the next page arrives would
// send the decision a second time. Wagtail 8.0 does not stop autosave on submit itself.
// Two signals, because the approval dialog sends the form with jQuery's submit(), which fires
// no submit event: the submit event, and the decision's hidden field appearing in the form.
const stopAutosave = (form) => form.setAttribute("data-w-autosave-active-value", "false");

document.addEventListener(
  "submit",
  (event) => {
    if (event.target.matches("[data-edit-form]")) stopAutosave(event.target);
  },
  true,
);

document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-edit-form]");
  if (!form) return;
  new MutationObserver(() => {
    if (form.querySelector("input[name='action-workflow-action']")) stopAutosave(form);
  }).observe(form, { childList: true });
});
