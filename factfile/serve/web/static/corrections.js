// Correction forms (merge, split, mark wrong): their bodies, sent by tokenpost.js, then a reload.
"use strict";
(function () {
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

  window.factfileTokenPost(
    "form.correction",
    body,
    (form, answer) => {
      if (form.dataset.body === "split" && answer.actor_id) window.location.href = "/actors/" + answer.actor_id;
      else window.location.reload();
    },
    "Not saved: ",
  );
})();
