import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractToken } from './extract'

const NUM_RUNS = process.env.CI ? 10_000 : 1_000

const T = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'

describe('extractToken', () => {
  it.each([
    ['a bare token', T, T, []],
    ['surrounding whitespace and newlines', `\n\t ${T} \r\n`, T, ['Removed surrounding spaces and line breaks.']],
    ['double quotes', `"${T}"`, T, ['Removed the surrounding quotes.']],
    ['single quotes', `'${T}'`, T, ['Removed the surrounding quotes.']],
    ['backticks', `\`${T}\``, T, ['Removed the surrounding quotes.']],
    ['a quoted value with a trailing comma (copied from code)', `"${T}",`, T, ["Removed a trailing ','.", 'Removed the surrounding quotes.']],
    ['Bearer', `Bearer ${T}`, T, ["Removed the 'Bearer' prefix."]],
    ['lower-case bearer with several spaces', `bearer   ${T}`, T, ["Removed the 'Bearer' prefix."]],
    ['DPoP scheme', `DPoP ${T}`, T, ["Removed the 'DPoP' prefix."]],
    ['an Authorization header', `Authorization: Bearer ${T}`, T, ["Removed the 'Authorization: Bearer' prefix."]],
    ['an Authorization header without spaces', `authorization:Bearer\t${T}\r\n`, T, ['Removed surrounding spaces and line breaks.', "Removed the 'Authorization: Bearer' prefix."]],
    ['an Authorization header without a scheme', `Authorization: ${T}`, T, ["Removed the 'Authorization:' header name."]],
    ['a quoted Authorization header', `"Authorization: Bearer ${T}"`, T, ['Removed the surrounding quotes.', "Removed the 'Authorization: Bearer' prefix."]],
    ['a URL fragment with id_token', `https://app.example.com/callback#state=xyz&id_token=${T}&token_type=Bearer`, T, ['Took the "id_token" parameter from the URL fragment.']],
    ['a URL fragment with access_token', `https://app.example.com/cb#access_token=${T}&expires_in=3600`, T, ['Took the "access_token" parameter from the URL fragment.']],
    ['a URL query with token (URL-encoded)', `https://jwt.example/?token=${T.replace(/\./g, '%2E')}`, T, ['Took the "token" parameter from the URL query and URL-decoded it.']],
    ['a bare fragment', `#id_token=${T}`, T, ['Took the "id_token" parameter from the URL fragment.']],
    ['bare parameters', `access_token=${T}&token_type=Bearer`, T, ['Took the "access_token" parameter from the parameters.']],
    ['a Cookie header', `Cookie: theme=dark; jwt=${T}; lang=en`, T, ['Took the value of the cookie "jwt" from the Cookie header.']],
    ['a Cookie header with a JWT under any name', `cookie: a=b; sid=${T}`, T, ['Took the value of the cookie "sid" from the Cookie header.']],
    ['a quoted, URL-encoded cookie value', `Cookie: auth="${T.replace(/\./g, '%2E')}"`, T, ['Took the value of the cookie "auth" from the Cookie header.', 'URL-decoded it.']],
    ['a Set-Cookie header with attributes', `Set-Cookie: session=${T}; Path=/; HttpOnly; Secure; SameSite=Lax`, T, ['Took the value of the cookie "session" from the Set-Cookie header.']],
    ['a JSON token response', `{"access_token":"${T}","token_type":"Bearer","expires_in":3600}`, T, ['Took the value of the JSON member "access_token".']],
    ['a JSON token response with an opaque refresh token', `{"access_token":"${T}","refresh_token":"8xLOxBtZp8","token_type":"Bearer"}`, T, ['Took the value of the JSON member "access_token".', 'The JSON member "refresh_token" is not a JWT (an opaque value only its issuer can read), so it is not decoded.']],
    ['the same token twice (one token, no picker)', `Authorization: Bearer ${T}\nCookie: jwt=${T}`, T, ["Removed the 'Authorization: Bearer' prefix.", 'Picked the token out of the surrounding text.']],
    ['JSON with a JWT under another name', `{"result":{"x":1},"credential":"${T}"}`, T, ['Took the value of the JSON member "credential".']],
    ['a token wrapped over several lines', `${T.slice(0, 30)}\n${T.slice(30, 70)}\r\n  ${T.slice(70)}`, T, ['Removed line breaks and spaces inside the token.']],
    ['a token inside a curl command', `curl -H "Authorization: Bearer ${T}" https://api.example.com/me`, T, ['Picked the token out of the surrounding text.']],
    ['a token after ordinary words, which must not be joined to it', `my token is ${T}`, T, ['Picked the token out of the surrounding text.']],
    ['a token after a word that looks like a token start', `eyJhbGci ${T}`, T, ['Picked the token out of the surrounding text.']],
    ['a token inside a log line', `2024-01-01 INFO token=${T}.`, T, ['Picked the token out of the surrounding text.']],
    ['a JWE', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn', []],
    ['plain words stay as they are', 'hello world', 'hello world', []],
    ['an empty string', '', '', []],
    ['only whitespace', ' \n ', '', []],
  ])('handles %s', (_name, input, token, stripped) => {
    expect(extractToken(input)).toEqual({ token, stripped })
  })

  it('never throws and never returns more than it was given (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = extractToken(text)
        expect(result.token.length).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('finds a token in any wrapper made of the supported pieces (property)', () => {
    const wrap = fc.constantFrom(
      (t: string) => `Bearer ${t}`,
      (t: string) => `Authorization: Bearer ${t}`,
      (t: string) => `"${t}"`,
      (t: string) => `  ${t}\n`,
      (t: string) => `https://x.example/#id_token=${t}`,
      (t: string) => `Cookie: a=1; jwt=${t}`,
      (t: string) => `{"access_token":"${t}"}`,
    )
    fc.assert(
      fc.property(wrap, (w) => {
        expect(extractToken(w(T)).token).toBe(T)
      }),
      { numRuns: 100 },
    )
  })

  it.each([
    ['1 MB of eyJ', 'eyJ'.repeat(350_000)],
    ['1 MB of dots inside a word', 'a' + '.'.repeat(1_000_000) + 'b c'],
    ['1 MB of spaces and letters', 'a '.repeat(500_000)],
    ['a 1 MB cookie header', 'Cookie: ' + 'a=b;'.repeat(250_000)],
    ['1 MB of parameters', 'token=' + '&x=1'.repeat(250_000)],
    ['1 MB of braces', '{'.repeat(500_000) + '}'.repeat(500_000)],
    ['1 MB of Bearer', 'Bearer '.repeat(150_000)],
  ])('handles %s without hanging', (_name, input) => {
    // CPU time, not wall time: the test machine may be busy with other work.
    const started = process.cpuUsage()
    extractToken(input)
    const used = process.cpuUsage(started)
    // A hang or quadratic-time guard, not a speed target (speed is measured by `npm run bench`).
    expect((used.user + used.system) / 1000).toBeLessThan(5000)
  })
})
