"""The language server end to end: the real `python -m iac.cli lsp` process over stdio,
driven by pygls's client, one test per capability."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from lsp_session import Session, pos
from lsprotocol import types as t

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    return tmp_path / "examples"


def run(root: Path, body: Callable[[Session], Awaitable[Any]], **options: Any) -> Any:
    async def go() -> Any:
        async with Session(root, options) as session:
            return await body(session)

    return asyncio.run(go())


def doc(uri: str) -> t.TextDocumentIdentifier:
    return t.TextDocumentIdentifier(uri=uri)


def test_diagnostics_on_open_change_and_save(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def body(s: Session) -> None:
        uri = s.open(path)
        assert await s.wait_diagnostics(uri) == []
        broken = text.replace("  timeout = 20s\n", "  timeout = 20s\n  memroy = 512MB\n", 1)
        s.change(uri, broken)
        diags = await s.wait_diagnostics(uri)
        assert [d.code for d in diags] == ["E102"]
        d = diags[0]
        assert d.severity == t.DiagnosticSeverity.Error
        assert d.range.start == pos(broken, "memroy")
        assert "did you mean `memory`?" in d.message
        assert d.code_description is not None
        assert d.code_description.href.endswith("docs/errors.md#e102")
        # a diagnostic with a secondary span: the queue hides messages too briefly
        slow = text.replace("visibility_timeout = 2m", "visibility_timeout = 10s")
        s.change(uri, slow)
        diags = await s.wait_diagnostics(uri)
        e114 = next(d for d in diags if d.code == "E114")
        assert e114.related_information and "times out" in e114.related_information[0].message
        assert "help: set `visibility_timeout" in e114.message
        s.change(uri, text)
        s.client.text_document_did_save(t.DidSaveTextDocumentParams(text_document=doc(uri)))
        assert await s.wait_diagnostics(uri) == []

    run(examples, body)


def test_a_folder_is_one_program_and_buffers_win(examples: Path) -> None:
    orders = examples / "orders"
    app = orders / "app.iac"

    async def body(s: Session) -> None:
        uri = s.open(app)
        assert await s.wait_diagnostics(uri) == []
        # an unsaved buffer of another file of the program wins over the disk
        intake = orders / "intake.iac"
        other = s.open(intake, intake.read_text() + "\nqueue orders_extra { visibility = 1 }\n")
        diags = await s.wait_diagnostics(other)
        assert [d.code for d in diags] == ["E102"]

    run(examples, body)


def test_completion_by_context(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def complete(s: Session, uri: str, body: str, marker: str) -> list[str]:
        s.change(uri, body)
        at = pos(body, marker, len(marker))
        got = await s.client.text_document_completion_async(
            t.CompletionParams(text_document=doc(uri), position=at)
        )
        assert isinstance(got, t.CompletionList)
        return [i.label for i in got.items]

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        top = await complete(s, uri, text + "\nfunc", "\nfunc")
        assert {"function", "queue", "on", "param", "function … { }"} <= set(top)
        attrs = await complete(s, uri, text.replace("  timeout = 20s\n", "  timeout = 20s\n  \n"),
                               "timeout = 20s\n  ")  # fmt: skip
        assert {"memory", "runtime", "arch", "allow", "env"} <= set(attrs)
        runtimes = await complete(s, uri, text.replace("timeout = 20s", "runtime = "),
                                  "runtime = ")  # fmt: skip
        assert '"python3.12"' in runtimes and '"nodejs20.x"' in runtimes
        units = await complete(s, uri, text.replace("timeout = 20s", "timeout = 20"),
                               "timeout = 20")  # fmt: skip
        assert units == ["20ms", "20s", "20m", "20h", "20d"]
        attr_of = await complete(s, uri, text.replace("orders.name,", "orders."), "= orders.")
        assert set(attr_of) == {"name", "arn", "stream_arn"}
        events = await complete(s, uri, text + "\non intake.", "on intake.")
        assert events == ["message"]
        targets = await complete(s, uri, text + "\non intake.message -> ", "message -> ")
        assert set(targets) == {"place_order", "get_order", "project_order", "pager"}
        ops = await complete(s, uri, text.replace("allow orders: write", "allow orders: "),
                             "allow orders: ")  # fmt: skip
        assert set(ops) == {"read", "write"}
        methods = await complete(s, uri, text.replace("  cors = true\n", "  cors = true\n  \n"),
                                 "cors = true\n  ")  # fmt: skip
        assert "POST" in methods and "throttle" in methods
        wf = text + "\nworkflow w {\n  invoke \n}\n"
        steps = await complete(s, uri, wf, "  invoke ")
        assert set(steps) == {"place_order", "get_order", "project_order", "pager"}
        options = await complete(
            s, uri, text + "\nworkflow w {\n  invoke pager {  }\n}\n", "invoke pager { "
        )
        assert {"retry", "result", "input", "callback", "heartbeat"} <= set(options)
        queue_options = await complete(
            s, uri, text + "\nworkflow w {\n  send intake {  }\n}\n", "send intake { "
        )
        assert "input" in queue_options and "callback" not in queue_options
        words = await complete(s, uri, text + "\nworkflow w {\n  \n}\n", "workflow w {\n  ")
        assert {"set", "try", "invoke", "wait"} <= set(words)

    run(examples, body)


def test_hover_kind_attribute_resource_and_iam(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def hover(s: Session, uri: str, needle: str, delta: int = 0) -> str:
        got = await s.client.text_document_hover_async(
            t.HoverParams(text_document=doc(uri), position=pos(text, needle, delta))
        )
        assert got is not None
        return str(got.contents.value)  # type: ignore[union-attr]

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        assert "Amazon SQS queue" in await hover(s, uri, "queue intake")
        assert "visibility_timeout" in await hover(s, uri, "visibility_timeout")
        res = await hover(s, uri, "queue intake", 7)
        assert "logical ID `Intake`" in res and "physical name `${stage}-shopev-intake`" in res
        assert "AWS::SQS::Queue" in res and "| `retention` | `4d` |" in res
        iam = await hover(s, uri, "allow orders: write")
        assert "dynamodb:PutItem" in iam and "IAM statements" in iam

    run(examples, body)


def test_navigation(examples: Path) -> None:
    orders = examples / "orders"
    name, text = "events.iac", (orders / "events.iac").read_text()
    target, decl_file = "orders", "orders.iac"  # declared in another file of the program

    async def body(s: Session) -> None:
        uri = s.open(orders / name)
        await s.wait_diagnostics(uri)
        at = pos(text, f"allow {target}", 6)
        loc = await s.client.text_document_definition_async(
            t.DefinitionParams(text_document=doc(uri), position=at)
        )
        assert isinstance(loc, t.Location) and loc.uri.endswith(decl_file)
        refs = await s.client.text_document_references_async(
            t.ReferenceParams(
                text_document=doc(uri),
                position=at,
                context=t.ReferenceContext(include_declaration=True),
            )
        )
        assert refs and len(refs) >= 2 and any(r.uri.endswith(decl_file) for r in refs)
        hl = await s.client.text_document_document_highlight_async(
            t.DocumentHighlightParams(text_document=doc(uri), position=at)
        )
        assert hl and all(h.range.start.line >= 0 for h in hl)
        syms = await s.client.text_document_document_symbol_async(
            t.DocumentSymbolParams(text_document=doc(uri))
        )
        assert syms and all(isinstance(x, t.DocumentSymbol) for x in syms)
        ws = await s.client.workspace_symbol_async(t.WorkspaceSymbolParams(query=target))
        assert ws and any(w.name == target for w in ws)

    run(examples, body)


def test_dead_letter_queue_definition_links_and_outline(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text() + "\nfunction dlq_reader {\n  code = \"src/shop_events/pager.py\"\n" \
        "  allow intake_dlq: receive\n}\n"  # fmt: skip
    path.write_text(text)

    async def body(s: Session) -> None:
        uri = s.open(path)
        diags = await s.wait_diagnostics(uri)
        assert [d.code for d in diags if d.severity == t.DiagnosticSeverity.Error] == []
        at = pos(text, "allow intake_dlq", 8)
        loc = await s.client.text_document_definition_async(
            t.DefinitionParams(text_document=doc(uri), position=at)
        )
        assert isinstance(loc, t.Location) and loc.range.start == pos(text, "max_receives")
        links = await s.client.text_document_document_link_async(
            t.DocumentLinkParams(text_document=doc(uri))
        )
        assert links and any(str(x.target).endswith("place_order.py") for x in links)
        syms = await s.client.text_document_document_symbol_async(
            t.DocumentSymbolParams(text_document=doc(uri))
        )
        names = {x.name for x in syms or []}  # type: ignore[union-attr]
        assert {"functions", "queues", "edges", "stage"} <= names

    run(examples, body)


def test_rename_across_files_and_refusals(examples: Path) -> None:
    orders = examples / "orders"
    name, text = "events.iac", (orders / "events.iac").read_text()
    target = "orders"

    async def body(s: Session) -> None:
        uri = s.open(orders / name)
        await s.wait_diagnostics(uri)
        at = pos(text, f"allow {target}", 6)
        prep = await s.client.text_document_prepare_rename_async(
            t.PrepareRenameParams(text_document=doc(uri), position=at)
        )
        assert prep is not None
        edit = await s.client.text_document_rename_async(
            t.RenameParams(text_document=doc(uri), position=at, new_name="renamed_thing")
        )
        assert edit is not None and edit.changes and len(edit.changes) >= 2  # across files
        for bad in ("Bad-Name", target):
            with pytest.raises(Exception, match="not a valid name|already its name"):
                await s.client.text_document_rename_async(
                    t.RenameParams(text_document=doc(uri), position=at, new_name=bad)
                )

    run(examples, body)


def test_rename_stateful_warns_and_collisions_refused(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        at = pos(text, "queue intake", 7)
        edit = await s.client.text_document_rename_async(
            t.RenameParams(text_document=doc(uri), position=at, new_name="jobs")
        )
        assert edit and edit.changes
        new_texts = [e.new_text for e in next(iter(edit.changes.values()))]
        # The declaration and its three uses (route, edge, output); the comment that
        # names `intake_dlq` is left alone, and no reference names the dead-letter queue.
        assert sorted(new_texts) == ["jobs"] * 4
        for _ in range(50):
            if s.messages:
                break
            await asyncio.sleep(0.1)
        assert any("will be replaced" in m for m in s.messages)
        with pytest.raises(Exception, match="already declared"):
            await s.client.text_document_rename_async(
                t.RenameParams(text_document=doc(uri), position=at, new_name="orders")
            )
        with pytest.raises(Exception, match="logical ID"):
            await s.client.text_document_rename_async(
                t.RenameParams(text_document=doc(uri), position=at, new_name="orders_")
            )
        dlq = text + "\nfunction r {\n  code = \"src/shop_events/pager.py\"\n" \
            "  allow intake_dlq: receive\n}\n"  # fmt: skip
        s.change(uri, dlq)
        with pytest.raises(Exception, match="rename `intake` instead"):
            await s.client.text_document_prepare_rename_async(
                t.PrepareRenameParams(
                    text_document=doc(uri), position=pos(dlq, "allow intake_dlq", 7)
                )
            )

    run(examples, body)


def test_code_actions(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def fixes(s: Session, uri: str, body: str, code: str) -> list[t.CodeAction]:
        s.change(uri, body)
        diags = await s.wait_diagnostics(uri)
        d = next(x for x in diags if x.code == code)
        got = await s.client.text_document_code_action_async(
            t.CodeActionParams(
                text_document=doc(uri), range=d.range, context=t.CodeActionContext(diagnostics=[d])
            )
        )
        return [a for a in got or [] if isinstance(a, t.CodeAction)]

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        typo = text.replace("  timeout = 20s\n", "  timeout = 20s\n  memroy = 512MB\n", 1)
        acts = await fixes(s, uri, typo, "E102")
        assert acts[0].title == "replace with `memory`"
        edits = next(iter(acts[0].edit.changes.values()))  # type: ignore[union-attr]
        assert edits[0].new_text == "memory" and edits[0].range.start == pos(typo, "memroy")
        slow = text.replace("visibility_timeout = 2m", "visibility_timeout = 10s")
        acts = await fixes(s, uri, slow, "E114")
        edit = next(iter(acts[0].edit.changes.values()))[0]  # type: ignore[union-attr]
        assert acts[0].title.startswith("set `visibility_timeout = ") and edit.new_text.endswith(
            "m"
        )
        nostream = text.replace("  stream = true\n", "")
        acts = await fixes(s, uri, nostream, "E120")
        edit = next(iter(acts[0].edit.changes.values()))[0]  # type: ignore[union-attr]
        assert "stream = true" in edit.new_text

    run(examples, body)


def test_semantic_tokens(examples: Path) -> None:
    path = examples / "shop_events.iac"

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        legend = s.init.capabilities.semantic_tokens_provider.legend  # type: ignore[union-attr]
        got = await s.client.text_document_semantic_tokens_full_async(
            t.SemanticTokensParams(text_document=doc(uri))
        )
        assert got is not None and len(got.data) % 5 == 0 and len(got.data) > 100
        kinds = {legend.token_types[got.data[i + 3]] for i in range(0, len(got.data), 5)}
        assert {"type", "variable", "property", "string", "comment", "keyword"} <= kinds

    run(examples, body)


def test_preview_source_map_both_ways_and_stale(examples: Path) -> None:
    path = examples / "shop_events.iac"
    text = path.read_text()

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        for target in ("cfn", "terraform", "cdk"):
            p = await s.request("iac/preview", {"uri": uri, "target": target})
            assert p["stale"] is False and p["target"] == target
            texts = {f["path"]: f.get("text") for f in p["files"]}
            main = {"cfn": "template.yaml", "terraform": "main.tf", "cdk": "shop_events_stack.py"}
            assert main[target] in texts
            kinds = {e["kind"] for e in p["sourceMap"]}
            assert {"resource", "iam"} <= kinds
            # source -> generated: the cursor on `queue intake` reveals the queue's block
            at = pos(text, "queue intake", 7)
            gen = await s.request(
                "iac/sourceToGenerated",
                {"uri": uri, "target": target,
                 "position": {"line": at.line, "character": at.character}},
            )  # fmt: skip
            assert gen and any(g["nodeId"] == "Intake" for g in gen)
            g = next(g for g in gen if g["nodeId"] == "Intake")
            lines = texts[g["path"]].split("\n")
            block = "\n".join(lines[g["range"]["start"]["line"] : g["range"]["end"]["line"] + 1])
            assert "shop_events.iac:26" in block
            # generated -> source: the middle of the block goes back to the statement
            mid = (g["range"]["start"]["line"] + g["range"]["end"]["line"]) // 2
            back = await s.request(
                "iac/generatedToSource",
                {"uri": uri, "target": target, "path": g["path"],
                 "position": {"line": mid, "character": 2}},
            )  # fmt: skip
            assert back["uri"] == uri and back["range"]["start"]["line"] == at.line
            # an allow line maps to its IAM statement
            al = pos(text, "allow orders: write")
            iam = await s.request(
                "iac/sourceToGenerated",
                {"uri": uri, "target": target,
                 "position": {"line": al.line, "character": al.character + 2}},
            )  # fmt: skip
            assert iam and all(x["kind"] == "iam" for x in iam)
        # while the program has errors the last good preview stays, marked stale
        s.change(uri, text.replace("timeout = 20s", "timeout = 20x"))
        changed = await s.wait_preview()
        assert changed["stale"] is True and changed["files"]
        s.change(uri, text.replace("memory  = 256MB", "memory  = 512MB"))
        fresh = await s.wait_preview()
        while fresh["stale"]:
            fresh = await s.wait_preview()
        assert any("512" in (f.get("text") or "") for f in fresh["files"])
        # the command, for clients without custom requests
        cmd = await s.client.workspace_execute_command_async(
            t.ExecuteCommandParams(command="iac.preview", arguments=[uri, "cfn"])
        )
        assert cmd is not None

    run(examples, body)


def test_workflow_states_in_the_source_map(examples: Path) -> None:
    folder = examples / "reports"
    path = folder / "workflows.iac"
    text = path.read_text()

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        p = await s.request("iac/preview", {"uri": uri, "target": "cfn"})
        states = [e for e in p["sourceMap"] if e["kind"] == "state"]
        assert states and all(e["source"]["uri"] == uri for e in states)
        first = states[0]["source"]["range"]["start"]
        step = text.split("\n")[first["line"]][first["character"] :]
        assert step.split()[0] in ("invoke", "run", "send", "publish", "put", "wait", "if",
                                   "parallel", "for", "succeed", "fail")  # fmt: skip

    run(examples, body)


def test_errors_in_handlers_are_answers_not_crashes(examples: Path) -> None:
    path = examples / "shop_events.iac"

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        with pytest.raises(Exception, match="unknown target"):
            await s.request("iac/preview", {"uri": uri, "target": "pulumi"})
        with pytest.raises(Exception):  # noqa: B017 - any LSP error is the point
            await s.request(
                "iac/sourceToGenerated", {"uri": uri, "target": "cfn", "position": {"line": "x"}}
            )
        # hostile input never kills the server
        for junk in ("{{{{", 'queue "', "on . -> \n", "\x00\ufeff", "function f {" * 70):
            s.change(uri, junk)
            await s.wait_diagnostics(uri)
        got = await s.client.text_document_hover_async(
            t.HoverParams(text_document=doc(uri), position=t.Position(line=0, character=0))
        )
        assert got is None or got.contents
        assert s.client.stopped is False

    run(examples, body)


def test_shutdown_and_exit_end_the_process(examples: Path) -> None:
    async def body(s: Session) -> int | None:
        await s.client.shutdown_async(None)
        s.client.exit(None)
        server = s.client._server
        assert server is not None
        return await asyncio.wait_for(server.wait(), 10)

    assert run(examples, body) == 0


def test_exit_without_shutdown_ends_the_process_with_1(examples: Path) -> None:
    async def body(s: Session) -> int | None:
        s.client.exit(None)
        server = s.client._server
        assert server is not None
        return await asyncio.wait_for(server.wait(), 10)

    assert run(examples, body) == 1


def test_tcp(examples: Path, tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "iac.cli", "lsp", "--tcp", f"127.0.0.1:{port}"],
        env={**__import__("os").environ, "PYTHONPATH": str(REPO)},
    )
    try:
        from pygls.lsp.client import LanguageClient

        async def go() -> t.InitializeResult:
            client = LanguageClient("tcp", "1")
            for _ in range(100):
                try:
                    await client.start_tcp("127.0.0.1", port)
                    break
                except OSError:
                    await asyncio.sleep(0.1)
            result = await client.initialize_async(t.InitializeParams(t.ClientCapabilities()))
            await client.shutdown_async(None)
            client.exit(None)
            return result

        result = asyncio.run(go())
        assert result.server_info and result.server_info.name == "iac"
        assert proc.wait(10) == 0  # `exit` after `shutdown` ends the server
    finally:
        proc.terminate()
        proc.wait(10)


def test_formatting_through_iac_fmt(examples: Path) -> None:
    path = examples / "shop_events.iac"
    messy = "queue   jobs {  retention=4d }\n"
    path.write_text(messy)

    async def body(s: Session) -> None:
        uri = s.open(path)
        await s.wait_diagnostics(uri)
        edits = await s.client.text_document_formatting_async(
            t.DocumentFormattingParams(
                text_document=doc(uri), options=t.FormattingOptions(tab_size=2, insert_spaces=True)
            )
        )
        from iac.fmt import format_source

        assert edits and edits[0].new_text == format_source(messy) != messy

    run(examples, body)
