/** The roles a token can play in a PolNeAR-style (univocal) attribution. */
export type Role = 'SOURCE' | 'CUE' | 'CONTENT';

export const ROLES: readonly Role[] = ['SOURCE', 'CUE', 'CONTENT'];

/** BIO labels of the tagger, in the order of the weight columns. */
export const LABELS = ['O', 'B-SOURCE', 'I-SOURCE', 'B-CUE', 'I-CUE', 'B-CONTENT', 'I-CONTENT'] as const;
export type Label = (typeof LABELS)[number];

export const OUTSIDE = 0;

/** Label index of `role` beginning (`inside` false) or continuing a span. */
export function labelOf(role: Role, inside: boolean): number {
  return 1 + ROLES.indexOf(role) * 2 + (inside ? 1 : 0);
}

/** The role of a label index, or null for O. */
export function roleOf(label: number): Role | null {
  return label <= 0 || label >= LABELS.length ? null : (ROLES[(label - 1) >> 1] ?? null);
}

export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

/** Whether `label` may follow `previous`: an I- label only continues its own role. */
export function allowedAfter(previous: number, label: number): boolean {
  return ALLOWED[previous * LABELS.length + label] === 1;
}

/** `allowedAfter` for every pair of labels (previous × label), made once: the tagger asks it for every label of every token. */
const ALLOWED = Uint8Array.from({ length: LABELS.length * LABELS.length }, (_, k) => {
  const previous = Math.floor(k / LABELS.length);
  const label = k % LABELS.length;
  return !isInside(label) || roleOf(previous) === roleOf(label) ? 1 : 0;
});

/** The bit of each label's role in a set of roles (bit `ROLES.indexOf(role)`; 0 for O). */
export const ROLE_BIT = Uint8Array.from(LABELS, (_, label) => {
  const role = roleOf(label);
  return role ? 1 << ROLES.indexOf(role) : 0;
});
