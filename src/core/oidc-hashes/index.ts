/** OpenID Connect hash claims (at_hash, c_hash, s_hash): recomputed from pasted values. */
export { checkOidcHashes, oidcHash, oidcHashClaims, oidcHashFunction } from './hashes'
