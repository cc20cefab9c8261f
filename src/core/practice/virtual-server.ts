/**
 * The practice server's pretend back end: a file system, a shell and an SQL key table, emulated just
 * far enough for the classic `kid` injections to behave as they would on a real server. Nothing
 * here touches a real file, process or database.
 */

/** Folder the vulnerable verifier reads `kid` files from. */
export const KEY_FOLDER = '/srv/keys'

/**
 * Joins `name` to `folder` the way `path.join` does and normalises the result: `.` and empty parts
 * are dropped, `..` climbs one level (never above `/`). A leading `/` in `name` does not make it
 * absolute, exactly like `path.join`.
 */
export function joinPath(folder: string, name: string): string {
  const parts: string[] = []
  for (const part of `${folder}/${name}`.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return '/' + parts.join('/')
}

/** The content of a virtual file, or undefined when there is no such file. */
export function readFile(files: Readonly<Record<string, string>>, path: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined
}

/** What a virtual shell command line printed. */
export interface ShellOutput {
  readonly stdout: string
  readonly stderr: string
}

type Operator = ';' | '|' | '&&' | '||'

interface ShellCommand {
  readonly words: readonly string[]
  /** How this command joins the previous one (`;` for the first). */
  readonly after: Operator
}

/**
 * Runs a command line in a tiny shell: words with '…', "…" and backslash quoting; `;`, `|`, `&&`,
 * `||` and line breaks between commands; the commands `cat` (virtual files, or its input without
 * arguments), `echo` (with `-n`), `printf` (its format with `\n` escapes), `true` and `false`.
 * Anything else is "not found", as in `sh`.
 */
export function runShell(line: string, files: Readonly<Record<string, string>>): ShellOutput {
  let stdout = ''
  let stderr = ''
  let status = 0
  let piped: string | undefined
  const commands = parseCommandLine(line)
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i] as ShellCommand
    const next = commands[i + 1]
    if ((command.after === '&&' && status !== 0) || (command.after === '||' && status === 0)) continue
    const result = runCommand(command.words, piped ?? '', files)
    stderr += result.stderr
    status = result.status
    if (next?.after === '|') piped = result.stdout
    else {
      piped = undefined
      stdout += result.stdout
    }
  }
  return { stdout, stderr }
}

function parseCommandLine(line: string): ShellCommand[] {
  const commands: ShellCommand[] = []
  let words: string[] = []
  let word = ''
  let inWord = false
  let after: Operator = ';'
  const endWord = () => {
    if (inWord) words.push(word)
    word = ''
    inWord = false
  }
  const endCommand = (op: Operator) => {
    endWord()
    if (words.length > 0) commands.push({ words, after })
    words = []
    after = op
  }
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === "'") {
      const close = line.indexOf("'", i + 1)
      const end = close < 0 ? line.length : close
      word += line.slice(i + 1, end)
      inWord = true
      i = end
    } else if (c === '"') {
      inWord = true
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) i++
        word += line[i]
      }
    } else if (c === '\\') {
      word += line[++i] ?? ''
      inWord = true
    } else if (c === ' ' || c === '\t') {
      endWord()
    } else if (c === ';' || c === '\n') {
      endCommand(';')
    } else if (c === '&' && line[i + 1] === '&') {
      endCommand('&&')
      i++
    } else if (c === '|') {
      if (line[i + 1] === '|') {
        endCommand('||')
        i++
      } else endCommand('|')
    } else {
      word += c
      inWord = true
    }
  }
  endCommand(';')
  return commands
}

function runCommand(words: readonly string[], stdin: string, files: Readonly<Record<string, string>>): { stdout: string; stderr: string; status: number } {
  const [name, ...args] = words as [string, ...string[]]
  switch (name) {
    case 'cat': {
      if (args.length === 0) return { stdout: stdin, stderr: '', status: 0 }
      let stdout = ''
      let stderr = ''
      let status = 0
      for (const arg of args) {
        const content = readFile(files, joinPath('/', arg))
        if (content === undefined) {
          stderr += `cat: ${arg}: No such file or directory\n`
          status = 1
        } else stdout += content
      }
      return { stdout, stderr, status }
    }
    case 'echo': {
      const newline = args[0] !== '-n'
      const rest = newline ? args : args.slice(1)
      return { stdout: rest.join(' ') + (newline ? '\n' : ''), stderr: '', status: 0 }
    }
    case 'printf':
      return { stdout: (args[0] ?? '').replace(/\\n/g, '\n'), stderr: '', status: 0 }
    case 'true':
      return { stdout: '', stderr: '', status: 0 }
    case 'false':
      return { stdout: '', stderr: '', status: 1 }
    default:
      return { stdout: '', stderr: `sh: 1: ${name}: not found\n`, status: 127 }
  }
}

