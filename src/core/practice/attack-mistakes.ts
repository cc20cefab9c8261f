import type { AttackId } from '../attacks'
import type { MistakeId } from './types'

/**
 * The practice-verifier mistake that accepts each attack's crafted tokens: the link from the attack
 * lab to the practice server lives here, so the attacks room knows nothing of practice.
 */
export const ATTACK_MISTAKES: Readonly<Record<AttackId, MistakeId>> = {
  'alg-none': 'acceptNone',
  'empty-hmac-secret': 'emptyHmacSecret',
  'key-confusion': 'algFromHeader',
  'embedded-jwk': 'trustHeaderJwk',
  'jku-injection': 'trustJku',
  'x5u-injection': 'trustJku',
  'kid-path-traversal': 'kidAsPath',
  'kid-sql-injection': 'kidAsSql',
  'kid-command-injection': 'kidAsCommand',
  'psychic-signature': 'psychicSignature',
  'claim-tampering': 'skipSignature',
}
