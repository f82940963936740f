"""A real editor as the client: headless Neovim (Debian's package) with its built-in LSP
client, set up by editors/neovim/iac.lua as docs/editor.md tells users to. It opens an
example with a mistake, receives the diagnostic, hovers, goes to a definition and asks
for a preview; the answers are written to a JSON file and checked here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import tools

REPO = Path(__file__).resolve().parent.parent

SCRIPT = r"""
local repo, file, out = os.getenv("IAC_REPO"), os.getenv("IAC_FILE"), os.getenv("IAC_OUT")
package.path = repo .. "/editors/neovim/?.lua;" .. package.path
local iac = require("iac")
iac.setup({
  cmd = { os.getenv("IAC_PYTHON"), "-m", "iac.cli", "lsp" },
  cmd_env = { PYTHONPATH = repo },
  init_options = { debounceMs = 10 },
})
local results = { version = vim.version() }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd("qa!")
end
local ok, err = pcall(function()
  vim.cmd("edit " .. file)
  local buf = vim.api.nvim_get_current_buf()
  local client
  vim.wait(30000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do client = c end
    return client ~= nil and client.initialized
  end, 50)
  results.attached = client ~= nil
  vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  results.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    local code = d.code or lsp.code
    table.insert(results.diagnostics, { code = code, lnum = d.lnum, message = d.message })
  end
  local function at(needle, delta)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    for i, line in ipairs(lines) do
      local s = line:find(needle, 1, true)
      if s then
        vim.api.nvim_win_set_cursor(0, { i, s - 1 + delta })
        return vim.lsp.util.make_position_params()
      end
    end
  end
  -- fix the mistake in the buffer (a didChange from a real editor): the errors go away
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find("memroy", 1, true) then
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, {})
      break
    end
  end
  results.cleared = vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  local hover = client.request_sync("textDocument/hover", at("queue intake", 7), 20000, buf)
  results.hover = hover and hover.result and hover.result.contents.value
  local def = client.request_sync("textDocument/definition", at("allow orders", 7), 20000, buf)
  results.definition = def and def.result
  local uri = vim.uri_from_bufnr(buf)
  local pv = client.request_sync("iac/preview", { uri = uri, target = "terraform" }, 30000, buf)
  results.preview_files = {}
  for _, f in ipairs(pv.result.files) do table.insert(results.preview_files, f.path) end
  results.preview_entries = #pv.result.sourceMap
  local pbuf = iac.preview("cfn")
  results.preview_buffer = table.concat(vim.api.nvim_buf_get_lines(pbuf, 0, 5, false), "\n")
end)
results.ok, results.err = ok, err and tostring(err)
finish()
"""


def nvim() -> str:
    """Neovim from PATH, or Debian's package installed once (root, under a lock)."""
    return tools.apt_binary("nvim", "neovim")


def test_neovim_as_client(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    path = tmp_path / "examples" / "shop_events.iac"
    text = path.read_text()
    path.write_text(text.replace("  timeout = 20s\n", "  timeout = 20s\n  memroy = 256MB\n", 1))
    script = tmp_path / "test.lua"
    script.write_text(SCRIPT)
    out = tmp_path / "results.json"
    env = dict(
        os.environ,
        IAC_REPO=str(REPO),
        IAC_FILE=str(path),
        IAC_OUT=str(out),
        IAC_PYTHON=sys.executable,
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    proc = subprocess.run(
        [nvim(), "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"],
        env=env, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert out.exists(), f"neovim wrote no results\n{proc.stdout}\n{proc.stderr}"
    results = json.loads(out.read_text())
    assert results["ok"], results["err"]
    assert results["attached"]
    assert [d["code"] for d in results["diagnostics"]] == ["E102"]
    assert "memroy" in results["diagnostics"][0]["message"]
    assert results["cleared"]
    assert "logical ID `Intake`" in results["hover"]
    definition = results["definition"]
    loc = definition[0] if isinstance(definition, list) else definition
    assert loc["uri"].endswith("shop_events.iac")
    line = text.split("\n")[loc["range"]["start"]["line"]]
    assert line.startswith("table orders")
    assert "main.tf" in results["preview_files"] and results["preview_entries"] > 10
    assert "AWSTemplateFormatVersion" in results["preview_buffer"]
