-- Drives Neovim's built-in LSP client (Neovim 0.7 API) against `packd lsp`, headless, for NeovimLspTests.
-- Environment: PACKD_LSP_EXE (the packd to start), PACKD_LSP_PROJECT (a temp project with a broken pyproject.toml
-- and a requirements.txt), PACKD_LSP_FIXED (the text of a valid pyproject.toml), PACKD_LSP_OUT (where to write what
-- Neovim saw, as JSON). With PACKD_LSP_SCENARIO=requirements it only opens PACKD_LSP_FILE, a broken requirements
-- file, with PACKD_LSP_ROOT (a folder above the project) as the editor's root, and records its diagnostics.
-- Every wait has a timeout; whatever happens, the result file is written and Neovim quits.
local exe = os.getenv('PACKD_LSP_EXE')
local project = os.getenv('PACKD_LSP_PROJECT')
local fixed = os.getenv('PACKD_LSP_FIXED')
local out = os.getenv('PACKD_LSP_OUT')
local scenario = os.getenv('PACKD_LSP_SCENARIO') or 'pyproject'
local timeout = 60000
local result = { steps = {} }

local function step(name) table.insert(result.steps, name) end

local function diagnostics_of(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = lsp.code,
    })
  end
  return list
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 15000) or {}
  for _, response in pairs(responses) do
    if response.err then return { error = response.err.message } end
    return response.result
  end
  return nil
end

local function open(path, client)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  return buf
end

local function main()
  local client = vim.lsp.start_client({ name = 'packd', cmd = { exe, 'lsp' }, root_dir = project })
  assert(client, 'vim.lsp.start_client returned nil')
  step('started')

  local pyproject = open(project .. '/pyproject.toml', client)
  result.diagnostics_received = vim.wait(timeout, function() return #vim.diagnostic.get(pyproject) > 0 end, 50)
  result.broken = diagnostics_of(pyproject)
  step('diagnostics')

  -- Line 10 (0-based 9) is '    "flask>=3.0",' in the fixture: hover inside the string.
  local uri = vim.uri_from_bufnr(pyproject)
  result.pyproject_hover = request(pyproject, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 9, character = 8 } })
  step('pyproject hover')

  local requirements = open(project .. '/requirements.txt', client)
  result.requirements_hover = request(requirements, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(requirements) }, position = { line = 1, character = 3 } })
  step('requirements hover')

  -- Fix the file in the editor and save it: the daemon sees the save, rebuilds, and the diagnostics must clear.
  vim.cmd('buffer ' .. pyproject)
  vim.api.nvim_buf_set_lines(pyproject, 0, -1, false, vim.split(fixed, '\n', { plain = true }))
  vim.cmd('write')
  result.cleared = vim.wait(timeout, function() return #vim.diagnostic.get(pyproject) == 0 end, 50)
  result.after_fix = diagnostics_of(pyproject)
  step('cleared')

  -- The code lens follows build/finished; poll it until the rebuilt project's success shows.
  local title
  vim.wait(timeout, function()
    local lenses = request(pyproject, 'textDocument/codeLens', { textDocument = { uri = uri } }) or {}
    title = lenses[1] and lenses[1].command and lenses[1].command.title
    return title ~= nil and title:find('succeeded', 1, true) ~= nil
  end, 200)
  result.code_lens = title
  step('code lens')

  vim.lsp.stop_client(client)
  result.stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
end

-- A requirements file deeper than the editor's root: packd lsp must find its project by walking up.
local function requirements_scenario()
  local client = vim.lsp.start_client({ name = 'packd', cmd = { exe, 'lsp' }, root_dir = os.getenv('PACKD_LSP_ROOT') })
  assert(client, 'vim.lsp.start_client returned nil')
  local buf = open(os.getenv('PACKD_LSP_FILE'), client)
  result.diagnostics_received = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  result.broken = diagnostics_of(buf)
  table.sort(result.broken, function(a, b) return a.lnum < b.lnum end)
  vim.lsp.stop_client(client)
  result.stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(scenario == 'requirements' and requirements_scenario or main)
    if not ok then result.error = tostring(err) end
    local file = assert(io.open(out, 'w'))
    file:write(vim.fn.json_encode(result))
    file:close()
    vim.cmd('qall!')
  end,
})
