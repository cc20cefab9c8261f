#!/usr/bin/env bash
# Regenerates test/fixtures/certs/: a small PKI made by openssl for the certificate-chain checks.
#   root-rsa        RSA 2048 self-signed CA (2020 .. 2099)
#   intermediate-ec P-384 CA issued by root-rsa (sha256WithRSAEncryption), pathlen 0
#   leaf-ec         P-256 end-entity issued by intermediate-ec (ecdsa-with-SHA384); its key signs ES256 tokens
#   leaf-expired    P-256 end-entity issued by intermediate-ec, valid 2020-01-01 .. 2021-01-01
#   leaf-future     P-256 end-entity issued by intermediate-ec, valid 2098-01-01 .. 2099-01-01
#   other-root      an unrelated RSA CA, and wrong-issuer: a leaf it issued (so it does not chain to intermediate-ec)
#   leaf-rsa-pss    RSA end-entity issued by root-rsa with an RSASSA-PSS signature
#   self-ed25519    a self-signed Ed25519 certificate (not a CA)
# Each certificate as <name>.pem; the keys that sign test tokens as <name>-key.pem (PKCS#8).
# Usage: bash scripts/make-cert-fixtures.sh   (needs openssl 3 on PATH)
set -euo pipefail

cd "$(dirname "$0")/.."
out=test/fixtures/certs
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/ext.cnf" <<'CNF'
[ca_root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ca_intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:signer.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[self]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
CNF

# `openssl ca` is the one openssl 3.0 command that takes exact start and end dates.
ca_conf() { # dir
  mkdir -p "$1/new"
  : > "$1/index.txt"
  cat > "$1/ca.cnf" <<CNF
[ca]
default_ca = this
[this]
dir = $1
database = $1/index.txt
new_certs_dir = $1/new
serial = $1/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
CNF
}

issue() { # name key-file subject ca-cert ca-key extensions start end serial [extra ca args...]
  local name=$1 key=$2 subj=$3 cacert=$4 cakey=$5 ext=$6 start=$7 end=$8 serial=$9
  shift 9
  local dir="$tmp/ca-$name"
  ca_conf "$dir"
  echo "$serial" > "$dir/serial"
  openssl req -new -key "$key" -subj "$subj" -out "$dir/req.csr"
  local signer=(-cert "$cacert" -keyfile "$cakey")
  [ "$cacert" = self ] && signer=(-selfsign -keyfile "$key")
  openssl ca -batch -config "$dir/ca.cnf" "${signer[@]}" -in "$dir/req.csr" -notext \
    -extfile "$tmp/ext.cnf" -extensions "$ext" -startdate "$start" -enddate "$end" "$@" -out "$out/$name.pem" 2>/dev/null
}

rsa() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }
ec() { openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$2" -out "$1" 2>/dev/null; }

rsa "$tmp/root.key"
issue root-rsa "$tmp/root.key" "/O=JWT Lab Fixtures/CN=JWT Lab Test Root" self "" ca_root 20200101000000Z 20991231000000Z 1001
ec "$tmp/intermediate.key" P-384
issue intermediate-ec "$tmp/intermediate.key" "/O=JWT Lab Fixtures/CN=JWT Lab Test Intermediate" "$out/root-rsa.pem" "$tmp/root.key" ca_intermediate 20200101000000Z 20991231000000Z 2002
ec "$out/leaf-ec-key.pem" P-256
issue leaf-ec "$out/leaf-ec-key.pem" "/CN=signer.example.com" "$out/intermediate-ec.pem" "$tmp/intermediate.key" leaf 20200101000000Z 20991231000000Z 3003 -md sha384
ec "$tmp/expired.key" P-256
issue leaf-expired "$tmp/expired.key" "/CN=expired.example.com" "$out/intermediate-ec.pem" "$tmp/intermediate.key" leaf 20200101000000Z 20210101000000Z 3004 -md sha384
ec "$tmp/future.key" P-256
issue leaf-future "$tmp/future.key" "/CN=future.example.com" "$out/intermediate-ec.pem" "$tmp/intermediate.key" leaf 20980101000000Z 20990101000000Z 3005 -md sha384
rsa "$tmp/other-root.key"
issue other-root "$tmp/other-root.key" "/O=Someone Else/CN=Other Root" self "" ca_root 20200101000000Z 20991231000000Z 4001
ec "$tmp/wrong.key" P-256
issue wrong-issuer "$tmp/wrong.key" "/CN=wrong.example.com" "$out/other-root.pem" "$tmp/other-root.key" leaf 20200101000000Z 20991231000000Z 4002
rsa "$out/leaf-rsa-pss-key.pem"
issue leaf-rsa-pss "$out/leaf-rsa-pss-key.pem" "/CN=pss.example.com" "$out/root-rsa.pem" "$tmp/root.key" leaf 20200101000000Z 20991231000000Z 3006 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
openssl genpkey -algorithm ED25519 -out "$out/self-ed25519-key.pem"
issue self-ed25519 "$out/self-ed25519-key.pem" "/CN=ed25519.example.com" self "" self 20200101000000Z 20991231000000Z 5001
