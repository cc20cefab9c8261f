/**
 * Taking an SD-JWT text apart (RFC 9901 §4, §8) without hashing anything, each failure in plain
 * words. The cutting itself is in cut.ts, which first paint carries without these messages.
 */
import { err, ok, type Result } from '../result'
import { cutErrorCode, cutSdJwt, type CutFailure } from './cut'
import { MAX_DISCLOSURES } from './limits'
import type { SdJwtErrorCode, SdJwtParts } from './types'

export { looksLikeSdJwt } from './cut'

function describe(failure: CutFailure): string {
  switch (failure.code) {
    case 'NOT_SD_JWT':
      return failure.json
        ? 'The JSON is not an SD-JWT in JSON serialization: that is a JWS JSON object whose unprotected "header" has a "disclosures" array (RFC 9901 §8).'
        : "The text has no '~', so it is not an SD-JWT: an SD-JWT is the issuer-signed JWT followed by '~', each disclosure followed by '~', and optionally a Key Binding JWT."
    case 'TOO_MANY_DISCLOSURES':
      return `The SD-JWT has ${failure.count} disclosures; at most ${MAX_DISCLOSURES} are processed here. Real credentials carry a few dozen: check that the text is one SD-JWT.`
    case 'ISSUER_JWT_MALFORMED':
      return failure.parts === 0
        ? "The SD-JWT starts with '~': the issuer-signed JWT (header.payload.signature) must come first."
        : `The part before the first '~' has ${failure.parts} parts separated by '.', but the issuer-signed JWT is a signed JWT of 3 (header.payload.signature).`
    case 'EMPTY_DISCLOSURE':
      return `The SD-JWT has '~~' at position ${failure.position}: an empty disclosure. Each '~' ends one disclosure; remove the extra '~'.`
    case 'KB_JWT_MALFORMED':
      return `The part after the last '~' (position ${failure.position}) is not a Key Binding JWT (header.payload.signature). An SD-JWT without key binding ends with '~': if that part is a disclosure, add the '~' that ends it.`
    case 'JSON_SERIALIZATION_INVALID':
      return failure.missing.length > 0
        ? `The SD-JWT in JSON serialization has no string ${failure.missing.map((m) => `"${m}"`).join(', ')}: the issuer-signed JWT is made of "protected", "payload" and "signature" (RFC 9901 §8.1).`
        : `Entry ${failure.entry + 1} of "disclosures" is not a non-empty string: each entry is one disclosure, base64url text (RFC 9901 §8.1).`
    case 'JSON_KB_JWT_MALFORMED':
      return 'The "kb_jwt" of the unprotected header is not a Key Binding JWT in compact form (header.payload.signature).'
  }
}

/**
 * Cuts an SD-JWT text into the issuer-signed JWT, its disclosures and the Key Binding JWT (RFC 9901
 * §4: `<issuer-signed JWT>~<disclosure 1>~…~<disclosure N>~<optional KB-JWT>`), or reads the JSON
 * serialization (§8, flattened or general: `disclosures` and `kb_jwt` in the first unprotected
 * `header`). Surrounding whitespace is ignored; offsets point into `text` as given. Nothing is
 * decoded or hashed here: a disclosure that is not base64url JSON is reported when processing.
 * Refuses more than `MAX_DISCLOSURES` disclosures before splitting. Linear; never throws.
 */
export function splitSdJwt(text: string): Result<SdJwtParts, SdJwtErrorCode> {
  const cut = cutSdJwt(text)
  return cut.ok ? ok(cut.value) : err(cutErrorCode(cut.failure), describe(cut.failure))
}
