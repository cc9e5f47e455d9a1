// Correction forms (merge, split, mark wrong) sent to the API with the server's token, then a reload.
"use strict";
(function () {
  const tokenInput = document.getElementById("token");
  const status = document.getElementById("correction-status");
  if (tokenInput) tokenInput.value = sessionStorage.getItem("factfile-token") || "";

  function body(form) {
    const data = new FormData(form);
    const note = (data.get("note") || "").trim() || null;
    switch (form.dataset.body) {
      case "merge":
        return { other_ids: String(data.get("other_ids")).split(/[ ,]+/).filter(Boolean).map(Number), note };
      case "split":
        return { alias_keys: data.getAll("alias_keys"), note };
      default:
        return { note };
    }
  }

  for (const form of document.querySelectorAll("form.correction")) {
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
          if (form.dataset.body === "split" && answer.actor_id) window.location.href = "/actors/" + answer.actor_id;
          else window.location.reload();
        })
        .catch((error) => { if (status) status.textContent = "Not saved: " + error.message; });
    });
  }
})();
