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

  function describePlace(place) {
    const box = el("div", null, { class: "popup" });
    box.append(el("a", place.name, { href: "/search?q=" + encodeURIComponent(place.name) }), el("br"));
    box.append(el("span", [place.admin1, place.country_code].filter(Boolean).join(", ")), el("br"));
    box.append(el("em", place.mentions + " mention" + (place.mentions === 1 ? "" : "s")));
    return box;
  }

  // A polygon cut at the antimeridian keeps points at both -180 and 180; on a flat map that paints a band
  // around the world. Moving its western-hemisphere points east by 360° keeps it in one piece.
  function unwrap(geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    for (const polygon of polygons) {
      const lons = polygon.flat().map((point) => point[0]);
      if (Math.min(...lons) < -170 && Math.max(...lons) > 170) {
        for (const ring of polygon) for (const point of ring) if (point[0] < 0) point[0] += 360;
      }
    }
  }

  const json = (url) => fetch(url).then((r) => r.json());
  const eventsLayer = L.layerGroup().addTo(map);
  const placesLayer = L.layerGroup();

  json(node.dataset.basemap)
    .then((topo) => {
      // Land as unstroked fill, borders as a mesh of shared edges only: no outline is drawn along the
      // antimeridian cuts of countries that straddle it.
      const countries = topojson.feature(topo, topo.objects.countries);
      countries.features.forEach((f) => f.geometry && unwrap(f.geometry));
      L.geoJSON(countries, { style: { stroke: false, fillColor: "#f2efe6", fillOpacity: 1 }, interactive: false }).addTo(map);
      const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
      L.geoJSON(borders, { style: { color: "#8a8a8a", weight: 1 }, interactive: false }).addTo(map);
      return Promise.all([json(node.dataset.events), node.dataset.places ? json(node.dataset.places) : { items: [] }]);
    })
    .then(([events, places]) => {
      const points = [];
      for (const ev of events.items) {
        const p = ev.place;
        if (p.latitude == null || p.longitude == null) continue;
        const marker = L.circleMarker([p.latitude, p.longitude], { radius: 7, color: "#b3261e", weight: 2, fillOpacity: 0.6 });
        marker.bindPopup(describe(ev));
        marker.addTo(eventsLayer);
        points.push([p.latitude, p.longitude]);
        const item = el("li");
        item.append(describe(ev));
        list.append(item);
      }
      for (const place of places.items) {
        const radius = 2 + Math.min(8, Math.sqrt(place.mentions || 1));
        const marker = L.circleMarker([place.latitude, place.longitude], { radius, color: "#37474f", weight: 1, fillOpacity: 0.35 });
        marker.bindPopup(describePlace(place));
        marker.addTo(placesLayer);
      }
      if (places.items.length) {
        L.control.layers(null, { "Events": eventsLayer, "Places mentioned": placesLayer }, { collapsed: false }).addTo(map);
        if (!points.length) placesLayer.addTo(map);
      }
      const all = points.length ? points : places.items.map((p) => [p.latitude, p.longitude]);
      if (all.length) map.fitBounds(L.latLngBounds(all).pad(0.2), { maxZoom: 6 });
      node.dataset.ready = String(points.length);
      node.dataset.placesShown = String(places.items.length);
    })
    .catch((error) => {
      node.dataset.ready = "error";
      list.append(el("li", "Could not load the map: " + error));
    });
})();
