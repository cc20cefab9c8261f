import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compactJson, formatJson, formatJsonValue, MAX_JSON_DEPTH, parseJsonText } from './json'

const NUM_RUNS = process.env.CI ? 10_000 : 1_000

describe('parseJsonText', () => {
  it('parses valid JSON like JSON.parse, with top-level members and their offsets', () => {
    const text = '{"alg" : "HS256",\r\n "n":[1,{"x":null}],"t":true}'
    const parsed = parseJsonText(text)
    expect(parsed.errors).toEqual([])
    expect(parsed.value).toEqual(JSON.parse(text))
    for (const m of parsed.members) expect(text.slice(m.valueStart, m.valueEnd)).toBe(m.valueText)
    expect(parsed.members).toEqual([
      { name: 'alg', start: 1, end: 16, valueStart: 9, valueEnd: 16, valueText: '"HS256"' },
      { name: 'n', start: 20, end: 38, valueStart: 24, valueEnd: 38, valueText: '[1,{"x":null}]' },
      { name: 't', start: 39, end: 47, valueStart: 43, valueEnd: 47, valueText: 'true' },
    ])
  })

  it('keeps integers beyond ±2^53 as bigint with their exact digits, and everything else as JSON.parse does', () => {
    const parsed = parseJsonText('{"big":12345678901234567890123,"neg":-9007199254740993,"max":9007199254740991,"edge":9007199254740992,"f":1.5e300,"e":1e21,"z":-0}')
    expect(parsed.value).toEqual({
      big: 12345678901234567890123n,
      neg: -9007199254740993n,
      max: 9007199254740991,
      edge: 9007199254740992n,
      f: 1.5e300,
      e: 1e21,
      z: -0,
    })
    expect(parsed.members[0]?.valueText).toBe('12345678901234567890123')
  })

  it('keeps a member named __proto__ as a plain member, as JSON.parse does', () => {
    const parsed = parseJsonText('{"__proto__":{"admin":true}}')
    const value = parsed.value as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined()
  })

  it('reports duplicate member names at any depth with offsets, keeping the last value like JSON.parse', () => {
    const text = '{"a":1,"b":{"c":1,"c":2},"a":3}'
    const parsed = parseJsonText(text)
    expect(parsed.value).toEqual(JSON.parse(text))
    expect(parsed.duplicates).toEqual([
      { name: 'c', path: ['b'], offset: 18, length: 3, firstOffset: 12 },
      { name: 'a', path: [], offset: 25, length: 3, firstOffset: 1 },
    ])
    expect(parsed.members.map((m) => m.name)).toEqual(['a', 'b', 'a'])
  })

  it.each([
    ['{"a":1,}', 'TRAILING_COMMA', 7, 1, 1, 8, 'Trailing commas are not allowed in JSON: remove the comma before the closing bracket.'],
    ['[1,2,]', 'TRAILING_COMMA', 5, 1, 1, 6, 'Trailing commas are not allowed in JSON: remove the comma before the closing bracket.'],
    ['{"a":1}// c', 'COMMENT', 7, 4, 1, 8, 'Comments are not allowed in JSON.'],
    ['{"a":/* c */1}', 'COMMENT', 5, 7, 1, 6, 'Comments are not allowed in JSON.'],
    ['{"a":1 "b":2}', 'COMMA_EXPECTED', 7, 3, 1, 8, "Expected ',' between two values."],
    ['{a:1}', 'UNEXPECTED_SYMBOL', 1, 1, 1, 2, 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
    ["{'a':1}", 'UNEXPECTED_SYMBOL', 1, 3, 1, 2, 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
    ['{"a" 1}', 'COLON_EXPECTED', 5, 1, 1, 6, "Expected ':' after the member name."],
    ['{"a":}', 'VALUE_EXPECTED', 5, 1, 1, 6, 'Expected a value.'],
    ['{"a":1', 'CLOSE_BRACE_EXPECTED', 6, 0, 1, 7, "Expected ',' or '}' after the member."],
    ['[1', 'CLOSE_BRACKET_EXPECTED', 2, 0, 1, 3, "Expected ',' or ']' after the array element."],
    ['{"a":1}}', 'END_EXPECTED', 7, 1, 1, 8, 'Unexpected text after the end of the JSON value.'],
    ['{"a":"x', 'UNTERMINATED_STRING', 5, 2, 1, 6, 'The string is not closed: its closing double quote is missing.'],
    ['{"a":1.}', 'INCOMPLETE_NUMBER', 5, 2, 1, 6, 'The number is incomplete: a digit must follow the decimal point or the exponent.'],
    ['{"a":"\\u12G4"}', 'INVALID_UNICODE_ESCAPE', 5, 8, 1, 6, 'Invalid \\u escape: it needs exactly four hexadecimal digits.'],
    ['{"a":"\\x"}', 'INVALID_ESCAPE', 5, 4, 1, 6, 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.'],
    ['{"a":"\t"}', 'CONTROL_CHARACTER', 5, 3, 1, 6, 'Control characters (such as a tab) must be escaped inside strings.'],
    ['{\r\n "a":\r\n x}', 'UNEXPECTED_SYMBOL', 11, 1, 3, 2, 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
    ['', 'EMPTY', 0, 0, 1, 1, 'There is no JSON value.'],
    ['  \n', 'EMPTY', 3, 0, 2, 1, 'There is no JSON value.'],
    ['NaN', 'UNEXPECTED_SYMBOL', 0, 3, 1, 1, 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
    ['\uFEFF{}', 'UNEXPECTED_SYMBOL', 0, 1, 1, 1, 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
  ])('reports %j as %s at offset %i', (text, code, offset, length, line, column, message) => {
    const parsed = parseJsonText(text)
    expect(parsed.value).toBeUndefined()
    expect(parsed.errors[0]).toEqual({ code, message, offset, length, line, column })
    expect(() => JSON.parse(text)).toThrow()
  })

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)
    expect(parseJsonText(deep).errors).toEqual([
      { code: 'TOO_DEEP', message: 'The JSON nests objects or arrays more than 1000 levels deep, which is not supported.', offset: MAX_JSON_DEPTH, length: 1, line: 1, column: MAX_JSON_DEPTH + 1 },
    ])
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
    expect(parseJsonText(ok).errors).toEqual([])
    expect(parseJsonText('{"a":'.repeat(500_000)).errors[0]?.code).toBe('TOO_DEEP')
  })

  it('agrees with JSON.parse on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1)
        const parsed = parseJsonText(text)
        expect(parsed.errors).toEqual([])
        // Integer literals beyond the safe range are the one place the parser differs: bigint with the written digits.
        expect(parsed.value).toEqual(JSON.parse(text, (_key, v: unknown) =>
          typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && !String(v).includes('e') ? BigInt(String(v)) : v))
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('accepts exactly what JSON.parse accepts for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, -1) + ',' + j.slice(-1))), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(parseJsonText(text).errors.length === 0).toBe(valid)
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('compactJson', () => {
  it.each([
    ['{"typ":"JWT",\r\n "alg":"HS256"}', '{"typ":"JWT","alg":"HS256"}'],
    ['{ "b" : 1.0 , "a" : [ 1e3 , -0 , 2E-2 ] }', '{"b":1.0,"a":[1e3,-0,2E-2]}'],
    ['{"s":"a\\u0041\\/\\n b"}', '{"s":"a\\u0041\\/\\n b"}'],
    ['  {"big": 123456789012345678901234567890}\n', '{"big":123456789012345678901234567890}'],
    ['{"2":1,"1":2}', '{"2":1,"1":2}'],
    ['"text"', '"text"'],
    ['[ ]', '[]'],
  ])('compacts %j keeping token text', (text, expected) => {
    expect(compactJson(text)).toEqual({ ok: true, value: expected })
  })

  it('fails with INVALID_JSON and the position', () => {
    expect(compactJson('{\n  "a": 1,\n}')).toEqual({
      ok: false,
      error: { code: 'INVALID_JSON', message: 'The JSON is not valid: trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 3, column 1).' },
    })
    expect(compactJson('{"a" 1}')).toEqual({
      ok: false,
      error: { code: 'INVALID_JSON', message: "The JSON is not valid: expected ':' after the member name (line 1, column 6)." },
    })
  })

  it('gives what JSON.stringify gives for JSON.stringify output of any value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(compactJson(JSON.stringify(value, null, 2))).toEqual({ ok: true, value: JSON.stringify(value) })
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('formatJson', () => {
  it('pretty-prints with two spaces, keeping member order, number text and escapes', () => {
    expect(formatJson('{"b":1.0,"2":[],"a":[1,{"x":123456789012345678901234567890}],"e":{},"s":"\\u00e9"}')).toBe(
      '{\n  "b": 1.0,\n  "2": [],\n  "a": [\n    1,\n    {\n      "x": 123456789012345678901234567890\n    }\n  ],\n  "e": {},\n  "s": "\\u00e9"\n}',
    )
  })

  it('returns invalid JSON unchanged', () => {
    expect(formatJson('{"a":1,}')).toBe('{"a":1,}')
  })

  it('returns deeply nested long JSON unchanged instead of blowing it up', () => {
    const hostile = '['.repeat(1000) + '1,'.repeat(300_000) + '1' + ']'.repeat(1000)
    const started = process.cpuUsage()
    expect(formatJson(hostile)).toBe(hostile)
    const used = process.cpuUsage(started)
    // A hang or quadratic-time guard, not a speed target (speed is measured by `npm run bench`).
    expect((used.user + used.system) / 1000).toBeLessThan(5000)
  })

  it('matches JSON.stringify(value, null, 2) for any value written compactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(formatJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('formatJsonValue', () => {
  it('writes bigint digits', () => {
    expect(formatJsonValue({ a: 12345678901234567890123n, b: [1, 'x', null, true], c: {} })).toBe(
      '{\n  "a": 12345678901234567890123,\n  "b": [\n    1,\n    "x",\n    null,\n    true\n  ],\n  "c": {}\n}',
    )
  })

  it('matches JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(formatJsonValue(value as never)).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
