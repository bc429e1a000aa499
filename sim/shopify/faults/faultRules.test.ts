import { consumeFaults, decideFaults, type FaultRule } from './faultRules';

const always = () => 0;
const never = () => 0.999;

describe('decideFaults', () => {
  it.each<[string, FaultRule[], string[], string]>([
    ['a rule on the called root field fires', [{ field: 'draftOrderCreate', effect: 'drop' }], ['draftOrderCreate'], 'drop'],
    ['a rule on another field does not', [{ field: 'draftOrderComplete', effect: 'drop' }], ['draftOrderCreate'], 'none'],
    ['a wildcard rule fires on anything', [{ field: '*', effect: 'http', httpStatus: 502 }], ['shop'], 'http'],
    ['the first effect wins', [{ field: '*', effect: 'error' }, { field: '*', effect: 'drop' }], ['shop'], 'error'],
  ])('%s', (_name, rules, fields, kind) => {
    expect(decideFaults(rules, 'a.myshopify.com', fields, always).effect.kind).toBe(kind);
  });

  it('a rule with rate 0.5 fires only when the draw is under it', () => {
    const rules: FaultRule[] = [{ field: '*', rate: 0.5, effect: 'error' }];
    expect(decideFaults(rules, 's', ['shop'], always).effect.kind).toBe('error');
    expect(decideFaults(rules, 's', ['shop'], never).effect.kind).toBe('none');
  });

  it('latency adds up from every firing rule as the largest one, with or without an effect', () => {
    const decision = decideFaults([{ field: '*', latencyMs: 50 }, { field: 'shop', latencyMs: 200 }], 's', ['shop'], always);
    expect(decision).toMatchObject({ latencyMs: 200, effect: { kind: 'none' } });
  });

  it('a rule limited to one shop leaves other shops alone', () => {
    expect(decideFaults([{ field: '*', shop: 'a', effect: 'error' }], 'b', ['shop'], always).effect.kind).toBe('none');
  });

  it('a rule with times retires after that many hits', () => {
    let rules: FaultRule[] = [{ field: '*', times: 2, effect: 'error' }];
    rules = consumeFaults(rules, decideFaults(rules, 's', ['shop'], always).fired);
    expect(rules).toEqual([{ field: '*', times: 1, effect: 'error' }]);
    rules = consumeFaults(rules, decideFaults(rules, 's', ['shop'], always).fired);
    expect(rules).toEqual([]);
  });
});
