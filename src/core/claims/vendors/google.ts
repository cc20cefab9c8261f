/** Google: ID tokens from `https://accounts.google.com` (or, in older tokens, `accounts.google.com`). */
import type { JsonObject } from '../../json-object'
import { stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch } from './types'

const REFERENCE = 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload'

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const iss = stringOf(payload, 'iss')
  if (iss !== 'https://accounts.google.com' && iss !== 'accounts.google.com') return null
  return {
    kind: 'ID token',
    notes: [{
      id: 'google-iss',
      title: 'Two spellings of the issuer',
      text: 'Google ID tokens carry iss https://accounts.google.com or accounts.google.com; a verifier must accept both, and nothing else.',
      reference: REFERENCE,
    }],
  }
}

/** Google's ID token claims, from Google Identity's OpenID Connect documentation. */
export const google: VendorDictionary = {
  id: 'google',
  name: 'Google',
  documentation: 'Google Identity: OpenID Connect',
  reference: REFERENCE,
  recognise,
  claims: [
    c('sub', 'Subject', 'The user\'s Google account ID: unique, never reused, at most 255 ASCII characters. Identify users by it, not by email.'),
    c('hd', 'Hosted domain', 'The Google Workspace domain of the user; absent for personal accounts. Check it to allow only users of your domain.'),
    c('azp', 'Authorized party', 'The client ID of the app that requested the token; equal to aud unless another client (e.g. an Android app) asked for it.'),
    c('email', 'Email', 'The user\'s e-mail address. It may change and is not unique over time: identify users by sub.'),
    c('email_verified', 'Email verified', 'True when Google verified the address; use email only when it is true.', 'boolean'),
    c('at_hash', 'Access token hash', 'The hash of the access token issued with this ID token.'),
    c('picture', 'Picture', 'URL of the user\'s profile picture.'),
    c('locale', 'Locale', 'The user\'s locale, as a BCP 47 language tag.'),
  ],
}
