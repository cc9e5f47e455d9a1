// Events on an offline map: Natural Earth country outlines (world-atlas TopoJSON) drawn by Leaflet,
// one circle per located event. Popups are built from DOM text nodes, never from HTML strings.
"use strict";
(function () {
  const node = document.getElementById("map");
  const list = document.getElementById("map-events");
  const map = L.map(node, { worldCopyJump: true, attributionControl: true }).setView([50, 30], 4);
  map.attributionControl.addAttribution("Natural Earth");

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  function describe(ev) {
    const box = el("div", null, { class: "popup" });
    const title = el("strong", ev.event_type + (ev.sub_type ? " · " + ev.sub_type : ""));
    box.append(title, el("br"));
    const when = ev.date_start ? ev.date_start + (ev.date_end && ev.date_end !== ev.date_start ? " – " + ev.date_end : "") : "undated";
    box.append(el("span", when + " · " + ev.place.name), el("br"));
    if (ev.actor1) box.append(el("a", ev.actor1, { href: "/actors/" + ev.actor1_id }), document.createTextNode(" "));
    box.append(el("a", ev.trigger_text, { href: "/documents/" + ev.document_id + "?hl=" + ev.start + "-" + ev.end + "#focus", class: "claim" }));
    if (ev.actor2) box.append(document.createTextNode(" "), el("a", ev.actor2, { href: "/actors/" + ev.actor2_id }));
    box.append(el("br"), el("em", ev.certainty + " — " + (ev.outlet || "document " + ev.document_id)));
    return box;
  }

  fetch(node.dataset.basemap)
    .then((r) => r.json())
    .then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, { style: { color: "#7a7a7a", weight: 1, fillColor: "#f2efe6", fillOpacity: 1 }, interactive: false }).addTo(map);
      return fetch(node.dataset.events);
    })
    .then((r) => r.json())
    .then((page) => {
      const points = [];
      for (const ev of page.items) {
        const p = ev.place;
        if (p.latitude == null || p.longitude == null) continue;
        const marker = L.circleMarker([p.latitude, p.longitude], { radius: 7, color: "#b3261e", weight: 2, fillOpacity: 0.6 });
        marker.bindPopup(describe(ev));
        marker.addTo(map);
        points.push([p.latitude, p.longitude]);
        const item = el("li");
        item.append(describe(ev));
        list.append(item);
      }
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
      node.dataset.ready = String(points.length);
    })
    .catch((error) => {
      node.dataset.ready = "error";
      list.append(el("li", "Could not load the map: " + error));
    });
})();
