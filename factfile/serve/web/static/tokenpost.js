// Forms that write through the API: each sends its JSON body with the server's token (kept for the
// session) and hands the answer on, or shows why it was refused in the page's status line.
"use strict";
window.factfileTokenPost = function (selector, body, done, failure) {
  const tokenInput = document.getElementById("token");
  const status = document.getElementById("correction-status");
  if (tokenInput) tokenInput.value = sessionStorage.getItem("factfile-token") || "";
  for (const form of document.querySelectorAll(selector)) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = tokenInput ? tokenInput.value : "";
      sessionStorage.setItem("factfile-token", token);
      fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify(body(form)),
      })
        .then((r) => r.json().then((answer) => ({ ok: r.ok, answer })))
        .then(({ ok, answer }) => {
          if (!ok) throw new Error(typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail));
          done(form, answer);
        })
        .catch((error) => { if (status) status.textContent = failure + error.message; });
    });
  }
};
