/**
 * The sentences under the summary cards name each fact once: retention is churn's complement, so a
 * rise in churn is not reported a second time as a fall in retention.
 */
import { describe, expect, it } from 'vitest';
import type { HeadlineKpi } from '../../src/report/compute/model';
import { storyOf } from '../../src/report/compute/story';

const significant = { test: 'proportion', pValue: 0.01, significant: true } as const;

function kpi(key: HeadlineKpi['key'], previous: number, current: number): HeadlineKpi {
  return {
    key,
    format: 'percent',
    current,
    previous,
    yearAgo: null,
    changeTest: significant,
    yearTest: null,
    trend: [previous, current],
  };
}

describe('the story names a fact once', () => {
  it('churn up 2 points is named; retention down 2 points, its mirror, is not', () => {
    const story = storyOf({ headline: [kpi('churn', 0.045, 0.065), kpi('retention', 0.955, 0.935)] });
    expect(story.worsened.map((c) => c.key)).toEqual(['churn']);
    expect(story.worsened[0].change).toBeCloseTo(0.02, 12);
  });

  it('retention is named when churn is not in the table', () => {
    const story = storyOf({ headline: [kpi('retention', 0.955, 0.935)] });
    expect(story.worsened.map((c) => c.key)).toEqual(['retention']);
  });
});
