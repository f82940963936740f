"""`iac run` on the seed pipeline: a small and a large upload take different paths
through the workflow's real ASL on moto's interpreter."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from iac import sim

PIPELINE = Path(__file__).resolve().parent.parent / "examples" / "local" / "pipeline"
TRANSCODER = f"{sys.executable} src/transcoder.py"


def test_small_and_large_uploads_take_different_paths() -> None:
    with sim.run(PIPELINE, containers={"transcode": TRANSCODER}) as app:
        app.put_object("uploads", "incoming/cat.jpg", size=1000)
        app.put_object("uploads", "incoming/film.mov", size=11 * 1024 * 1024)
        app.put_object("uploads", "elsewhere/ignored.txt", "outside the prefix")
        app.wait(60)

        runs = {e.input["detail"]["object"]["key"]: e for e in app.executions("process_upload")}
        assert set(runs) == {"incoming/cat.jpg", "incoming/film.mov"}  # the prefix filter held
        assert all(e.status == "SUCCEEDED" for e in runs.values())
        assert runs["incoming/cat.jpg"].path == [
            "If $.detail.object.size > 10MB",
            "Invoke thumbnail",
            "Publish media_ready",
        ]
        assert runs["incoming/film.mov"].path == [
            "If $.detail.object.size > 10MB",
            "Run transcode",
            "Publish media_ready",
        ]
        assert runs["incoming/film.mov"].input["detail"]["object"]["size"] == 11 * 1024 * 1024
        assert set(app.objects("renditions")) == {"thumbs/cat.jpg", "video/film.mov.mp4"}
        assert app.read_object("renditions", "thumbs/cat.jpg") == b"\0" * 64
        # the topic's subscriber saw both announcements
        assert app.rows("renditions_log") == [
            {"upload": "incoming/cat.jpg", "via": "thumbnail"},
            {"upload": "incoming/film.mov", "via": "transcode"},
        ]
        assert app.logs("thumbnail") == ["thumbnail thumbs/cat.jpg from 64 bytes"]
        transcoded = [line for line in app.log_lines() if "container transcode" in line]
        assert any("transcoded incoming/film.mov (11534336 bytes)" in line for line in transcoded)


def test_a_container_without_a_local_command_is_reported_and_can_fail_the_step() -> None:
    with sim.run(PIPELINE, missing_containers="fail") as app:
        workers = [w.process for f in app.local.functions.values() for w in f._idle]
        endpoint = app.endpoint
        app.put_object("uploads", "incoming/film.mov", size=11 * 1024 * 1024)
        app.wait(60)
        [run] = app.executions("process_upload")
        assert run.status == "FAILED"
        assert run.path == ["If $.detail.object.size > 10MB", "Run transcode"]
        assert app.rows("renditions_log") == []  # nothing was published
        reached = [line for line in app.log_lines() if "container transcode: reached" in line]
        assert reached and "RENDITIONS_BUCKET=pipeline-renditions" in reached[0]
        assert "SOURCE_BUCKET=pipeline-uploads" in reached[0]
    # nothing is left running: the handler workers ended, moto's port is closed
    assert workers and all(p.poll() is not None for p in workers)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(endpoint.rsplit(":", 1)[1])), timeout=2)
