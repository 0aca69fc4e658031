// Generators of malformed API input for tests/fuzz/api-fuzz.test.ts. Every body generated for a
// write is certainly invalid (see `badObject`), so a 2xx answer to a write is a bug.

/** mulberry32: small, fast and deterministic, so a failing seed reproduces. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof prng>;

export const INJECTIONS = [
  "'; drop table projects;--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR '1'='1",
  '1; drop',
  '"><svg onload=alert(1)>',
] as const;

export const HUGE = 'x'.repeat(100_000);
const HUGE_CJK = '项'.repeat(40_000);
const LONE_SURROGATE = 'a\uD800b';

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  'yesterday',
  '2026-1-1',
  '20260101',
  '2026/01/01',
  '2026-02-29T00:00:00Z',
  '',
] as const;

// Values that every schema of the given kind refuses (ids are coerced, so `true` and `[1]` are
// not bad ids; the admin schemas also read form strings, so '1' is not a bad version).
const BAD: Record<string, readonly unknown[]> = {
  text: [
    null,
    0,
    12345,
    1e20,
    false,
    true,
    {},
    [],
    ['x'],
    { a: '<script>alert(1)</script>' },
    '',
    '   ',
    HUGE,
    HUGE_CJK,
  ],
  money: [-1, -0.5, 1.5, 0.01, 1e20, -1e20, 2 ** 53, '100', 'abc', '1e3', {}, [], true, ...INJECTIONS],
  id: [-1, 0, 1.5, 'abc', '1; drop', 1e20, 2 ** 53, '999999999999999999999', {}, 'NaN', ...INJECTIONS],
  version: [-1, 0, 1.5, '-1', 'abc', null, {}, [], true, false, ...INJECTIONS],
  date: [...IMPOSSIBLE_DATES, 20260101, null, {}, [], true, ...INJECTIONS],
  month: ['2026-13', '2026-00', '26-01', 'yesterday', 202601, {}, [], ...INJECTIONS],
  enum: ['superadmin', 'unknown', '', 'ADMIN', ' admin', 1, null, {}, [], true, ...INJECTIONS],
  boolean: ['yes', 2, -1, null, {}, [], ...INJECTIONS],
  list: ['abc', ['x'], [-1], {}, 7, [[]], ...INJECTIONS],
};

/** Field names used across the API's schemas, by the kind of value they take. */
export const FIELDS: Record<string, keyof typeof BAD> = {
  name: 'text',
  company: 'text',
  title: 'text',
  content: 'text',
  text: 'text',
  description: 'text',
  note: 'text',
  narrative: 'text',
  resolution: 'text',
  reason: 'text',
  username: 'text',
  password: 'text',
  destinations: 'text',
  origin: 'text',
  source: 'text',
  team: 'text',
  phone: 'text',
  code: 'text',
  office: 'text',
  url: 'text',
  contactName: 'text',
  contactPhone: 'text',
  contactEmail: 'text',
  totalInvestment: 'money',
  plannedInvestmentThisYear: 'money',
  completedInvestment: 'money',
  intendedInvestment: 'money',
  investmentThisMonth: 'money',
  progressPercent: 'money',
  amount: 'money',
  investmentTarget: 'money',
  startedTarget: 'money',
  id: 'id',
  unitId: 'id',
  industryId: 'id',
  ownerId: 'id',
  leaderId: 'id',
  userId: 'id',
  projectId: 'id',
  leadId: 'id',
  campaignId: 'id',
  packageId: 'id',
  assigneeId: 'id',
  locationUnitId: 'id',
  problemId: 'id',
  supervisionId: 'id',
  taskId: 'id',
  year: 'id',
  version: 'version',
  deadline: 'date',
  date: 'date',
  dueDate: 'date',
  doneDate: 'date',
  nextFollowUpDate: 'date',
  startDate: 'date',
  endDate: 'date',
  stageDueDate: 'date',
  month: 'month',
  role: 'enum',
  stage: 'enum',
  to: 'enum',
  level: 'enum',
  status: 'enum',
  type: 'enum',
  category: 'enum',
  nature: 'enum',
  light: 'enum',
  kind: 'enum',
  closed: 'boolean',
  reopen: 'boolean',
  active: 'boolean',
  override: 'boolean',
  shuangshi: 'boolean',
  mustChangePassword: 'boolean',
  leaderIds: 'list',
};

/**
 * An object with EVERY known field set to a value its kind refuses, plus unknown keys. Certainly
 * invalid: required fields are bad, and strict schemas refuse the unknown keys. At most one value
 * is 100 KB, so most bodies stay under the 1 MB limit and reach validation.
 */
