/**
 * Vendor claim dictionaries: the issuer of a token picks one, and its claims are then described
 * from the vendor's documentation.
 */
import { isJsonObject, type JsonObject } from '../../json-object'
import type { CatalogueEntry, JsonValue } from '../../types'
import { auth0 } from './auth0'
import { awsAlb } from './aws-alb'
import { cognito } from './cognito'
import { entra } from './entra'
import { google } from './google'
import { keycloak } from './keycloak'
import { okta } from './okta'
import type { MemberDescription, RecognisedIssuer, VendorClaim, VendorDictionary, VendorId } from './types'

/** Every dictionary, AWS ALB first: its header decides even though `iss` is another vendor's. */
export const vendorDictionaries: readonly VendorDictionary[] = [awsAlb, entra, google, cognito, keycloak, okta, auth0]

const byId = new Map<VendorId, VendorDictionary>(vendorDictionaries.map((d) => [d.id, d]))

const EMPTY: JsonObject = {}

/**
 * The identity provider that issued the token, recognised from the payload's `iss` (anchored on
 * the URL's origin and path, never a substring) and, for AWS ALB, the header's `signer`; null when
 * no dictionary recognises it. Takes any decoded values: non-objects count as empty.
 */
export function recogniseIssuer(header: JsonValue | undefined, payload: JsonValue | undefined): RecognisedIssuer | null {
  const h = isJsonObject(header) ? header : EMPTY
  const p = isJsonObject(payload) ? payload : EMPTY
  for (const dictionary of vendorDictionaries) {
    const match = dictionary.recognise(h, p)
    if (match === null) continue
    return {
      vendor: dictionary.id,
      name: dictionary.name,
      kind: match.kind,
      label: match.kind === null ? dictionary.name : `${dictionary.name} (${match.kind})`,
      documentation: dictionary.documentation,
      reference: dictionary.reference,
      notes: match.notes,
    }
  }
  return null
}

function isUrlName(name: string): boolean {
  for (const scheme of ['https://', 'http://']) {
    if (name.startsWith(scheme) && name.length > scheme.length && name.charAt(scheme.length) !== '/') return true
  }
  return false
}

/** The vendor's own claim entry for `name`, or the prefix or URL-name family it belongs to. */
function vendorClaim(dictionary: VendorDictionary, name: string, where: 'header' | 'payload'): VendorClaim | undefined {
  const list = where === 'header' ? (dictionary.headerMembers ?? []) : dictionary.claims
  const exact = list.find((claim) => claim.name === name)
  if (exact !== undefined || where === 'header') return exact
  const family = dictionary.prefixes?.find((p) => name.startsWith(p.prefix) && name.length > p.prefix.length)
  if (family !== undefined) return { name, title: family.title, description: family.description, type: 'any' }
  const urls = dictionary.urlNamedClaims
  if (urls !== undefined && isUrlName(name)) return { name, title: urls.title, description: urls.description, type: 'any' }
  return undefined
}

/**
 * The vendor's description of a member, or undefined when its dictionary has none. The vendor's
 * name ends the description; a name the catalogue also registers keeps the registered spec beside
 * the vendor's documentation.
 */
export function vendorMember(vendor: VendorId, name: string, where: 'header' | 'payload', registered: CatalogueEntry | undefined): MemberDescription | undefined {
  const dictionary = byId.get(vendor)
  const claim = dictionary === undefined ? undefined : vendorClaim(dictionary, name, where)
  if (dictionary === undefined || claim === undefined) return undefined
  const registeredSpec = registered !== undefined && !registered.spec.startsWith('Vendor-specific') ? registered.spec : null
  return {
    name,
    where,
    title: claim.title,
    description: `${claim.description} (${dictionary.name})`,
    spec: registeredSpec === null ? dictionary.documentation : `${dictionary.documentation}; ${registeredSpec}`,
    type: claim.type === 'any' && registered !== undefined ? registered.type : claim.type,
    reference: dictionary.reference,
    vendor: dictionary.id,
  }
}
