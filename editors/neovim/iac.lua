-- iac in Neovim's built-in LSP client (Neovim 0.7 or newer).
-- Put this file on your runtimepath (e.g. ~/.config/nvim/lua/iac.lua) and call
--   require("iac").setup({ cmd = { "iac", "lsp" } })
-- Commands: :IacPreview [cfn|terraform|cdk] opens the generated file in a split that
-- follows every change; :IacSource jumps from a preview line back to its statement.
local M = {}

local previews = {} -- preview buffer -> { source = uri, target = ..., path = ... }

local function client_for(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == "iac" then
      return client
    end
  end
end

local function fill(buf, text)
  vim.api.nvim_buf_set_option(buf, "modifiable", true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, "\n", { plain = true }))
  vim.api.nvim_buf_set_option(buf, "modifiable", false)
end

local function show(result)
  for buf, info in pairs(previews) do
    if info.source == result.uri and info.target == result.target and vim.api.nvim_buf_is_valid(buf) then
      for _, file in ipairs(result.files) do
        if file.path == info.path then
          fill(buf, file.text)
        end
      end
    end
  end
end

function M.preview(target)
  target = target ~= "" and target or "cfn"
  local src = vim.api.nvim_get_current_buf()
  local client = client_for(src)
  if not client then
    return vim.notify("iac: no language server on this buffer", vim.log.levels.WARN)
  end
  local uri = vim.uri_from_bufnr(src)
  local res = client.request_sync("iac/preview", { uri = uri, target = target }, 10000, src)
  if not res or res.err then
    return vim.notify("iac: " .. vim.inspect(res and res.err), vim.log.levels.ERROR)
  end
  local main = { cfn = "template%.yaml$", terraform = "main%.tf$", cdk = "_stack%.py$" }
  for _, file in ipairs(res.result.files) do
    if file.text and file.path:match(main[target]) then
      vim.cmd("vsplit")
      local buf = vim.api.nvim_create_buf(false, true)
      vim.api.nvim_win_set_buf(0, buf)
      vim.api.nvim_buf_set_name(buf, "iac-preview://" .. target .. "/" .. file.path)
      previews[buf] = { source = uri, target = target, path = file.path }
      fill(buf, file.text)
      vim.cmd("wincmd p")
      return buf
    end
  end
end

function M.source()
  local buf = vim.api.nvim_get_current_buf()
  local info = previews[buf]
  if not info then
    return
  end
  local src = vim.uri_to_bufnr(info.source)
  local client = client_for(src)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local res = client.request_sync("iac/generatedToSource", {
    uri = info.source, target = info.target, path = info.path,
    position = { line = row - 1, character = col },
  }, 10000, src)
  if res and res.result and res.result ~= vim.NIL then
    vim.lsp.util.jump_to_location({ uri = res.result.uri, range = res.result.range }, "utf-16")
  end
end

function M.setup(opts)
  opts = opts or {}
  vim.filetype = vim.filetype or {}
  vim.cmd([[autocmd BufRead,BufNewFile *.iac setfiletype iac]])
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "iac",
    callback = function(args)
      local id = vim.lsp.start_client({
        name = "iac",
        cmd = opts.cmd or { "iac", "lsp" },
        cmd_env = opts.cmd_env,
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h"),
        init_options = opts.init_options or { debounceMs = 50 },
        handlers = { ["iac/previewDidChange"] = function(_, result) show(result) end },
      })
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
  vim.api.nvim_create_user_command("IacPreview", function(c) M.preview(c.args) end, { nargs = "?" })
  vim.api.nvim_create_user_command("IacSource", M.source, {})
end

return M
