import * as act from './lesson-actions'
import type { ActionOutcome } from './lesson-actions'

/** Which live readings a lesson shows next to its steps. */
export type LessonReading = 'signature' | 'expiry'

/** One step: what to notice, what the button does, and what the app shows afterwards. */
export interface LessonStep {
  readonly text: string
  readonly action?: () => Promise<ActionOutcome>
  /** Shown as "Expected: …" — the state the step leads to, in the app's own words. */
  readonly expected: string
}

export interface Lesson {
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly readings: readonly LessonReading[]
  readonly steps: readonly LessonStep[]
}

/** The bundled lessons (all content is in the app; nothing is fetched). */
export const lessons: readonly Lesson[] = [
  {
    id: 'anatomy',
    title: 'Anatomy of a JWT',
    summary: 'Three base64url parts joined by dots: a header, a payload of claims, and a signature over both.',
    readings: ['signature'],
    steps: [
      {
        text: 'Load the lesson token and its HS256 secret.',
        action: act.loadHs256Lesson,
        expected: 'The Encoded token shows three coloured parts separated by dots: header (red), payload (violet), signature (blue). The Signature says Signature verified.',
      },
      {
        text: 'Base64url is an encoding, not encryption: every claim can be read by anyone. Point at the "name" claim to see which characters of the token carry it.',
        action: act.pointAtName,
        expected: 'The characters that encode "name":"Ada Lovelace" are highlighted in the Encoded token and its Claims row is marked. Hover any claim or any part of the token to do the same.',
      },
      {
        text: 'Follow the token being built: JSON → UTF-8 bytes → base64url → signing input → signature.',
        action: act.openExplain,
        expected: 'The Explain panel opens above the debugger. Use Next (or the → key) to step through it.',
      },
    ],
  },
  {
    id: 'tamper',
    title: 'Why signatures matter (tamper and watch it fail)',
    summary: 'Anyone can edit a payload, but only the key holder can make the signature match again.',
    readings: ['signature'],
    steps: [
      {
        text: 'Load the lesson token: a normal user with "admin":false.',
        action: act.loadHs256Lesson,
        expected: 'The Signature says Signature verified.',
      },
      {
        text: 'Play the attacker: change "admin":false to "admin":true in the payload and keep the old signature.',
        action: act.tamperAdmin,
        expected: 'Now the Signature says Invalid signature: the payload changed, so the HMAC over it no longer matches.',
      },
      {
        text: 'Without the secret, the attacker re-signs with a guess.',
        action: act.resignWithGuess,
        expected: 'Still Invalid signature: a signature made with any other key does not verify.',
      },
      {
        text: 'Only the holder of the secret can sign the new payload.',
        action: act.resignWithSecret,
        expected: 'The Signature says Signature verified again, now for "admin":true. Whoever holds an HMAC secret can mint any token, so it must never leave the server.',
      },
    ],
  },
  {
    id: 'expiry',
    title: 'Expiry and clock skew',
    summary: 'exp is a time in seconds since 1970; verifiers reject the token from that second on, give or take a small allowed skew.',
    readings: ['signature', 'expiry'],
    steps: [
      {
        text: 'Load a token issued at 2030-01-01 00:00 UTC that expires one hour later. The clock is set to 00:30.',
        action: act.loadExpiryLesson,
        expected: 'The Expiry (exp) check says Pass: Expires in 30 minutes.',
      },
      {
        text: 'Move the clock to 30 seconds after exp.',
        action: act.jumpPastExpiry,
        expected: 'The Expiry (exp) check says Fail: Expired 30 seconds ago. The signature is still verified: expiry is checked separately.',
      },
      {
        text: "Servers' clocks differ a little, so verifiers allow some clock skew. Allow 60 seconds.",
        action: act.allowSkew,
        expected: 'The Expiry (exp) check says Pass again: expired 30 seconds ago, but within the allowed clock skew 60 s. Keep skew small: it extends every token’s life.',
      },
      {
        text: 'Go back to the real clock and no skew.',
        action: act.realTime,
        expected: 'The token (exp 2030-01-01T01:00:00Z) is valid today; the time checks use the real time again.',
      },
    ],
  },
  {
    id: 'keys',
    title: 'Symmetric vs asymmetric keys',
    summary: 'HMAC uses one shared secret to sign and verify; RSA, ECDSA and EdDSA sign with a private key and verify with a public one.',
    readings: ['signature'],
    steps: [
      {
        text: 'Load the HS256 token. The Verification key and the Signing key hold the same secret: whoever can verify can also sign.',
        action: act.loadHs256Lesson,
        expected: 'The Signature says Signature verified, with the shared secret.',
      },
      {
        text: 'Switch to RS256: a key pair is generated in this browser, the token is signed with the private key.',
        action: act.switchToRs256,
        expected: 'The Signature says Signature verified. The Verification key is now a PUBLIC KEY (safe to publish, it can only verify) and the Signing key a PRIVATE KEY.',
      },
      {
        text: 'Try verifying the RS256 token with the HMAC secret instead.',
        action: act.verifyRsWithSecret,
        expected: 'The Signature says Signature not checked: a shared secret cannot verify RS256, which needs an RSA key.',
      },
      {
        text: 'Put the public key back.',
        action: act.restorePublicKey,
        expected: 'The Signature says Signature verified again.',
      },
    ],
  },
  {
    id: 'none',
    title: 'The none algorithm',
    summary: '"alg":"none" means an unsecured token with no signature. A verifier that trusts the header’s alg would accept any forgery.',
    readings: ['signature'],
    steps: [
      {
        text: 'Load the signed lesson token.',
        action: act.loadHs256Lesson,
        expected: 'The Signature says Signature verified.',
      },
      {
        text: 'Set the header to "alg":"none" and drop the signature (the token now ends with a dot).',
        action: act.setAlgNone,
        expected: "The Signature says Signature not checked: the token is unsecured (alg 'none'). Security findings flag it. A verifier must decide which algorithms it accepts and never take none from the token.",
      },
      {
        text: 'Restore the signed token.',
        action: act.loadHs256Lesson,
        expected: 'The Signature says Signature verified.',
      },
    ],
  },
  {
    id: 'selective-disclosure',
    title: 'Selective disclosure (SD-JWT)',
    summary: 'The issuer signs salted digests of claims; the holder reveals only the disclosures a verifier needs; the verifier learns those claims and nothing else but how many digests there are.',
    readings: ['signature'],
    steps: [
      {
        text: 'Play the issuer: sign a credential whose given_name, family_name, birthdate and email are selectively disclosable. Keys for the issuer and the holder are generated in this browser.',
        action: act.issueSdJwtLesson,
        expected: 'The Encoded token is the issuer-signed JWT followed by four disclosures, each ending in "~". The Signature says Signature verified: the issuer signed the JWT. The SD-JWT panel lists the four disclosures in the Disclosures table.',
      },
      {
        text: 'Look at what the issuer signed: in the SD-JWT panel, the Issuer-signed payload has no given_name at all, only an "_sd" array of digests, "_sd_alg" and the holder key in "cnf". Each digest is the SHA-256 of one disclosure, a base64url [salt, name, value] shown in the Disclosures table.',
        expected: 'The Issuer-signed payload shows iss, iat, cnf, _sd_alg and four digests in _sd; the Processed payload shows the claims the digests stand for, marked disclosed.',
      },
      {
        text: 'Play the holder: present the credential to a verifier, revealing only given_name and birthdate, and sign a key binding JWT for the verifier\'s audience and nonce with the holder key.',
        action: act.presentSdJwtLesson,
        expected: 'The Encoded token now holds two disclosures and ends with a key binding JWT (SD-JWT+KB). The Claim visibility table marks given_name and birthdate disclosed, and two digests withheld.',
      },
      {
        text: 'Think like the verifier: it can check every revealed claim against the signed digests, and the key binding proves the holder\'s key signed this very presentation. It cannot learn family_name or email: each digest is salted, so guessing a value does not help, and decoy digests would even hide how many claims there are.',
        expected: 'In the SD-JWT panel, type https://verifier.example.org as Key binding audience and lesson-nonce-1234 as Key binding nonce: the SD-JWT verdict says SD-JWT accepted.',
      },
      {
        text: 'Play a dishonest holder: change the disclosed birthdate to a later date, keeping its salt and name.',
        action: act.tamperSdJwtLesson,
        expected: 'The SD-JWT verdict says SD-JWT not accepted: the edited disclosure\'s digest is in no _sd array, so its row in the Disclosures table says Not referenced, and the key binding\'s sd_hash no longer matches.',
      },
    ],
  },
]
