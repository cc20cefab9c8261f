/**
 * AWS Application Load Balancer: the `x-amzn-oidc-data` header it sends to targets after
 * authenticating a user. The header names the load balancer in `signer`; `iss` is the identity
 * provider's, so the header decides.
 */
import type { JsonObject } from '../../json-object'
import { isPlainName, stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch } from './types'

const REFERENCE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html'

/** ARN prefixes of load balancers in the AWS partitions. */
const SIGNER_PREFIXES = ['arn:aws:elasticloadbalancing:', 'arn:aws-us-gov:elasticloadbalancing:', 'arn:aws-cn:elasticloadbalancing:']

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** The region of the load balancer ARN in `signer`, `''` when unreadable, or null when it is not ALB's. */
function regionOf(header: JsonObject): string | null {
  const signer = stringOf(header, 'signer')
  const prefix = signer === undefined ? undefined : SIGNER_PREFIXES.find((p) => signer.startsWith(p))
  if (signer === undefined || prefix === undefined) return null
  const rest = signer.slice(prefix.length)
  const region = rest.slice(0, Math.max(0, rest.indexOf(':')))
  return isPlainName(region, '-') ? region : ''
}

function recognise(header: JsonObject): VendorMatch | null {
  const region = regionOf(header)
  if (region === null) return null
  const keyUrl = `https://public-keys.auth.elb.${region === '' ? '{region}' : region}.amazonaws.com/{kid}`
  return {
    kind: 'user claims from x-amzn-oidc-data',
    notes: [
      {
        id: 'alb-padding',
        title: 'Padded base64url segments',
        text: 'The load balancer pads its base64url segments with \'=\' characters. RFC 7515 base64url has no padding, so strict JWT libraries reject these tokens as malformed: remove the trailing \'=\' of each segment before decoding, and verify the signature over the segments exactly as received.',
        reference: REFERENCE,
      },
      {
        id: 'alb-key',
        title: 'The signing key comes from a regional URL',
        text: `The token is signed with ES256 by a key of the load balancer's region, published as a PEM public key at ${keyUrl} (kid from the header), not in a JWKS. Check that signer is your load balancer's ARN before trusting the key.`,
        reference: REFERENCE,
      },
    ],
  }
}

/** The claims AWS ALB writes in the header of its user claims token. */
export const awsAlb: VendorDictionary = {
  id: 'aws-alb',
  name: 'AWS Application Load Balancer',
  documentation: 'Elastic Load Balancing: authenticate users',
  reference: REFERENCE,
  recognise,
  claims: [],
  headerMembers: [
    c('signer', 'Signer', 'The ARN of the load balancer that signed the token: check it is yours.'),
    c('client', 'Client ID', 'The client ID the load balancer used at the identity provider.'),
    c('iss', 'Issuer', 'The identity provider\'s issuer (the payload\'s claims come from its user info endpoint).'),
    c('exp', 'Expiration time', 'When the token expires (seconds since 1970).', 'time'),
  ],
}
