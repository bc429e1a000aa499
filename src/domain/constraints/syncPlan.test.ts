import { planSync, type DesiredValue, type PushedState } from './syncPlan';

const want = (ownerGid: string, key: string, hash: string): DesiredValue => ({ ownerGid, key, hash, type: 'json', value: hash });
const had = (ownerGid: string, key: string, valueHash: string, compareDigest: string | null = `d-${valueHash}`): PushedState => ({ ownerGid, key, valueHash, compareDigest });

describe('planSync', () => {
  it('nothing changed → no write, no delete', () => {
    const plan = planSync([want('L1', 'constraints', 'a'), want('L1', 'quota_0', 'b')], [had('L1', 'constraints', 'a'), had('L1', 'quota_0', 'b')], new Set(['L1']));
    expect(plan).toEqual({ writes: [], deletes: [], unchanged: 2 });
  });

  it('a changed value is written on the digest of our last write; a new one only if it does not exist yet', () => {
    const plan = planSync([want('L1', 'quota_0', 'new'), want('L1', 'quota_1', 'x')], [had('L1', 'quota_0', 'old')], new Set(['L1']));
    expect(plan.writes.map((w) => [w.key, w.compareDigest])).toEqual([
      ['quota_0', 'd-old'],
      ['quota_1', null],
    ]);
  });

  it('keys an owner in the run no longer needs are deleted; owners outside the run keep theirs', () => {
    const plan = planSync([want('L1', 'constraints', 'a')], [had('L1', 'constraints', 'a'), had('L1', 'quota_1', 'q'), had('L2', 'quota_0', 'z')], new Set(['L1']));
    expect(plan.deletes).toEqual([{ ownerGid: 'L1', key: 'quota_1' }]);
  });

  it('an owner whose rules all went away loses every key', () => {
    const plan = planSync([], [had('L3', 'constraints', 'a'), had('L3', 'qty_0', 'b')], new Set(['L3']));
    expect(plan.deletes).toHaveLength(2);
  });
});
