import { describe, expect, it } from 'vitest';
import { oncePer } from '../../src/report/compute/once-per';

describe('oncePer', () => {
  it('builds once per object, keeps undefined too, and builds again for another object', () => {
    const built: object[] = [];
    const doubled = oncePer((key: { n: number }) => {
      built.push(key);
      return key.n > 0 ? key.n * 2 : undefined;
    });
    const a = { n: 2 };
    const zero = { n: 0 };
    expect([doubled(a), doubled(a), doubled(zero), doubled(zero)]).toEqual([4, 4, undefined, undefined]);
    expect(doubled({ n: 2 })).toBe(4);
    expect(built).toEqual([a, zero, { n: 2 }]);
  });
});
