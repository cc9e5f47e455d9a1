// "Mark as read" on a watch bar: sent to the API with the server's token and the change number the page
// showed (what arrived meanwhile stays new), then a reload.
"use strict";
(function () {
  const tokenInput = document.getElementById("token");
  const status = document.getElementById("correction-status");
  if (tokenInput) tokenInput.value = sessionStorage.getItem("factfile-token") || "";
  for (const form of document.querySelectorAll("form.watch-read")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = tokenInput ? tokenInput.value : "";
      sessionStorage.setItem("factfile-token", token);
      fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify({ through: Number(form.dataset.through) }),
      })
        .then((r) => r.json().then((answer) => ({ ok: r.ok, answer })))
        .then(({ ok, answer }) => {
          if (!ok) throw new Error(typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail));
          window.location.reload();
        })
        .catch((error) => { if (status) status.textContent = "Not marked: " + error.message; });
    });
  }
})();
