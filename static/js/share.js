// "Copy link" for the share box: shown only where the Clipboard API exists; no third party.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    var status = button.parentElement.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyUrl).then(function () {
        if (status) status.textContent = button.dataset.copied;
      });
    });
  });
})();
