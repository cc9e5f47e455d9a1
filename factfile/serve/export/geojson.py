"""GeoJSON: events with coordinates as point features, ready for a map (QGIS, Leaflet, geojson.io).

Events whose place is unknown or unresolved have no geometry and are left out of the collection.
"""

from __future__ import annotations

import json
from typing import TextIO

from factfile.read.events import find_events
from factfile.read.session import Snapshot
from factfile.serve.export import exporters
from factfile.serve.export.acled import acled_record


@exporters.register("geojson")
def export_geojson(session: Snapshot, out: TextIO, table: str = "events") -> int:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
            "properties": acled_record(row),
        }
        for row in find_events(session)
        if row.latitude is not None and row.longitude is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)
