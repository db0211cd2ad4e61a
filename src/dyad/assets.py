"""Static files, compressed: our own CSS and JS, plotly.js from the plotly wheel, Swagger UI and ReDoc from
the fastapi-offline wheel. Nothing comes from another host.

Each file is read and gzip-compressed once, on its first request, and kept in memory with an ETag, so
plotly.min.js (4.8 MB) goes out as 1.5 MB to every browser that accepts gzip, and not at all to one that
already holds it (304).
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from .query import NotFound

MIN_GZIP = 512  # smaller files are not worth compressing


class Assets:
    def __init__(self, roots: dict[str, Path], max_age: int = 3600):
        self.roots = {k: Path(v).resolve() for k, v in roots.items()}
        self.max_age = max_age
        self._cache: dict[Path, tuple[float, bytes, bytes | None, str]] = {}
        self._lock = threading.Lock()

    def path(self, root: str, name: str) -> Path:
        base = self.roots[root]
        p = (base / name).resolve()
        if base not in p.parents or not p.is_file():
            raise NotFound(f"no static file {name!r}")
        return p

    def _load(self, p: Path) -> tuple[float, bytes, bytes | None, str]:
        mtime = p.stat().st_mtime
        with self._lock:
            hit = self._cache.get(p)
            if hit and hit[0] == mtime:
                return hit
        raw = p.read_bytes()
        gz = gzip.compress(raw, compresslevel=6, mtime=0) if len(raw) >= MIN_GZIP else None
        entry = (mtime, raw, gz, '"' + hashlib.sha1(raw).hexdigest()[:20] + '"')
        with self._lock:
            self._cache[p] = entry
        return entry

    def response(self, request: Request, root: str, name: str) -> Response:
        p = self.path(root, name)
        _, raw, gz, etag = self._load(p)
        media = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "image/svg+xml"):
            media += "; charset=utf-8"
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={self.max_age}", "Vary": "Accept-Encoding"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        if gz is not None and "gzip" in request.headers.get("accept-encoding", ""):
            return Response(gz, media_type=media, headers={**headers, "Content-Encoding": "gzip"})
        return Response(raw, media_type=media, headers=headers)
