/**
 * Every regular expression in `src/` and why its running time is linear in the text it runs on
 * (or why that text is short). Tokens, keys, links, word lists and stored values are hostile input:
 * one backtracking pattern on them freezes the tab, and because tokens are stored, every later start
 * too. `user-input-patterns.test.ts` scans the source for regular expression literals and
 * `new RegExp` calls and fails when this list and the code differ, and runs each pattern on a
 * megabyte of its worst text.
 *
 * A pattern counts as linear here when one of these holds:
 * - **one character**: it matches a single character (a class or a literal), one step per position;
 * - **bounded**: every match is at most a few dozen characters long (`{m,n}`, fixed alternatives,
 *   short lookarounds), so each start position costs a constant;
 * - **anchored**: `^` (no `m` flag) allows one start position, and what follows backs off at most
 *   once over the text;
 * - **disjoint runs**: an unbounded run that may back off starts only after a literal that the run
 *   cannot contain, so the runs tried from different start positions never overlap;
 * - **short input**: the code never gives it more than the stated number of characters.
 *
 * Patterns such as `x+$`, `\bunion\b[\s\S]*\bselect\b` or `(\d{3})+(?!\d)` on unbounded text are
 * quadratic (each start position rescans the rest); write a loop instead, as `trimDots` in
 * `token/extract.ts`, `withoutTrailingPadding` in `keys/secret.ts` and `unionThenSelect` in
 * `lint/header-rules.ts` do.
 */

/** One regular expression of the code base. */
export interface InputPattern {
  /** The file that writes it, from the repository root. */
  readonly file: string
  /** The pattern exactly as written (for one built with `new RegExp`, the same construction). */
  readonly pattern: RegExp
  /** What text it runs on. */
  readonly input: string
  /** Why its running time is linear in that text, or why the text is short. */
  readonly linear: string
  /** A near-match that, repeated to a megabyte, is the hardest text for this pattern. */
  readonly probe: string
  /** The longest text the code gives it, when the reason is short input. */
  readonly maxLength?: number
  /** True when the file builds it with `new RegExp` (the list then holds an equivalent pattern). */
  readonly built?: true
}

const ONE_CHAR = 'one character: one step per position'
const ANCHORED = 'anchored: one start position, one pass'
const BOUNDED = 'bounded: every match is a few characters long, constant work per start position'
const GLOBAL_RUN = 'a run of one character class, consumed once; a failing position costs one step'

