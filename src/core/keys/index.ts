/** Keys: the algorithm registry, parsing, importing, generating and exporting keys. */
export {
  algorithmSpec,
  algorithmsForKey,
  describeKey,
  signatureBytesFor,
  SIGNING_ALGORITHMS,
  supportedAlgorithmList,
  type AlgorithmFamily,
  type AlgorithmSpec,
  type CurveName,
  type HashName,
  type SigningAlgorithm,
} from './algorithms'
export type { GeneratedPair, KeyHandle, KeyMaterial, KeyPurpose, MaterialKey, SignatureImplementation } from './signature-implementation'
export { checkKeyFits, importForAlgorithm, type ImportErrorCode } from './import'
export { parseKey, toPem, type ParseKeyErrorCode, type ParseKeyOptions } from './parse'
export { parsedKeyFromJwk, parsedSecret, PRIVATE_MEMBERS, type JwkErrorCode } from './jwk-key'
export { jwkThumbprint, type ThumbprintErrorCode } from './thumbprint'
export { exportJwks, exportKeyText, type ExportErrorCode, type KeyTextFormat } from './export'
export { generateKey, generateSigningKey, type GenerateErrorCode, type GenerateKeyOptions, type GeneratedSigningKey } from './generate'
export { classifyKeyText, type KeyPrivacy, type KeyPrivacyKind } from './key-privacy'
export { oid, readTopSequence, TAG, tlv } from './der'
