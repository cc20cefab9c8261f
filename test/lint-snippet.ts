import { ESLint } from 'eslint'

/** One problem the project's lint configuration reports: the rule (`parse` for a syntax error) and its message. */
export interface LintProblem {
  readonly ruleId: string
  readonly message: string
}

let eslint: ESLint | null = null

/**
 * Lints `code` as if it were the file at `filePath` (relative to the repository root) under the
 * project's own eslint.config.js, so a probe sees exactly the rules that file would get. The file
 * need not exist.
 */
export async function lintSnippet(filePath: string, code: string): Promise<readonly LintProblem[]> {
  eslint ??= new ESLint({ cwd: process.cwd(), overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'off' } } })
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId ?? 'parse', message: m.message }))
}
