/**
 * The JWE room's face: decryption (RFC 7516) with its steps, and the shapes the UI shows. The app
 * loads this room on demand (see `loadJwe` in the core's face), so its code stays out of first paint.
 */
export { decryptJwe, type JweDecryptErrorCode } from './decrypt'
export { CONTENT_ENCRYPTION, KEY_MANAGEMENT, REFUSED_ALGORITHMS, type ContentEncryptionSpec, type KeyManagementMode, type KeyManagementSpec } from './algorithms'
export { ctyIsJwt } from './nested'
export {
  DEFAULT_MAX_PBES2_COUNT,
  DEFAULT_MAX_PLAINTEXT_BYTES,
  type JweDecryptInput,
  type JweDecryption,
  type JweSerialization,
  type JweStep,
  type JweStepId,
  type JweStepValue,
} from './types'
export { encryptJwe, type EncryptErrorCode, type JweEncryptInput, type JweEncryption } from './encrypt'
export { generateEncryptionKey, type GeneratedEncryptionKey, type GenerateEncryptionKeyErrorCode } from './generate-key'
export { CONTENT_ENCRYPTION_ALGORITHMS, KEY_MANAGEMENT_ALGORITHMS } from './encryption-algorithms'
