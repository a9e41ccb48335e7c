/**
 * The xAPI vocabulary of this game. Verbs come from ADL's registry (xAPI 1.0.3 / IEEE 9274.1.1 recommend reusing
 * established verbs); the extension keys are IRIs this project defines, listed with their meaning in
 * src/delivery/README.md ("xAPI vocabulary"). They are identifiers, not (yet) resolvable pages: xAPI requires an
 * extension key to be an IRI and only recommends that it resolve (Part 2 section 5.3, "Extensions").
 */
export const VOCABULARY_BASE = 'https://w3id.org/xray-deepfake-trainer/xapi';

export const VERB_ANSWERED = { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } } as const;
/** cmi.interaction activities carry interactionType and scale (xAPI Part 2 section 4.1.4.1, "Interaction Activities"). */
export const ACTIVITY_INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
export const ACTIVITY_ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
export const ACTIVITY_PROFILE = 'http://adlnet.gov/expapi/activities/profile';

export const EXT = Object.freeze({
  /** result: the six-point rating (1 definitely real … 6 definitely fake), null on a time-out. */
  rating: `${VOCABULARY_BASE}/result/rating`,
  /** result: [{x, y}] image pixels where the reader marked the tell (at most 3). */
  marks: `${VOCABULARY_BASE}/result/marks`,
  /** result: decision time in milliseconds (result.duration carries it too, to 0.01 s). */
  timeMs: `${VOCABULARY_BASE}/result/time-ms`,
  timedOut: `${VOCABULARY_BASE}/result/timed-out`,
  /** result: viewer tools and lenses used on the case. */
  toolsUsed: `${VOCABULARY_BASE}/result/tools-used`,
  interrupted: `${VOCABULARY_BASE}/result/interrupted`,
  /** result (read-and-flag sessions): the clinical read ('normal' | 'abnormal' | null) and the manipulation flag. */
  read: `${VOCABULARY_BASE}/result/read`,
  flagged: `${VOCABULARY_BASE}/result/flagged`,
  /** result (readiness drills): the kind of tell named (an artifact category or null) and the AI badge shown (or null). */
  tellNamed: `${VOCABULARY_BASE}/result/tell-named`,
  hint: `${VOCABULARY_BASE}/result/ai-hint`,
  /** context: where the case was shown (the game's round and index in round) and the session definition's hash. */
  round: `${VOCABULARY_BASE}/context/round`,
  indexInRound: `${VOCABULARY_BASE}/context/index-in-round`,
  sessionSha256: `${VOCABULARY_BASE}/context/session-sha256`,
});

/** The scale of the rating, as the likert interaction's `scale` (ids are the response values). */
export const RATING_SCALE = [
  'definitely real', 'probably real', 'possibly real', 'possibly fake', 'probably fake', 'definitely fake',
].map((d, i) => ({ id: String(i + 1), description: { 'en-US': d } }));
