import { describe, expect, it } from 'vitest'
import { joinPath, runKeyQuery, runShell } from './virtual-server'

const FILES = { '/dev/null': '', '/srv/keys/main': 'server-key', '/etc/hostname': 'host\n' }
const TABLE = [{ kid: 'main', key: 'server-key' }, { kid: 'old', key: 'old-key' }]

describe('joinPath (path.join semantics)', () => {
  it.each([
    ['main', '/srv/keys/main'],
    ['../../../../../../dev/null', '/dev/null'],
    ['/etc/hostname', '/srv/keys/etc/hostname'],
    ['./a/../b', '/srv/keys/b'],
    ['a//b/', '/srv/keys/a/b'],
    ['', '/srv/keys'],
  ])('/srv/keys + %j is %s', (name, expected) => {
    expect(joinPath('/srv/keys', name)).toBe(expected)
  })
})

describe('runShell', () => {
  it.each([
    ['cat /srv/keys/main', 'server-key', ''],
    ['cat /srv/keys/x; echo -n attacker-key', 'attacker-key', 'cat: /srv/keys/x: No such file or directory\n'],
    ['cat /srv/keys/x || echo k', 'k\n', 'cat: /srv/keys/x: No such file or directory\n'],
    ['cat /srv/keys/main && echo -n more', 'server-keymore', ''],
    ['cat /srv/keys/x && echo -n more', '', 'cat: /srv/keys/x: No such file or directory\n'],
    ['cat /srv/keys/main | cat', 'server-key', ''],
    ['cat /srv/keys/main | echo -n piped', 'piped', ''],
    ["echo -n 'a  b' \"c;d\" e\\;f", 'a  b c;d e;f', ''],
    ['printf attacker\\\\n', 'attacker\n', ''],
    ['cat /srv/keys/../../dev/null', '', ''],
    ['whoami; false || true', '', 'sh: 1: whoami: not found\n'],
  ])('%j prints %j', (line, stdout, stderr) => {
    expect(runShell(line, FILES)).toEqual({ stdout, stderr })
  })
})

describe('runKeyQuery', () => {
  it.each([
    ['main', { ok: true, rows: ['server-key'] }],
    ['nope', { ok: true, rows: [] }],
    ["x' UNION SELECT 'attacker-key' -- ", { ok: true, rows: ['attacker-key'] }],
    ["x' UNION ALL SELECT 'k' #", { ok: true, rows: ['k'] }],
    ["' OR '1'='1", { ok: true, rows: ['server-key', 'old-key'] }],
    ["' OR 1=1 -- ", { ok: true, rows: ['server-key', 'old-key'] }],
    ["' OR 1=2 UNION SELECT 'z';--", { ok: true, rows: ['z'] }],
    ["it''s", { ok: true, rows: [] }],
    ["x'", { ok: false, message: 'unterminated quoted string' }],
    ["x' DROP TABLE keys -- ", { ok: false, message: 'syntax error at or near "DROP"' }],
    ["x' UNION SELECT key FROM keys -- ", { ok: false, message: 'syntax error at or near "key"' }],
  ])('kid %j gives %j', (kid, expected) => {
    expect(runKeyQuery(kid, TABLE)).toEqual(expected)
  })
})
