import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How one issuer of the test IdP behaves; each lives under its own path, e.g. `/ok`. */
export type IdpScenario = 'ok' | 'nocors' | 'missing' | 'badjson' | 'mismatch' | 'slow'

/** One request that reached the IdP, as the server saw it. */
export interface IdpRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
}

/** A running IdP on 127.0.0.1 (another origin than the app's). */
export interface Idp {
  readonly origin: string
  /** The issuer identifier of a scenario: `{origin}/{scenario}`. */
  issuer(scenario: IdpScenario): string
  readonly requests: IdpRequest[]
  stop(): Promise<void>
}

/**
 * Starts an identity provider on a free port of 127.0.0.1 serving, per scenario, OpenID discovery
 * metadata (`/{s}/.well-known/openid-configuration`), RFC 8414 metadata
 * (`/.well-known/oauth-authorization-server/{s}`), a JWKS (`/{s}/jwks`) and a PEM certificate for `x5u`
 * (`/{s}/cert.pem`). Every request is recorded
 * server-side, so a test can prove that nothing arrived before the user allowed it.
 */
export async function startIdp(jwks: unknown, certificatePem: string): Promise<Idp> {
  const requests: IdpRequest[] = []
  let origin = ''
  const server: Server = createServer((req, res) => {
    const path = req.url ?? ''
    requests.push({ method: req.method ?? '', path, headers: req.headers })
    const m = /^\/(?:\.well-known\/oauth-authorization-server\/)?([a-z]+)(\/\.well-known\/openid-configuration|\/jwks|\/cert\.pem)?$/.exec(path)
    const scenario = m?.[1] as IdpScenario | undefined
    const isMetadata = m !== null && (m[2] === '/.well-known/openid-configuration' || path.startsWith('/.well-known/'))
    const isJwks = m?.[2] === '/jwks'
    const isCertificate = m?.[2] === '/cert.pem'
    const cors = scenario === 'nocors' ? {} : { 'access-control-allow-origin': '*' }
    const json = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json', ...cors }).end(body)
    if (scenario === undefined || (!isMetadata && !isJwks && !isCertificate) || scenario === 'missing') return json(404, '{"error":"not found"}')
    if (scenario === 'slow') {
      // Answers long after any reasonable timeout; stop() closes the connection.
      setTimeout(() => json(200, '{}'), 30_000).unref()
      return
    }
    if (isJwks) return json(200, JSON.stringify(jwks))
    if (isCertificate) return res.writeHead(200, { 'content-type': 'application/pem-certificate-chain', ...cors }).end(certificatePem)
    if (scenario === 'badjson') return res.writeHead(200, { 'content-type': 'text/html', ...cors }).end('<!doctype html><title>Login</title>')
    const issuer = scenario === 'mismatch' ? `${origin}/someone-else` : `${origin}/${scenario}`
    return json(200, JSON.stringify({ issuer, jwks_uri: `${origin}/${scenario}/jwks`, response_types_supported: ['code'] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    issuer: (scenario) => `${origin}/${scenario}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
