/**
 * The shape of a vendor claim dictionary: how to recognise an identity provider's tokens, what its
 * own claims mean (from its documentation) and which of its habits surprise verifiers.
 */
import type { CatalogueEntry } from '../../types'
import type { JsonObject } from '../../json-object'

/** The identity providers whose claims the app can explain. */
export type VendorId = 'entra' | 'keycloak' | 'google' | 'cognito' | 'auth0' | 'okta' | 'aws-alb'

/** One claim (or header member) a vendor documents. */
export interface VendorClaim {
  readonly name: string
  readonly title: string
  /** One line, without the vendor's name (it is appended when shown). */
  readonly description: string
  readonly type: CatalogueEntry['type']
}

/** A family of claims named by a common prefix, e.g. Entra's `xms_*` or Cognito's `custom:*`. */
export interface VendorClaimPrefix {
  readonly prefix: string
  readonly title: string
  readonly description: string
}

/** A habit of the vendor that matters to whoever verifies or reads its tokens. */
export interface VendorNote {
  /** Stable identifier, e.g. `alb-padding`. */
  readonly id: string
  readonly title: string
  /** Plain text (never markup). */
  readonly text: string
  /** The vendor's documentation of this behaviour. */
  readonly reference: string
}

/** What a dictionary recognises in a token: which kind of token it is, and the notes that apply. */
export interface VendorMatch {
  /** Words shown in brackets after the vendor's name, e.g. `v2.0 access token`; null when unknown. */
  readonly kind: string | null
  readonly notes: readonly VendorNote[]
}

/** One vendor's dictionary. */
export interface VendorDictionary {
  readonly id: VendorId
  /** The vendor's product name, e.g. `Microsoft Entra ID`. */
  readonly name: string
  /** Name of the documentation the descriptions come from, shown as the "defined in" of its claims. */
  readonly documentation: string
  /** URL of that documentation. */
  readonly reference: string
  /** Recognises a token of this vendor from its header and payload; null when it is not one. */
  readonly recognise: (header: JsonObject, payload: JsonObject) => VendorMatch | null
  readonly claims: readonly VendorClaim[]
  readonly headerMembers?: readonly VendorClaim[]
  readonly prefixes?: readonly VendorClaimPrefix[]
  /** True when a claim named with an absolute http(s) URL is the vendor's custom (namespaced) claim. */
  readonly urlNamedClaims?: VendorClaimPrefix
}

/** The identity provider recognised from a token's issuer (and, for AWS ALB, its header). */
export interface RecognisedIssuer {
  readonly vendor: VendorId
  /** The vendor's product name, e.g. `Microsoft Entra ID`. */
  readonly name: string
  /** E.g. `v2.0 access token`; null when the kind of token is not known. */
  readonly kind: string | null
  /** The name with the kind in brackets, e.g. `Microsoft Entra ID (v2.0 access token)`. */
  readonly label: string
  /** Name and URL of the vendor's claim documentation. */
  readonly documentation: string
  readonly reference: string
  /** Vendor quirks that apply to this token. */
  readonly notes: readonly VendorNote[]
}

/** A catalogue entry, or a vendor's description of a member, with the vendor's documentation URL. */
export interface MemberDescription extends CatalogueEntry {
  /** Documentation URL (vendor entries only). */
  readonly reference?: string
  /** The vendor whose dictionary described the member (vendor entries only). */
  readonly vendor?: VendorId
}
