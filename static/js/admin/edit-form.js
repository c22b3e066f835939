// Once the edit form is being sent (save, publish, submit or a reviewer's decision), Wagtail's
// autosave must not post it again in the background: the decision buttons add their choice to
// the form as hidden fields, and an autosave in the moment before the next page arrives would
// send the decision a second time. Wagtail 8.0 does not stop autosave on submit itself.
document.addEventListener(
  "submit",
  (event) => {
    if (event.target.matches("[data-edit-form]")) {
      event.target.setAttribute("data-w-autosave-active-value", "false");
    }
  },
  true,
);