export function badObject(rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let hugeUsed = false;
  for (const [field, kind] of Object.entries(FIELDS)) {
    let value = rng.pick(BAD[kind]);
    if (value === HUGE || value === HUGE_CJK) {
      if (hugeUsed) value = null;
      hugeUsed = true;
    }
    out[field] = value;
  }
  const extra = rng.int(3) + 1;
  for (let i = 0; i < extra; i++)
    out[rng.pick([...INJECTIONS, 'constructor', 'toString', '$where', 'unknownField', ''])] = rng.pick([
      1,
      'x',
      null,
      {},
      [INJECTIONS[0]],
    ]);
  return out;
}

function deepNesting(rng: Rng, depth = 5_000): string {
  if (rng.chance(0.5)) return '['.repeat(depth) + ']'.repeat(depth);
  const inner = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  // Also nested under each field, so a schema that recurses into a field meets it.
  return `{"name":${inner},"version":${inner},"description":${inner},"to":"x"}`;
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  "{'a':1}",
  '[1,2',
  'undefined',
  'NaN',
  '{"a":1}}',
  '{"version":01}',
  '{"a":"\\x41"}',
  '\u0000',
  '{"a":"b"\u0000}',
  ',',
  '{"a":1,}',
  'nul',
  '"',
];

const INVALID_UTF8: readonly number[][] = [
  [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d], // {"n":"\xff\xfe"}
  [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d], // overlong '/'
  [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe6, 0xb5, 0x22, 0x7d], // truncated 3-byte sequence
  [0x80, 0x81, 0x82],
  [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d], // encoded surrogate as a key
];

export interface BodySpec {
  kind: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
}

/** A certainly-invalid body for a write. */
export function badBody(rng: Rng): BodySpec {
  const roll = rng.int(100);
  if (roll < 45) return { kind: 'bad-fields', body: badObject(rng) };
  if (roll < 55)
    return {
      kind: 'not-an-object',
      body: rng.pick([null, 0, -1, 'x', true, [], [badObject(rng)], HUGE, INJECTIONS[0]]),
    };
  if (roll < 70) return { kind: 'malformed-json', rawBody: rng.pick(MALFORMED_JSON) };
  if (roll < 80) return { kind: 'invalid-utf8', rawBody: new Uint8Array(rng.pick(INVALID_UTF8)) };
  if (roll < 92) return { kind: 'deep-nesting', rawBody: deepNesting(rng) };
  if (roll < 96)
    return {
      kind: 'huge-string',
      rawBody: JSON.stringify({ ...badObject(rng), name: HUGE, description: HUGE, content: HUGE, text: HUGE }),
    };
  return { kind: 'over-1mb', rawBody: JSON.stringify({ ...badObject(rng), note: 'x'.repeat(1_100_000) }) };
}

/** Ids in the path that name no record. */
export const BAD_IDS = [
  'abc',
  '-1',
  '1.5',
  '999999999999999999999',
  '1; drop',
  '0',
  '',
  'NaN',
  'Infinity',
  '<script>alert(1)</script>',
  "'; drop table projects;--",
  LONE_SURROGATE,
  '9'.repeat(400),
] as const;
/** Ids that exist in the seed (or are well-formed and absent). */
export const GOOD_IDS = ['1', '2', '3', '5', '999999'] as const;

const QUERY_KEYS = [
  'page',
  'pageSize',
  'stage',
  'status',
  'level',
  'type',
  'category',
  'light',
  'role',
  'kind',
  'unitId',
  'industryId',
  'ownerId',
  'overdue',
  'active',
  'shuangshi',
  'month',
  'q',
  'sort',
  'dir',
  'campaignId',
  'year',
];
const QUERY_VALUES = [
  '-1',
  '0',
  '100000',
  '1.5',
  'abc',
  'unknown',
  'superadmin',
  '1e3',
  'maybe',
  '2026-13',
  '2026-02-30',
  'yesterday',
  ...INJECTIONS,
  '%ZZ',
  '%E0%A4%A',
  '%00',
  'a'.repeat(2000),
];

/** A malformed query string (`?...`), always containing at least one bad pair. */
export function badQuery(rng: Rng): string {
  const pairs: string[] = [
    rng.pick([
      'page=-1',
      'pageSize=100000',
      'page=abc',
      'pageSize=0',
      'page=1.5',
      'stage=unknown',
      'status=nope',
      'unitId=abc',
      'sort=drop',
    ]),
  ];
  const count = rng.int(5);
  for (let i = 0; i < count; i++) {
    const key = rng.pick(QUERY_KEYS);
    const value = rng.pick(QUERY_VALUES);
    // Some values go in raw (malformed percent-escapes), the rest encoded.
    pairs.push(`${key}=${value.startsWith('%') ? value : encodeURIComponent(value)}`);
  }
  if (rng.chance(0.1)) pairs.push(`q=${encodeURIComponent(HUGE)}`);
  if (rng.chance(0.1)) pairs.push('page=1&page=2&page=-5');
  return '?' + pairs.join('&');
}
