// "Mark as read" on a watch bar: the change number the page showed goes to the API (what arrived
// meanwhile stays new), then a reload.
"use strict";
window.factfileTokenPost(
  "form.watch-read",
  (form) => ({ through: Number(form.dataset.through) }),
  () => window.location.reload(),
  "Not marked: ",
);
