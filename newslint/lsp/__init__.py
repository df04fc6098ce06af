"""`newslint server`: a Language Server Protocol server for editors (docs/editors.md).

`positions` converts between newslint's places (1-based lines, code-point columns) and the
protocol's (0-based lines, columns in the negotiated code units, UTF-16 by default); `actions`
builds the edits of code actions (fixes and suppression comments); `server` wires them to pygls.
Everything here reaches linting through the Python API (`newslint.api`), as scripts do, so
the editor shows what `newslint check` reports. pygls is imported only by `server`, which only
`newslint server` imports.
"""