/** The outcome of a virtual SQL query: the selected `key` values, or a syntax error. */
export type SqlOutcome = { readonly ok: true; readonly rows: readonly string[] } | { readonly ok: false; readonly message: string }

interface SqlToken {
  readonly kind: 'word' | 'string' | 'number' | 'symbol'
  readonly text: string
}

/**
 * Runs `SELECT key FROM keys WHERE kid = '<kid>'` built by pasting `kid` into the quotes, as a
 * careless server does. The emulated grammar covers what injections use:
 * `SELECT key FROM keys WHERE kid = <value> [OR <value> = <value>] (UNION [ALL] SELECT <value>)* [;]`
 * with `--` and `#` comments, where values are 'strings' (with '' escapes) or numbers. Anything else
 * is a syntax error, as a database would report.
 */
export function runKeyQuery(kid: string, table: readonly { readonly kid: string; readonly key: string }[]): SqlOutcome {
  const query = `SELECT key FROM keys WHERE kid = '${kid}'`
  const tokens = tokenizeSql(query)
  if (tokens === undefined) return { ok: false, message: 'unterminated quoted string' }
  let at = 0
  const peek = () => tokens[at]
  const word = (w: string) => peek()?.kind === 'word' && peek()?.text.toUpperCase() === w
  const expectWord = (w: string) => {
    if (!word(w)) return false
    at++
    return true
  }
  const value = (): string | undefined => {
    const t = peek()
    if (t === undefined || (t.kind !== 'string' && t.kind !== 'number')) return undefined
    at++
    return t.text
  }
  const near = () => `syntax error at or near "${peek()?.text ?? 'end of query'}"`
  for (const w of ['SELECT', 'KEY', 'FROM', 'KEYS', 'WHERE', 'KID']) if (!expectWord(w)) return { ok: false, message: near() }
  if (peek()?.text !== '=') return { ok: false, message: near() }
  at++
  const wanted = value()
  if (wanted === undefined) return { ok: false, message: near() }
  let all = false
  if (expectWord('OR')) {
    const left = value()
    if (left === undefined || peek()?.text !== '=') return { ok: false, message: near() }
    at++
    const right = value()
    if (right === undefined) return { ok: false, message: near() }
    all = left === right
  }
  const rows = table.filter((row) => all || row.kid === wanted).map((row) => row.key)
  while (expectWord('UNION')) {
    expectWord('ALL')
    if (!expectWord('SELECT')) return { ok: false, message: near() }
    const extra = value()
    if (extra === undefined) return { ok: false, message: near() }
    rows.push(extra)
  }
  if (peek()?.text === ';') at++
  if (at < tokens.length) return { ok: false, message: near() }
  return { ok: true, rows }
}

function tokenizeSql(query: string): SqlToken[] | undefined {
  const tokens: SqlToken[] = []
  let i = 0
  while (i < query.length) {
    const c = query[i] as string
    if (/\s/.test(c)) i++
    else if (c === '-' && query[i + 1] === '-') i = lineEnd(query, i)
    else if (c === '#') i = lineEnd(query, i)
    else if (c === "'") {
      let text = ''
      let closed = false
      for (i++; i < query.length; i++) {
        if (query[i] === "'") {
          if (query[i + 1] === "'") {
            text += "'"
            i++
          } else {
            closed = true
            i++
            break
          }
        } else text += query[i]
      }
      if (!closed) return undefined
      tokens.push({ kind: 'string', text })
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(query.slice(i)) as RegExpExecArray
      tokens.push({ kind: 'number', text: m[0] })
      i += m[0].length
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(query.slice(i)) as RegExpExecArray
      tokens.push({ kind: 'word', text: m[0] })
      i += m[0].length
    } else {
      tokens.push({ kind: 'symbol', text: c })
      i++
    }
  }
  return tokens
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end < 0 ? text.length : end
}
