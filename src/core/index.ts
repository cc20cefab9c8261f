/**
 * The public surface of the JOSE engine: what the UI, workers and scripts may call. Everything
 * outside `src/core` imports from here only. Each room (`token/`, `keys/`, …) has its own face
 * (`index.ts`) for the other rooms; this list re-exports the part of those faces the app uses.
 */
export { err, ok, type CoreError, type Result } from './result'
export { isJsonObject, memberString, type JsonObject } from './json-object'
export { SECRET_ENCODINGS } from './types'
export type {
  CatalogueEntry,
  CheckVerdict,
  DecodedPart,
  DecodedSegment,
  DecodedToken,
  Diagnostic,
  Extraction,
  GeneratedKey,
  JsonMember,
  JsonValue,
  JWK,
  JwsAlgorithm,
  KeyFormat,
  KeyInput,
  KeyRef,
  ParsedKey,
  PolicyCheck,
  PolicyOptions,
  SecretEncoding,
  SegmentName,
  Severity,
  SignedToken,
  Verification,
} from './types'
export {
  algorithmSpec,
  algorithmsForKey,
  classifyKeyText,
  describeKey,
  exportJwks,
  exportKeyText,
  generateKey,
  generateSigningKey,
  parseKey,
  SIGNING_ALGORITHMS,
  type AlgorithmFamily,
  type AlgorithmSpec,
  type GenerateErrorCode,
  type GenerateKeyOptions,
  type GeneratedSigningKey,
  type KeyPrivacy,
  type KeyPrivacyKind,
  type KeyTextFormat,
  type ParseKeyErrorCode,
  type ParseKeyOptions,
  type SigningAlgorithm,
} from './keys'
export {
  base64urlDecode,
  base64urlEncode,
  compactJson,
  decodeToken,
  extractToken,
  formatJson,
  formatJsonValue,
  parseJsonText,
  MAX_JWS_SIGNATURES,
  parseJwsJson,
  readJwsJsonObject,
  reencodeToken,
  signJwsJson,
  signToken,
  verifyDetachedPayload,
  verifyJwsJson,
  verifyToken,
  verifyingEncodings,
  type DetachedErrorCode,
  type JwsJson,
  type JwsJsonErrorCode,
  type JwsJsonSignature,
  type ReencodedToken,
  type ReencodeErrorCode,
  type ReencodeInput,
  type SignErrorCode,
  type SignInput,
  type JwsJsonSigner,
  type SignedJwsJson,
  type SignJwsJsonErrorCode,
  type SignJwsJsonInput,
  type TokenCandidate,
  type TokenExtraction,
  type VerifyErrorCode,
} from './token'
export {
  checkPolicy,
  describeMember,
  describeTime,
  headerJsonSchema,
  isoFromSeconds,
  liveCredentialHint,
  MAX_STORABLE_TOKEN_LENGTH,
  memberMarkdown,
  payloadJsonSchema,
  recogniseIssuer,
  tokenStorageDecision,
  type LiveCredentialHint,
  type MemberContext,
  type MemberDescription,
  type RecognisedIssuer,
  type VendorNote,
  type TimeInfo,
  type TokenOrigin,
  type TokenStorageDecision,
} from './claims'
export {
  bundledCandidates,
  CandidateBatchBuilder,
  countListCandidates,
  crackTargetFromToken,
  createCracker,
  createFastestCracker,
  runCrackJob,
  streamLines,
  type ChosenCracker,
  type CrackEngine,
  type CrackProgress,
  type GpuEntry,
  type CrackTarget,
  type FoundSecret,
  type HmacAlgorithm,
} from './crack'
export {
  lintToken,
  listFindings,
  loadCommonSecrets,
  onDemandLintRules,
  type Finding,
  type FindingSeverity,
  type LintContext,
  type LintRule,
  type ListedFinding,
  type PlacedDiagnostic,
  type ProblemPlace,
} from './lint'
export {
  attackCatalogue,
  attackInfo,
  craftAttack,
  type AttackId,
  type AttackInfo,
  type AttackInput,
  type AttackerKeyType,
  type CraftedToken,
} from './attacks'
export {
  challengeSucceeded,
  correctVerify,
  createPracticeEnv,
  hostDocument,
  practiceChallenges,
  verifyPractice,
  type Challenge,
  type MistakeId,
  type PracticeConfig,
  type PracticeEnv,
  type PracticeResult,
} from './practice'
export { explainToken, memberAtEncodedOffset, memberAtTextOffset, memberEncodedRange, type Base64Group, type ExplainStep } from './explain'
export {
  compareHops,
  DEFAULT_EXCHANGE_LIFETIME,
  delegationChain,
  exchangeToken,
  MAX_HOP_TOKENS,
  MIN_HOP_TOKENS,
  type DelegationChain,
  type DelegationParty,
  type HopCheck,
  type HopCheckId,
  type MayActCheck,
} from './delegation'
export { checkDpopProof, createDpopProof, DEFAULT_DPOP_MAX_AGE, type DpopCheck, type DpopCheckInput } from './dpop'
export { loadJwe, type JweModule } from './jwe/on-demand'
export { jweEnvelopeHeader } from './jwe/envelope-header'
export { DEFAULT_MAX_PBES2_COUNT, type JweDecryption, type JweDecryptInput, type JweSerialization, type JweStep, type JweStepId, type JweStepValue } from './jwe/types'
export { loadSdJwt, type SdJwtModule } from './sd-jwt/on-demand'
export { splitSdJwt } from './sd-jwt/split'
export type {
  ClaimVisibility,
  DisclosablePointer,
  Disclosure,
  DisclosureContent,
  IssuedSdJwt,
  KeyBindingExpectation,
  ProcessedClaim,
  ProcessedSdJwt,
  SdJwtCheck,
  SdJwtCheckId,
  SdJwtErrorCode,
  SdJwtForm,
  SdJwtIssueInput,
  SdJwtParts,
  SdJwtPresentInput,
  SdJwtSpan,
  SdJwtVerification,
  SdJwtVerifyInput,
  UndisclosedDigest,
} from './sd-jwt/types'
export { keyTextUrl, offersDiscovery } from './discovery/offer'
export { loadDiscovery, type DiscoveryModule } from './discovery/on-demand'
export { checkDiscoveryUrl } from './discovery/url-policy'
export type { DiscoveryErrorCode, DiscoveryPlan, DiscoveryStep, DiscoverySource, FetchedKeys, FetchKeysOptions, FetchLike } from './discovery/types'
export { loadX509, type X509Module } from './x509/on-demand'
export type { BasicConstraints, CertificateErrorCode, CertificateSummary, ChainCheck, ChainCheckId, ChainInput, ChainReport } from './x509/types'
export { loadOidcHashes, type OidcHashesModule } from './oidc-hashes/on-demand'
export type { OidcHashCheck, OidcHashClaim, OidcHashErrorCode, OidcHashFunction, OidcHashInput } from './oidc-hashes/types'
export { loadKeyStore, type KeyStoreModule } from './key-store/on-demand'
export type { KeyEntryOptions, KeyOrigin, KeyStoreEntry, KeyStoreErrorCode } from './key-store/types'
