import type { LintRule } from '../lint'
import { jweHeaderRule } from '../lint/jwe-rules'

/**
 * The lint rules for encrypted tokens, for `lintToken`'s `extraRules`: they load with the JWE room,
 * so a page that never meets a JWE never carries them.
 */
export const jweLintRules: readonly LintRule[] = [jweHeaderRule]
