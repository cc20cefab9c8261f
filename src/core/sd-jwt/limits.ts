/** Bounds that keep hostile SD-JWTs from costing more than a glance (RFC 9901 leaves them to verifiers). */

/** Most disclosures one SD-JWT may carry here; beyond, the text is refused before any hashing. */
export const MAX_DISCLOSURES = 10_000

/** Deepest nesting of objects and arrays (payload and disclosed values together) that is processed. */
export const MAX_DEPTH = 64
