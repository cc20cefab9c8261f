#!/usr/bin/env bash
# Regenerates test/fixtures/keys/: one key of each type in every PEM flavour openssl writes, plus
# manifest.json with each key's RFC 7638 thumbprint computed by a second route (node:crypto's JWK
# export and a hand-built canonical JSON), so the key parser is checked against independent tools.
# Usage: bash scripts/make-key-fixtures.sh   (needs openssl 3 and node on PATH)
set -euo pipefail

cd "$(dirname "$0")/.."
out=test/fixtures/keys
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
subj=/CN=jwt-lab-fixture

cert() { # key-file out-file
  openssl req -x509 -new -key "$1" -subj "$subj" -days 36500 -out "$2" 2>/dev/null
}

# RSA 2048: PKCS#8, PKCS#1 private/public, SPKI, certificate, encrypted PKCS#8 and encrypted PKCS#1.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/rsa-2048-pkcs8.pem" 2>/dev/null
openssl rsa -in "$out/rsa-2048-pkcs8.pem" -traditional -out "$out/rsa-2048-pkcs1-private.pem" 2>/dev/null
openssl rsa -in "$out/rsa-2048-pkcs8.pem" -RSAPublicKey_out -out "$out/rsa-2048-pkcs1-public.pem" 2>/dev/null
openssl pkey -in "$out/rsa-2048-pkcs8.pem" -pubout -out "$out/rsa-2048-spki.pem"
cert "$out/rsa-2048-pkcs8.pem" "$out/rsa-2048-cert.pem"
openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:fixture -in "$out/rsa-2048-pkcs8.pem" -out "$out/rsa-2048-pkcs8-encrypted.pem"
openssl rsa -aes256 -traditional -passout pass:fixture -in "$out/rsa-2048-pkcs8.pem" -out "$out/rsa-2048-pkcs1-encrypted.pem" 2>/dev/null

# EC P-256/P-384/P-521/secp256k1: SEC1 (bare and with the EC PARAMETERS block ecparam writes), PKCS#8, SPKI, certificate.
for pair in p256:prime256v1 p384:secp384r1 p521:secp521r1 secp256k1:secp256k1; do
  name=${pair%%:*}
  curve=${pair##*:}
  openssl ecparam -name "$curve" -genkey -noout -out "$out/ec-$name-sec1.pem"
  openssl ecparam -name "$curve" -out "$tmp/params.pem"
  cat "$tmp/params.pem" "$out/ec-$name-sec1.pem" > "$out/ec-$name-sec1-with-params.pem"
  openssl pkcs8 -topk8 -nocrypt -in "$out/ec-$name-sec1.pem" -out "$out/ec-$name-pkcs8.pem"
  openssl pkey -in "$out/ec-$name-sec1.pem" -pubout -out "$out/ec-$name-spki.pem"
  cert "$out/ec-$name-sec1.pem" "$out/ec-$name-cert.pem"
done

# Ed25519: PKCS#8, SPKI, certificate.
openssl genpkey -algorithm ed25519 -out "$out/ed25519-pkcs8.pem"
openssl pkey -in "$out/ed25519-pkcs8.pem" -pubout -out "$out/ed25519-spki.pem"
cert "$out/ed25519-pkcs8.pem" "$out/ed25519-cert.pem"

# Ed448: PKCS#8, SPKI, certificate.
openssl genpkey -algorithm ed448 -out "$out/ed448-pkcs8.pem"
openssl pkey -in "$out/ed448-pkcs8.pem" -pubout -out "$out/ed448-spki.pem"
cert "$out/ed448-pkcs8.pem" "$out/ed448-cert.pem"

# Keys the parser must refuse with a clear message.
openssl genpkey -algorithm x25519 -out "$out/x25519-pkcs8.pem"

node --input-type=module - "$out" <<'NODE'
import { createHash, createPublicKey } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

const dir = process.argv[2]
const sets = [
  { name: 'rsa-2048', kty: 'RSA', bits: 2048, files: ['pkcs8', 'pkcs1-private', 'pkcs1-public', 'spki', 'cert'] },
  { name: 'ec-p256', kty: 'EC', crv: 'P-256', bits: 256, files: ['sec1', 'sec1-with-params', 'pkcs8', 'spki', 'cert'] },
  { name: 'ec-p384', kty: 'EC', crv: 'P-384', bits: 384, files: ['sec1', 'sec1-with-params', 'pkcs8', 'spki', 'cert'] },
  { name: 'ec-p521', kty: 'EC', crv: 'P-521', bits: 521, files: ['sec1', 'sec1-with-params', 'pkcs8', 'spki', 'cert'] },
  { name: 'ec-secp256k1', kty: 'EC', crv: 'secp256k1', bits: 256, files: ['sec1', 'sec1-with-params', 'pkcs8', 'spki', 'cert'] },
  { name: 'ed25519', kty: 'OKP', crv: 'Ed25519', bits: 256, files: ['pkcs8', 'spki', 'cert'] },
  { name: 'ed448', kty: 'OKP', crv: 'Ed448', bits: 448, files: ['pkcs8', 'spki', 'cert'] },
]
// RFC 7638 §3.2: required members only, lexicographic order, no whitespace.
const required = { RSA: ['e', 'kty', 'n'], EC: ['crv', 'kty', 'x', 'y'], OKP: ['crv', 'kty', 'x'] }
const manifest = sets.map((set) => {
  const jwk = createPublicKey(readFileSync(`${dir}/${set.name}-spki.pem`)).export({ format: 'jwk' })
  const canonical = '{' + required[set.kty].map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',') + '}'
  const thumbprint = createHash('sha256').update(canonical).digest('base64url')
  return { ...set, files: Object.fromEntries(set.files.map((f) => [f, `${set.name}-${f}.pem`])), publicJwk: jwk, thumbprint }
})
writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifest, null, 2) + '\n')
NODE

# OpenSSH public key lines, each with the PEM that ssh-keygen itself converts it to (no PKCS#8 export
# exists for Ed25519 there: its test builds the wire format from a node:crypto key instead).
mkdir -p "$out/openssh"
tmp=$(mktemp -d)
for spec in "rsa-2048:rsa -b 2048" "ecdsa-p256:ecdsa -b 256" "ecdsa-p384:ecdsa -b 384" "ecdsa-p521:ecdsa -b 521" "ed25519:ed25519"; do
  name=${spec%%:*}
  ssh-keygen -q -t ${spec#*:} -N '' -C user@example.com -f "$tmp/$name"
  cp "$tmp/$name.pub" "$out/openssh/$name.pub"
  [ "$name" = ed25519 ] || ssh-keygen -e -m PKCS8 -f "$tmp/$name.pub" > "$out/openssh/$name.pem"
done
rm -rf "$tmp"

echo "wrote $(ls "$out" | wc -l) files to $out"
