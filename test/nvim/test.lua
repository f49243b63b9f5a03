-- Neovim 0.7 headless test of the fact checker's language server (run by run.sh):
-- start `node bin/factcheck.js lsp --stdio`, open a draft with a wrong figure, wait for
-- its diagnostics, hover the figure, apply the quick fix the way Neovim 0.7 asks for it
-- (the code-action context carries byte columns), and check the buffer and the new
-- diagnostics. Exits with :cquit 1 on any failure.
local root = assert(os.getenv('FACTCHECK_ROOT'), 'FACTCHECK_ROOT is not set')
local draft = assert(os.getenv('FACTCHECK_DRAFT'), 'FACTCHECK_DRAFT is not set')

local function log(msg)
  io.stderr:write('nvim: ' .. msg .. '\n')
end

local function wrong_values(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'wrong-value' then
      table.insert(out, d)
    end
  end
  return out
end

local function request(bufnr, client_id, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 20000)
  assert(responses, method .. ': ' .. tostring(err))
  local r = responses[client_id]
  assert(r and not r.err, method .. ' failed: ' .. vim.inspect(r))
  return r.result
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'factcheck',
    cmd = { 'node', root .. '/bin/factcheck.js', 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    settings = { factcheck = { languages = { 'markdown' } } },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  assert(vim.wait(60000, function() return #wrong_values(bufnr) > 0 end, 50),
    'no wrong-value diagnostic within 60 s: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  local d = wrong_values(bufnr)[1]
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
  -- Neovim converts the server's UTF-16 range to byte columns: it must underline the figure.
  local underlined = line:sub(d.col + 1, d.end_col)
  assert(underlined == '7.5%', 'the diagnostic underlines "' .. underlined .. '", not "7.5%"')
  assert(d.source == 'factcheck', 'source is ' .. tostring(d.source))
  log('diagnostic: ' .. d.message)

  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local hover = request(bufnr, client_id, 'textDocument/hover', vim.lsp.util.make_position_params())
  assert(hover and hover.contents and hover.contents.kind == 'markdown', 'no markdown hover: ' .. vim.inspect(hover))
  local md = hover.contents.value
  assert(md:find('北京商报', 1, true), 'the hover does not name the publisher: ' .. md)
  assert(md:find('**5.7%**', 1, true), 'the hover does not show the quote with the figure in bold: ' .. md)
  log('hover: ' .. #md .. ' bytes')

  -- What vim.lsp.buf.code_action() sends in 0.7: the cursor range and the line's diagnostics (byte columns).
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local actions = request(bufnr, client_id, 'textDocument/codeAction', params)
  local fix
  for _, a in ipairs(actions or {}) do
    if a.edit and a.title:find('5.7%', 1, true) then
      fix = a
    end
  end
  assert(fix, 'no quick fix writing 5.7%: ' .. vim.inspect(actions))
  log('applying: ' .. fix.title)
  vim.lsp.util.apply_workspace_edit(fix.edit, vim.lsp.get_client_by_id(client_id).offset_encoding)
  local fixed = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
  assert(fixed == '“十四五”以来，怀柔区GDP年均增长5.7%。', 'the line reads: ' .. fixed)

  assert(vim.wait(60000, function() return #wrong_values(bufnr) == 0 end, 50),
    'the wrong-value diagnostic stayed after the fix: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  log('OK')
end

local ok, err = xpcall(main, debug.traceback)
if ok then
  vim.cmd('qall!')
else
  log('FAIL ' .. tostring(err))
  vim.cmd('cquit 1')
end
