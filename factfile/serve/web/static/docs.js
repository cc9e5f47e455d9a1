// The OpenAPI explorer, from the vendored Swagger UI bundle.
"use strict";
(function () {
  const node = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: node.dataset.spec, domNode: node, deepLinking: true });
})();
