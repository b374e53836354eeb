-- Headless Neovim as an LSP client of hoplint: attach the server to the file named in
-- HOPLINT_FILE, wait for its diagnostics, write them as JSON to HOPLINT_OUT and quit.
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
local file = os.getenv('HOPLINT_FILE')
local out = os.getenv('HOPLINT_OUT')
local cmd = { os.getenv('HOPLINT_NODE') or 'node', os.getenv('HOPLINT_BIN'), 'lsp', '--stdio' }
local root = vim.fn.fnamemodify(file, ':h')

local function finish(payload)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(payload))
  handle:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local config = { name = 'hoplint', cmd = cmd, root_dir = root }
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, client_id)
end

local received = vim.wait(20000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    severity = d.severity,
    code = d.code or lsp.code,
    message = d.message,
  })
end
table.sort(diagnostics, function(a, b)
  if a.lnum ~= b.lnum then return a.lnum < b.lnum end
  return tostring(a.code) < tostring(b.code)
end)
local client = vim.lsp.get_client_by_id(client_id)
finish({ received = received, client = client and client.name or vim.NIL, diagnostics = diagnostics })
