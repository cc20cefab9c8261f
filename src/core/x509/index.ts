/** X.509 certificate chains (`x5c`): reading certificates and checking a chain. Loaded on demand. */
export { checkCertificateChain, readTrustedRoots } from './chain'
export { readCertificate, type Certificate } from './certificate'
export { verifyCertificateSignature } from './signature'
