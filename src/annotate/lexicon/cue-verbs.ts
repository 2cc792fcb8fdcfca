import type { CueClass } from '../../model/annotations.js';

/**
 * General English news vocabulary for attribution cues: reporting verbs, verbs of belief,
 * intention and evaluation, with the stance each expresses. One place for all of them;
 * the rule files only look words up here.
 */
export interface CueVerb {
  cueClass: CueClass;
  /** The verb takes the listener as an object before the content ("told reporters that …"). */
  takesListener?: boolean;
  /** Counts only when it frames a quotation ("he continued: “…”", "the sign read “…”"). */
  quoteOnly?: boolean;
  /** Particles that belong to the cue ("point out", "call for"). */
  particles?: readonly string[];
  /** Counts only together with one of its particles ("point out", not "point"). */
  needsParticle?: boolean;
}

const entries = (cueClass: CueClass, lemmas: string, extra: Omit<CueVerb, 'cueClass'> = {}) =>
  lemmas
    .trim()
    .split(/\s+/)
    .map((lemma) => [lemma, { cueClass, ...extra }] as const);

export const CUE_VERBS: ReadonlyMap<string, CueVerb> = new Map<string, CueVerb>([
  ...entries(
    'assert',
    `say state add note announce declare report write tweet post explain confirm reiterate repeat stress
     emphasize emphasise remark comment mention reveal disclose testify recall recount answer reply respond
     speak conclude observe indicate signal suggest show find think believe know feel understand realize
     learn hear promise pledge vow swear guarantee threaten propose urge demand recommend advise insist maintain
     discuss express cite tout boast brag hint imply highlight underscore request order encourage
     invite offer plan intend aim seek decide choose consider view regard see name
`,
  ),
  ...entries('assert', 'tell inform assure remind notify ask', { takesListener: true }),
  ...entries('assert', 'warn', { takesListener: true, particles: ['of'] }),
  ...entries('assert', 'continue go read quip joke shout yell exclaim whisper muse chime interject', {
    quoteOnly: true,
  }),
  ...entries('assert', 'point', { particles: ['out', 'to'], needsParticle: true }),
  ...entries('assert', 'talk', { particles: ['about'], needsParticle: true }),
  ...entries(
    'deny',
    'deny reject dismiss refute dispute rebut contradict disavow repudiate disagree refuse decline counter',
  ),
  ...entries('acknowledge', 'acknowledge admit concede confess grant agree accept recognize recognise'),
  ...entries('allege', 'claim allege accuse charge contend assert suspect blame purport argue'),
  ...entries('estimate', 'estimate expect project forecast calculate anticipate reckon guess predict'),
  ...entries(
    'evaluate',
    `describe characterize characterise label dub brand criticize criticise praise condemn denounce slam blast
     attack hail welcome applaud commend laud decry lament bemoan complain mock ridicule question doubt fear
     worry hope want wish like love hate prefer support endorse back oppose favor favour defend question
     celebrate thank congratulate apologize apologise`,
  ),
  ...entries('evaluate', 'call', { particles: ['for', 'on'] }),
]);

/** Nouns that introduce attributed content ("the claim that …", "her denial that …"). */
export const CUE_NOUNS: ReadonlyMap<string, CueClass> = new Map<string, CueClass>([
  ...(
    [
      'statement',
      'announcement',
      'report',
      'remark',
      'comment',
      'message',
      'assurance',
      'promise',
      'pledge',
      'warning',
      'belief',
      'view',
      'argument',
      'suggestion',
      'insistence',
      'testimony',
      'reports',
    ] as const
  ).map((w) => [w, 'assert' as CueClass] as const),
  ...(['denial', 'rejection'] as const).map((w) => [w, 'deny' as CueClass] as const),
  ...(['admission', 'acknowledgment', 'acknowledgement', 'concession'] as const).map(
    (w) => [w, 'acknowledge' as CueClass] as const,
  ),
  ...(
    [
      'claim',
      'claims',
      'allegation',
      'allegations',
      'accusation',
      'accusations',
      'assertion',
      'contention',
      'charge',
    ] as const
  ).map((w) => [w, 'allege' as CueClass] as const),
  ...(['estimate', 'prediction', 'forecast', 'projection', 'expectation'] as const).map(
    (w) => [w, 'estimate' as CueClass] as const,
  ),
  ...(['criticism', 'fear', 'hope', 'concern'] as const).map((w) => [w, 'evaluate' as CueClass] as const),
]);

/** Passive and sourceless reporting participles ("it was reported that …", "is said to …"). */
export const PASSIVE_CUES: ReadonlyMap<string, CueClass> = new Map<string, CueClass>([
  ['said', 'assert'],
  ['reported', 'assert'],
  ['believed', 'assert'],
  ['thought', 'assert'],
  ['understood', 'assert'],
  ['known', 'assert'],
  ['announced', 'assert'],
  ['alleged', 'allege'],
  ['claimed', 'allege'],
  ['rumored', 'allege'],
  ['rumoured', 'allege'],
  ['suspected', 'allege'],
  ['accused', 'allege'],
  ['expected', 'estimate'],
  ['estimated', 'estimate'],
  ['projected', 'estimate'],
  ['predicted', 'estimate'],
  ['feared', 'evaluate'],
  ['considered', 'evaluate'],
  ['seen', 'evaluate'],
]);

/** The stance of a cue word or phrase, looked up by verb lemma, noun, or passive participle. */
export function cueClassOf(word: string): CueClass | null {
  const key = word.toLowerCase();
  return CUE_VERBS.get(key)?.cueClass ?? CUE_NOUNS.get(key) ?? PASSIVE_CUES.get(key) ?? null;
}

/** Past forms of cue verbs that do not end in -ed, with their lemma. */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['said', 'say'],
  ['told', 'tell'],
  ['wrote', 'write'],
  ['spoke', 'speak'],
  ['thought', 'think'],
  ['felt', 'feel'],
  ['knew', 'know'],
  ['saw', 'see'],
  ['heard', 'hear'],
  ['found', 'find'],
  ['sought', 'seek'],
  ['chose', 'choose'],
  ['swore', 'swear'],
  ['understood', 'understand'],
  ['went', 'go'],
  ['read', 'read'],
]);

/**
 * Whether a lower-case word is a form of a cue verb ("said", "says", "added", "argues",
 * "insisted", "told"): its lemma found by the regular endings or the irregular past.
 */
export function isCueVerbForm(lower: string): boolean {
  if (CUE_VERBS.has(lower) || CUE_VERBS.has(IRREGULAR_PAST.get(lower) ?? '')) return true;
  const stems = [
    lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : '',
    lower.endsWith('ied') ? `${lower.slice(0, -3)}y` : '',
    lower.endsWith('es') ? lower.slice(0, -2) : '',
    lower.endsWith('s') ? lower.slice(0, -1) : '',
    lower.endsWith('ed') ? lower.slice(0, -2) : '',
    lower.endsWith('d') ? lower.slice(0, -1) : '',
  ];
  return stems.some((stem) => stem.length > 1 && CUE_VERBS.has(stem));
}
