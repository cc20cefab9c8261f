/** Tokens: decoding, extracting, JSON texts, signing, verifying and raw signing for crafted tokens. */
export { decodeToken } from './decode'
export { byteRangeToEncodedRange, encodedRangeToByteRange, type OffsetRange } from './base64url'
export { base64urlDecode, base64urlEncode } from './base64url-codec'
export { byteOffsetToUtf16Offset, utf16OffsetToByteOffset } from './utf8'
export { extractToken, type TokenCandidate, type TokenExtraction } from './extract'
export {
  compactJson,
  describeJsonError,
  formatJson,
  formatJsonValue,
  parseJsonText,
  type DuplicateMember,
  type JsonError,
  type JsonErrorCode,
  type ParsedJson,
} from './json'
export { REGISTERED_HEADER_PARAMETERS, UNDERSTOOD_CRITICAL_PARAMETERS } from './header-checks'
export { base64urlTextProblem, type Base64urlProblem, type Base64urlProblemCode } from './strict-encoding'
export { signSigningInput, signToken, type SignErrorCode, type SignInput } from './sign'
export {
  signJwsJson,
  type JwsJsonSigner,
  type JwsJsonSignatureMembers,
  type SignedJwsJson,
  type SignJwsJsonErrorCode,
  type SignJwsJsonInput,
} from './sign-json'
export { verifyToken, type VerifyErrorCode } from './verify'
export {
  parseJwsJson,
  verifyDetachedPayload,
  verifyJwsJson,
  type DetachedErrorCode,
  type JwsJson,
  type JwsJsonErrorCode,
  type JwsJsonSignature,
} from './json-serialization'
export { MAX_JWS_SIGNATURES, readJwsJsonObject, type JwsJsonObject } from './jws-json-object'
export { verifyingEncodings } from './verifying-encodings'
export { reencodeToken, type ReencodeErrorCode, type ReencodeInput, type ReencodedToken } from './reencode'
export { asymmetricToken, equalBytes, hmac, hmacToken, rawSignature, signingInput, utf8, type HmacHash, type LabAlgorithm } from './raw-sign'
