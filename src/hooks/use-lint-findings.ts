import { useEffect, useState } from 'react'
import {
  lintToken,
  loadCommonSecrets,
  type DecodedToken,
  type Finding,
  type FindingSeverity,
  type KeyInput,
  type SecretEncoding,
  type Severity,
} from '../core'
import { useAppStore } from '../store/app-store'
import { useDecodedToken } from './use-decoded-token'
import { useNow } from './use-now'
import { useParsedKey, type ParsedKeyState } from './use-parsed-key'

/** One security finding shown under the decode diagnostics. */
export interface LintFinding {
  readonly id: string
  readonly severity: Severity
  readonly message: string
}

/** What the lint gets besides the token: the parsed verification key and, for HMAC, the typed secret. */
export interface LintKeyContext {
  readonly keys: KeyInput | null
  readonly secretText: string | undefined
}

/**
 * The lint context of the verification key box. The typed text is passed as the secret only when it
 * was read as a UTF-8 HMAC secret: with another encoding the text is an encoding of the secret, and
 * comparing it with lists of common secrets would be wrong (the lint then looks at the bytes).
 */
export function lintKeyContext(keyText: string, encoding: SecretEncoding, parsed: ParsedKeyState): LintKeyContext {
  if (parsed.status !== 'ok') return { keys: null, secretText: undefined }
  const secretText = parsed.input.format === 'secret' && encoding === 'utf8' ? keyText : undefined
  return { keys: parsed.input, secretText }
}

const diagnosticSeverity: Readonly<Record<FindingSeverity, Severity>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'warning',
  info: 'info',
}

/** A finding as a `Diagnostics` item: critical and high are errors, medium and low warnings. */
export function toLintFinding(finding: Finding): LintFinding {
  return { id: finding.id, severity: diagnosticSeverity[finding.severity], message: finding.title }
}

// The findings panel and the Diagnostics list ask for the same findings in the same render: lint once.
let last: {
  token: DecodedToken
  keys: KeyInput | null
  secretText: string | undefined
  common: ReadonlySet<string> | undefined
  now: number
  findings: readonly Finding[]
} | null = null

/** Forgets the last lint run (it holds the token and key): "Forget everything" calls this. */
export function clearLintCache(): void {
  last = null
}

function lintCached(token: DecodedToken, context: LintKeyContext, common: ReadonlySet<string> | undefined, now: number): readonly Finding[] {
  if (
    last !== null && last.token === token && last.keys === context.keys && last.secretText === context.secretText &&
    last.common === common && last.now === now
  ) {
    return last.findings
  }
  const findings = token.token.trim() === ''
    ? []
    : lintToken(token, { keys: context.keys, secretText: context.secretText, commonSecrets: common, now })
  last = { token, keys: context.keys, secretText: context.secretText, common, now, findings }
  return findings
}

/**
 * The common-secret list, loaded only once an HMAC secret is being checked: it is large, and most
 * tokens never need it. Until it arrives, the well-known default JWT secrets are still recognised.
 */
function useCommonSecrets(needed: boolean): ReadonlySet<string> | undefined {
  const [common, setCommon] = useState<ReadonlySet<string> | undefined>(undefined)
  useEffect(() => {
    if (!needed || common !== undefined) return
    let live = true
    void loadCommonSecrets().then((set) => {
      if (live) setCommon(set)
    })
    return () => {
      live = false
    }
  }, [needed, common])
  return common
}

/** Time-based rules (a future `iat`) need "now", but not to the second. */
const CLOCK_INTERVAL_MS = 10_000

/**
 * Security findings (core `lintToken`) for the current token, the verification key and "now" (the
 * policy's time override or the clock), most severe first. Empty for an empty token.
 */
export function useSecurityFindings(): readonly Finding[] {
  const decoded = useDecodedToken()
  const keyText = useAppStore((s) => s.verificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const parsed = useParsedKey(keyText, encoding)
  const now = useNow(CLOCK_INTERVAL_MS)
  const context = lintKeyContext(keyText, encoding, parsed)
  const common = useCommonSecrets(context.keys?.format === 'secret')
  return lintCached(decoded, context, common, now)
}

/** Security findings as `Diagnostics` items (id, severity, message), listed after the decode problems. */
export function useLintFindings(): readonly LintFinding[] {
  return useSecurityFindings().map(toLintFinding)
}