/** The list; see the module comment for what the reasons mean. */
export const inputPatterns: readonly InputPattern[] = [
  // Components, features and the store.
  { file: 'src/components/monaco/monaco-setup.ts', built: true, pattern: /"(exp|nbf|iat|auth_time|updated_at)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, input: 'each line of the header and payload editors (hover)', linear: 'disjoint runs: every start is a quoted claim name, the spaces after it end at the colon, and a number needs no lookahead, so a start that found a digit never backs off', probe: '"exp": ' },
  { file: 'src/components/monaco/monaco-setup.ts', pattern: /^-?\d+$/, input: 'a number literal matched on an editor line', linear: ANCHORED, probe: '9' },
  { file: 'src/features/claims/claim-value.tsx', pattern: /\s+/, input: 'a scope claim (split into chips)', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/features/encoded-token/paste-policy.ts', pattern: /^[A-Za-z0-9_\-.+/=]*$/, input: 'the pasted token text', linear: ANCHORED, probe: 'a.' },
  { file: 'src/features/multi-hop/trusted-issuers.ts', pattern: /[\s,]+/, input: 'the trusted-issuer list typed by the user (split)', linear: GLOBAL_RUN, probe: ' ,' },
  { file: 'src/features/policy/policy-inputs.ts', pattern: /[\s,]+/, input: 'policy lists typed by the user (split)', linear: GLOBAL_RUN, probe: ' ,' },
  { file: 'src/features/sd-jwt/claim-tree.ts', pattern: /~/g, input: 'a member name of a disclosed SD-JWT payload (JSON pointer escaping)', linear: ONE_CHAR, probe: '~' },
  { file: 'src/features/sd-jwt/claim-tree.ts', pattern: /\//g, input: 'a member name of a disclosed SD-JWT payload (JSON pointer escaping)', linear: ONE_CHAR, probe: '/' },
  { file: 'src/features/sd-jwt/claim-tree.ts', pattern: /~1/g, input: 'one reference token of a claim pointer (unescaping)', linear: BOUNDED, probe: '~' },
  { file: 'src/features/sd-jwt/claim-tree.ts', pattern: /~0/g, input: 'one reference token of a claim pointer (unescaping)', linear: BOUNDED, probe: '~' },
  { file: 'src/features/sd-jwt/claim-visibility.ts', pattern: /^(0|[1-9]\d*)$/, input: 'one reference token of a claim pointer, at an array', linear: ANCHORED, probe: '9' },
  { file: 'src/features/practice/mistakes.ts', pattern: /^Rejected:\s*/, input: 'a practice verdict message (may quote the kid)', linear: ANCHORED, probe: ' ' },
  { file: 'src/store/persisted.ts', pattern: /^[a-z0-9][a-z0-9-]{0,63}$/, input: 'stored challenge ids', linear: `${ANCHORED}; at most 64 characters`, probe: 'a-' },

  // Attacks, claims, DPoP, explain.
  { file: 'src/core/attacks/craft.ts', pattern: /:$/, input: 'the protocol of a URL typed by the user', linear: BOUNDED, probe: ':' },
  { file: 'src/core/explain/jwe-steps.ts', pattern: /^A(128|192|256)GCM$/, input: 'a JWE header\'s enc', linear: ANCHORED, probe: 'A128' },
  { file: 'src/core/explain/jwe-steps.ts', pattern: /^A(128|192|256)CBC-HS(256|384|512)$/, input: 'a JWE header\'s enc', linear: ANCHORED, probe: 'A128CBC-HS' },
  { file: 'src/core/jwe/decrypt.ts', pattern: /192/, input: 'a JWE header\'s alg or enc (to name Chromium\'s missing AES-192)', linear: BOUNDED, probe: '19' },
  { file: 'src/core/jwe/key-management.ts', pattern: /192/, input: 'a JWE header\'s alg or enc (to name Chromium\'s missing AES-192)', linear: BOUNDED, probe: '19' },
  { file: 'src/core/jwe/envelope-header.ts', pattern: /\s+/g, input: 'the text before the first dot of a pasted compact JWE (line breaks removed)', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/jwe/encrypt.ts', pattern: /-/g, input: 'a base64url key value being decoded', linear: ONE_CHAR, probe: '-' },
  { file: 'src/core/jwe/encrypt.ts', pattern: /_/g, input: 'a base64url key value being decoded', linear: ONE_CHAR, probe: '_' },
  { file: 'src/core/jwe/encrypt.ts', pattern: /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2}$|^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/, input: 'the plaintext to encrypt (is it a compact token?)', linear: 'anchored: each alternative has one start position, and its runs exclude the dots that separate them, so they never back off into each other', probe: 'a.' },
  { file: 'src/core/jwe/nested.ts', pattern: /^[A-Za-z0-9_-]*$/, input: 'one part of a decrypted plaintext (is it a compact token?)', linear: ANCHORED, probe: 'a' },
  { file: 'src/core/jwe/parse-jwe.ts', pattern: /\s+/g, input: 'a pasted compact JWE (line breaks removed)', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/jwe/recipient-key.ts', pattern: /^[A-Za-z0-9_-]*$/, input: 'an oct JWK\'s k', linear: ANCHORED, probe: 'a' },
  { file: 'src/core/jwe/recipient-key.ts', pattern: /^[A-Za-z0-9_-]+$/, input: 'an RSA JWK\'s n', linear: ANCHORED, probe: 'a' },
  { file: 'src/core/lint/jwe-rules.ts', pattern: /-/g, input: 'a base64url epk coordinate being decoded', linear: ONE_CHAR, probe: '-' },
  { file: 'src/core/lint/jwe-rules.ts', pattern: /_/g, input: 'a base64url epk coordinate being decoded', linear: ONE_CHAR, probe: '_' },
  { file: 'src/core/lint/jwe-rules.ts', pattern: /^[A-Za-z0-9_-]*$/, input: 'an epk coordinate', linear: ANCHORED, probe: 'a' },
  { file: 'src/features/decryption/decryption-panel.tsx', pattern: /^A(128|192|256)(GCM)?KW$/, input: 'the JWE header\'s alg', linear: ANCHORED, probe: 'A128' },
  { file: 'src/features/decryption/secret-encodings.ts', pattern: /^A(128|192|256)(GCM)?KW$/, input: 'the JWE header\'s alg', linear: ANCHORED, probe: 'A128' },
  { file: 'src/core/attacks/header-edit.ts', pattern: /\s/, input: 'each character after a comma of a header being edited', linear: ONE_CHAR, probe: ' ' },
  { file: 'src/core/claims/live-credential.ts', pattern: /^https:\/\//i, input: 'the token\'s iss', linear: ANCHORED, probe: 'https:/' },
  { file: 'src/core/claims/live-credential.ts', pattern: /^[\d.]+$/, input: 'the host of the token\'s iss', linear: ANCHORED, probe: '1.' },
  { file: 'src/core/claims/time.ts', pattern: /\B(?=(\d{3})+(?!\d))/g, input: 'String(n) of a whole number n < 1e21 (larger ones are written with toExponential)', linear: 'short input: quadratic in the digits, but there are at most 21', maxLength: 21, probe: '9' },
  { file: 'src/core/claims/time.ts', pattern: /\.\d{3}Z$/, input: 'Date#toISOString output, not user text', linear: BOUNDED, probe: '.000Z' },
  { file: 'src/core/dpop/check-proof.ts', pattern: /^(application\/)?dpop\+jwt$/i, input: 'the proof\'s typ', linear: ANCHORED, probe: 'dpop+jwt' },
  { file: 'src/core/dpop/create-proof.ts', pattern: /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, input: 'the HTTP method typed by the user', linear: ANCHORED, probe: 'GET' },
  { file: 'src/core/dpop/htu.ts', pattern: /[A-Za-z0-9\-._~]/, input: 'one decoded character of a URL path', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/dpop/htu.ts', pattern: /%([0-9A-Fa-f]{2})/g, input: 'the path of a URL typed by the user or found in the proof', linear: BOUNDED, probe: '%2' },
  { file: 'src/core/explain/encoding-steps.ts', pattern: /[\r\n]/, input: 'the decoded header or payload text', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/explain/encoding-steps.ts', pattern: /-/g, input: 'base64url of the token\'s bytes', linear: ONE_CHAR, probe: '-' },
  { file: 'src/core/explain/encoding-steps.ts', pattern: /_/g, input: 'base64url of the token\'s bytes', linear: ONE_CHAR, probe: '_' },
  { file: 'src/core/explain/format.ts', pattern: /[\uD800-\uDBFF]/, input: 'one character of a value being cut', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/explain/member-range.ts', pattern: /^[A-Za-z0-9_\-+/]*=*$/, input: 'a header or payload segment as written in the token', linear: `${ANCHORED} (the class and = are disjoint)`, probe: 'A=' },

  // Keys.
  { file: 'src/core/keys/jwk-key.ts', pattern: /^[A-Za-z0-9_-]*$/, input: 'JWK members (n, e, x, y, d, k, …)', linear: ANCHORED, probe: 'A' },
  { file: 'src/core/keys/key-privacy.ts', pattern: /-----(BEGIN|END) ([^\r\n-]{0,80})-----/gi, input: 'the key text (to decide what may be stored or linked)', linear: BOUNDED, probe: '-----BEGIN ' },
  { file: 'src/core/keys/parse.ts', pattern: /^[A-Za-z0-9+/]+={0,2}$/, input: 'key text without armour, at most 64 KB', linear: `${ANCHORED} (the class and = are disjoint)`, probe: 'A' },
  { file: 'src/core/keys/parse.ts', pattern: /^[A-Za-z0-9_-]+$/, input: 'key text without armour, at most 64 KB', linear: ANCHORED, probe: 'A' },
  { file: 'src/core/keys/parse.ts', pattern: /^(?:0x)?[0-9a-fA-F]+$/, input: 'key text without armour, at most 64 KB', linear: ANCHORED, probe: '0' },
  { file: 'src/core/keys/parse.ts', pattern: /\s+/g, input: 'key text without armour, at most 64 KB', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/keys/parse.ts', pattern: /:/g, input: 'key text without armour, at most 64 KB', linear: ONE_CHAR, probe: ':' },
  { file: 'src/core/keys/parse.ts', pattern: /.{1,64}/g, input: 'base64 of DER bytes, not user text', linear: BOUNDED, probe: 'A' },
  { file: 'src/core/keys/pem.ts', pattern: /-----(BEGIN|END) ([^\r\n-]{0,80})-----/g, input: 'the key text', linear: BOUNDED, probe: '-----BEGIN ' },
  { file: 'src/core/keys/pem.ts', pattern: /-----(BEGIN|END) /, input: 'the key text', linear: BOUNDED, probe: '-----BEGIN' },
  { file: 'src/core/keys/pem.ts', pattern: /Proc-Type:\s*4\s*,\s*ENCRYPTED/i, input: 'the body of a PEM block', linear: 'disjoint runs: every start is the literal Proc-Type:, and the spaces tried after it end at the next non-space', probe: 'Proc-Type: ' },
  { file: 'src/core/keys/pem.ts', pattern: /\r?\n/, input: 'the body of a PEM block (split into lines)', linear: BOUNDED, probe: '\r' },
  { file: 'src/core/keys/secret.ts', pattern: /\s+/g, input: 'the HMAC secret text', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/keys/secret.ts', pattern: /^0x/i, input: 'the HMAC secret text', linear: ANCHORED, probe: '0x' },
  { file: 'src/core/keys/secret.ts', pattern: /[^0-9a-fA-F]/, input: 'the HMAC secret text', linear: ONE_CHAR, probe: '0' },
  { file: 'src/core/keys/secret.ts', pattern: /[^A-Za-z0-9+/]/, input: 'the HMAC secret text', linear: ONE_CHAR, probe: 'A' },
  { file: 'src/core/keys/secret.ts', pattern: /[^A-Za-z0-9_-]/, input: 'the HMAC secret text', linear: ONE_CHAR, probe: 'A' },
  { file: 'src/core/keys/secret.ts', pattern: /-/g, input: 'the HMAC secret text', linear: ONE_CHAR, probe: '-' },
  { file: 'src/core/keys/secret.ts', pattern: /_/g, input: 'the HMAC secret text', linear: ONE_CHAR, probe: '_' },

  // Lint.
  { file: 'src/core/lint/alg-rules.ts', pattern: /^HS(256|384|512)$/, input: 'the token\'s alg', linear: ANCHORED, probe: 'HS256' },
  { file: 'src/core/lint/alg-rules.ts', pattern: /^(RS|PS)(256|384|512)$/, input: 'the token\'s alg', linear: ANCHORED, probe: 'RS256' },
  { file: 'src/core/lint/header-rules.ts', pattern: /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[A-Za-z]:[\\/]|%2e%2e/i, input: 'the token\'s kid', linear: `${BOUNDED} (every alternative has a fixed length)`, probe: '../..' },
  { file: 'src/core/lint/header-rules.ts', pattern: /['"`;]|--|\/\*/, input: 'the token\'s kid', linear: BOUNDED, probe: '-/' },
  { file: 'src/core/lint/header-rules.ts', pattern: /\bunion\b/i, input: 'the token\'s kid', linear: BOUNDED, probe: 'union_' },
  { file: 'src/core/lint/header-rules.ts', pattern: /\bselect\b/i, input: 'the token\'s kid, after its first union', linear: BOUNDED, probe: 'select_' },
  { file: 'src/core/lint/header-rules.ts', pattern: /[|&;`$<>\n\r]/, input: 'the token\'s kid', linear: ONE_CHAR, probe: '(' },
  { file: 'src/core/lint/on-demand.ts', pattern: /\S/, input: 'the pasted token text (does it start with a brace?)', linear: ONE_CHAR, probe: ' ' },
  { file: 'src/core/lint/sd-jwt-rules.ts', pattern: /^[A-Za-z0-9_-]+$/, input: 'the salt of a disclosure', linear: ANCHORED, probe: 'a' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /[^a-z0-9]/g, input: 'payload member names', linear: ONE_CHAR, probe: '_' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, input: 'every payload string', linear: `${BOUNDED} (at most 37 characters)`, probe: '4 ' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/, input: 'every payload string', linear: `${BOUNDED} (11 characters)`, probe: '123-45-' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, input: 'every payload string', linear: 'disjoint runs: every start is the literal -----BEGIN, its words and spaces split only one way (the class has no space), and the run ends at the next - that a new start needs', probe: '-----BEGIN A ' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/, input: 'every payload string', linear: `${BOUNDED} (20 characters)`, probe: 'AKIA' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /[ -]/g, input: 'a card-number candidate (at most 37 characters)', linear: ONE_CHAR, probe: ' ' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /^[A-Za-z_$][\w$]*$/, input: 'the member names of the paths a finding shows', linear: ANCHORED, probe: 'a' },
  { file: 'src/core/lint/payload-rules.ts', pattern: /^\d{13,19}$/, input: 'the digits of a payload number (a big integer only between 10^12 and 10^19)', linear: `${ANCHORED}; at most 19 digits`, probe: '4' },

  // Key discovery, SD-JWT explanation, OpenID Connect hashes, certificates.
  { file: 'src/core/discovery/fetch-keys.ts', pattern: /-----BEGIN CERTIFICATE-----/, input: 'the body an x5u URL answered with', linear: `${BOUNDED} (27 characters)`, probe: '-----BEGIN CERTIFICATE----' },
  { file: 'src/core/discovery/fetch-keys.ts', pattern: /\/$/, input: 'the issuer a fetched metadata document names, and the pasted issuer address', linear: `${BOUNDED} (one character, then the end)`, probe: '/' },
  { file: 'src/core/discovery/offer.ts', pattern: /^https?:\/\/\S+$/i, input: 'the trimmed key box text (at most 2048 characters reach it)', linear: `${ANCHORED}: the run of non-spaces backs off over itself at most once, since $ can only hold at the end`, probe: 'https://a' },
  { file: 'src/core/discovery/plan.ts', pattern: /\/$/, input: 'the path of the token\'s iss (a URL of at most 2048 characters)', linear: `${BOUNDED} (one character, then the end)`, probe: '/' },
  { file: 'src/core/discovery/plan.ts', pattern: /jwks|certs|keys|\.json$/i, input: 'the path of the URL pasted in the key box', linear: `${BOUNDED} (fixed alternatives of at most 5 characters)`, probe: 'jwk' },
  { file: 'src/core/explain/sd-jwt-steps.ts', pattern: /~/g, input: 'a member name of a disclosed SD-JWT payload (JSON pointer escaping)', linear: ONE_CHAR, probe: '~' },
  { file: 'src/core/explain/sd-jwt-steps.ts', pattern: /\//g, input: 'a member name of a disclosed SD-JWT payload (JSON pointer escaping)', linear: ONE_CHAR, probe: '/' },
  { file: 'src/core/oidc-hashes/hashes.ts', pattern: /^(?:HS|RS|PS|ES)(256|384|512)$/, input: 'the ID token\'s alg', linear: ANCHORED, probe: 'HS256' },
  { file: 'src/core/x509/chain.ts', pattern: /^[A-Za-z0-9+/]+={0,2}$/, input: 'an x5c entry or a pasted trusted root, at most 200,000 characters', linear: `${ANCHORED} (the class and = are disjoint)`, probe: 'A' },
  { file: 'src/core/x509/chain.ts', pattern: /[-_]/, input: 'an x5c entry that is not base64 (to hint at base64url)', linear: ONE_CHAR, probe: 'A' },
  { file: 'src/core/x509/chain.ts', pattern: /\s+/g, input: 'the pasted trusted root text without PEM lines (at most 200,000 characters)', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/x509/chain.ts', pattern: /../g, input: 'the hex of a SHA-256 digest, not user text', linear: BOUNDED, probe: 'A' },
  { file: 'src/core/x509/der-reader.ts', pattern: /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/, input: 'the content of a certificate\'s UTCTime', linear: `${ANCHORED}; fixed length (13 characters)`, probe: '9' },
  { file: 'src/core/x509/der-reader.ts', pattern: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/, input: 'the content of a certificate\'s GeneralizedTime', linear: `${ANCHORED}; fixed length (15 characters)`, probe: '9' },
  { file: 'src/core/key-store/entries.ts', pattern: /^an? /, input: "a key's description (\"an RSA public key…\"), built by the core", linear: `${ANCHORED}; at most three characters are read`, probe: 'a' },

  // Practice verifier (the deliberately vulnerable one).
  { file: 'src/core/practice/verify-practice.ts', pattern: /[;&|\n`$]/, input: 'the token\'s kid', linear: ONE_CHAR, probe: '(' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /\\n/g, input: 'a printf argument from the kid', linear: BOUNDED, probe: '\\' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /\s/, input: 'one character of the SQL query built from the kid', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /[0-9]/, input: 'one character of the SQL query built from the kid', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /^[0-9]+/, input: 'the rest of the SQL query at a digit', linear: `${ANCHORED}; nothing follows the run, and the tokenizer moves past what it matched`, probe: '9' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /[A-Za-z_]/, input: 'one character of the SQL query built from the kid', linear: ONE_CHAR, probe: '9' },
  { file: 'src/core/practice/virtual-server.ts', pattern: /^[A-Za-z_][A-Za-z_0-9]*/, input: 'the rest of the SQL query at a letter', linear: `${ANCHORED}; nothing follows the run, and the tokenizer moves past what it matched`, probe: 'a' },

  // Token.
  { file: 'src/core/token/decode.ts', pattern: /^[\s]*[[{]/, input: 'the first 64 characters of a decoded part', linear: `${ANCHORED}; at most 64 characters`, maxLength: 64, probe: ' ' },
  { file: 'src/core/token/extract.ts', pattern: /^authorization[ \t]*:[ \t]*/i, input: 'the pasted text', linear: ANCHORED, probe: ' ' },
  { file: 'src/core/token/extract.ts', pattern: /^(bearer|dpop)[ \t]+/i, input: 'the pasted text', linear: ANCHORED, probe: ' ' },
  { file: 'src/core/token/extract.ts', pattern: /^(set-cookie|cookie)[ \t]*:[ \t]*/i, input: 'the pasted text', linear: ANCHORED, probe: ' ' },
  { file: 'src/core/token/extract.ts', pattern: /token|jwt|session/i, input: 'cookie names of a pasted Cookie header', linear: BOUNDED, probe: 'toke' },
  { file: 'src/core/token/extract.ts', pattern: /^[a-z][a-z0-9+.-]*:\/\//i, input: 'the pasted text', linear: `${ANCHORED} (the class has no colon)`, probe: 'a' },
  { file: 'src/core/token/extract.ts', pattern: /(?:^|[?#&;])(?:id_token|access_token|token|jwt)=/, input: 'the pasted text', linear: BOUNDED, probe: '&token' },
  { file: 'src/core/token/extract.ts', pattern: /\s/, input: 'the pasted text', linear: ONE_CHAR, probe: 'a' },
  { file: 'src/core/token/extract.ts', pattern: /\s+/g, input: 'the pasted text', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/token/extract.ts', pattern: /\s+/, input: 'the pasted text (split into words)', linear: GLOBAL_RUN, probe: ' ' },
  { file: 'src/core/token/header-checks.ts', pattern: /^application\//, input: 'the header\'s typ', linear: ANCHORED, probe: 'application' },
  { file: 'src/core/token/json.ts', pattern: /\.$/, input: 'a JSON error message, not user text', linear: BOUNDED, probe: '.' },
  { file: 'src/core/token/json.ts', pattern: /^-?\d+$/, input: 'a number literal of a header or payload (at most 10,001 characters reach it)', linear: ANCHORED, probe: '9' },
  { file: 'src/core/token/json.ts', pattern: /[A-Z][a-z]/, input: 'the first two characters of a message', linear: BOUNDED, maxLength: 2, probe: 'Aa' },
  { file: 'src/core/token/reencode.ts', pattern: /"alg"\s*:\s*"([^"]*)"/, input: 'the header text typed in the editor', linear: 'disjoint runs: every start is the literal "alg", and the run of non-quotes tried after it ends at the next quote, which a new start needs', probe: '"alg":"' },
  { file: 'src/core/token/sign.ts', pattern: /^\s*[[{]/, input: 'the first 64 characters of the payload', linear: `${ANCHORED}; at most 64 characters`, maxLength: 64, probe: ' ' },
  { file: 'src/core/token/sign.ts', pattern: /\.$/, input: 'a JSON error message', linear: BOUNDED, probe: '.' },
  { file: 'src/core/token/verify.ts', pattern: /\.$/, input: 'a decoder diagnostic message (may quote the token)', linear: BOUNDED, probe: '.' },
]
