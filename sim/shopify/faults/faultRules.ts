/**
 * Faults injected per root field (or `*`), set and cleared through `/_sim/faults`, so a
 * client's retry and idempotency paths can be proved:
 * - `latencyMs`: answer late (alone or with an effect);
 * - `effect: 'error'`: a Shopify internal error instead of executing;
 * - `effect: 'http'`: an HTTP 5xx (`httpStatus`) instead of executing;
 * - `effect: 'drop'`: execute (the mutation IS applied), then drop the connection without
 *   answering — the lost-response case a client must survive without duplicating work.
 * `rate` is the chance a matching request is hit (default 1); `times` limits how many
 * requests a rule hits before it retires.
 */
export interface FaultRule {
  field: string;
  shop?: string | undefined;
  rate?: number | undefined;
  times?: number | undefined;
  latencyMs?: number | undefined;
  effect?: 'error' | 'http' | 'drop' | undefined;
  httpStatus?: number | undefined;
}

export type FaultEffect = { kind: 'none' } | { kind: 'error' } | { kind: 'http'; status: number } | { kind: 'drop' };

export interface FaultDecision {
  latencyMs: number;
  effect: FaultEffect;
  /** Indexes of the rules that fired (their `times` must be counted down). */
  fired: number[];
}

/** Pure: which rules fire for a request touching `rootFields` of `shop`. */
export function decideFaults(rules: readonly FaultRule[], shop: string, rootFields: readonly string[], random: () => number): FaultDecision {
  let latencyMs = 0;
  let effect: FaultEffect = { kind: 'none' };
  const fired: number[] = [];
  rules.forEach((rule, index) => {
    if (rule.times !== undefined && rule.times <= 0) return;
    if (rule.shop !== undefined && rule.shop !== shop) return;
    if (rule.field !== '*' && !rootFields.includes(rule.field)) return;
    if (random() >= (rule.rate ?? 1)) return;
    fired.push(index);
    latencyMs = Math.max(latencyMs, rule.latencyMs ?? 0);
    if (effect.kind !== 'none' || rule.effect === undefined) return;
    effect = rule.effect === 'http' ? { kind: 'http', status: rule.httpStatus ?? 503 } : { kind: rule.effect };
  });
  return { latencyMs, effect, fired };
}

/** Counts down `times` of the rules that fired and drops the exhausted ones. */
export function consumeFaults(rules: FaultRule[], fired: readonly number[]): FaultRule[] {
  return rules
    .map((rule, index) => (fired.includes(index) && rule.times !== undefined ? { ...rule, times: rule.times - 1 } : rule))
    .filter((rule) => rule.times === undefined || rule.times > 0);
}
