// The actor graph with Cytoscape.js: node size by number of relations, edge colour by relation.
// Clicking an actor opens its dossier.
"use strict";
(function () {
  const node = document.getElementById("graph");
  const status = document.getElementById("graph-status");
  const colours = { acts_on: "#b3261e", speaks_about: "#1f6feb", allied_with: "#2e7d32", opposed_to: "#ef6c00" };
  fetch(node.dataset.graph)
    .then((r) => r.json())
    .then((elements) => {
      if (!elements.nodes.length) {
        status.textContent = "No relations between actors are stored yet.";
        node.dataset.ready = "0";
        return;
      }
      const cy = cytoscape({
        container: node,
        elements: elements,
        minZoom: 0.2,
        maxZoom: 1.6,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120,
            width: "mapData(weight, 1, 30, 14, 48)", height: "mapData(weight, 1, 30, 14, 48)", "background-color": "#455a64", color: "#222" } },
          { selector: "node[kind = 'person']", style: { "background-color": "#6a1b9a" } },
          { selector: "node[kind = 'place']", style: { "background-color": "#00838f" } },
          { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "curve-style": "bezier", "target-arrow-shape": "triangle",
            "line-color": "#9e9e9e", "target-arrow-color": "#9e9e9e", opacity: 0.8 } },
          ...Object.entries(colours).map(([relation, colour]) => ({
            selector: `edge[relation = '${relation}']`, style: { "line-color": colour, "target-arrow-color": colour } })),
          { selector: `node[id = '${node.dataset.focus || ""}']`, style: { "border-width": 4, "border-color": "#ffb300" } },
        ],
        layout: elements.nodes.length <= 15
          ? { name: "concentric", concentric: (n) => (n.id() === node.dataset.focus ? 1000 : n.data("weight")), levelWidth: () => 2, minNodeSpacing: 60, padding: 40 }
          : { name: "cose", animate: false, nodeRepulsion: 400000, idealEdgeLength: 120, padding: 40 },
      });
      cy.on("tap", "node", (event) => { window.location.href = "/actors/" + event.target.id(); });
      status.textContent = elements.nodes.length + " actors, " + elements.edges.length + " relations";
      node.dataset.ready = String(elements.nodes.length);
    })
    .catch((error) => { status.textContent = "Could not load the graph: " + error; node.dataset.ready = "error"; });
})();
