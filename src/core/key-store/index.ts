/** The key store: named keys, their JWKS, and their encryption at rest. */
export { keyStoreEntries, keyStoreJwks, MAX_KEY_NAME_LENGTH, type KeyStoreJwksOptions } from './entries'
export { MAX_PBKDF2_ITERATIONS, openKeyStore, PBKDF2_ITERATIONS, sealKeyStore, SEALED_VERSION } from './seal'
export { KEY_ORIGINS, type KeyEntryOptions, type KeyOrigin, type KeyStoreEntry, type KeyStoreErrorCode } from './types'
