import { describe, expect, it } from 'vitest';
import { STAGES } from '@/lib/rules/enums';
import { rotatePanel, stageFunnel } from '@/lib/rules/screen';

describe('大屏 stage funnel', () => {
  it('counts the projects that reached at least each stage', () => {
    const rows = stageFunnel({ reserve: 5, signed: 2, approvals: 32, construction: 43, completed: 4, operating: 1 });
    expect(rows.map((row) => row.stage)).toEqual([...STAGES]);
    expect(rows.map((row) => row.reached)).toEqual([87, 82, 80, 48, 5, 1]);
    expect(rows.map((row) => row.current)).toEqual([5, 2, 32, 43, 4, 1]);
  });

  it('is non-increasing whatever the current stages are', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % 60;
    for (let trial = 0; trial < 200; trial++) {
      const counts = Object.fromEntries(STAGES.map((stage) => [stage, next()]));
      const reached = stageFunnel(counts).map((row) => row.reached);
      for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]);
      expect(reached[0]).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    }
  });

  it('treats missing stages as empty', () => {
    expect(stageFunnel({}).every((row) => row.reached === 0)).toBe(true);
  });
});

describe('大屏 rotation', () => {
  it('wraps both ways', () => {
    expect(rotatePanel(0, -1, 6)).toBe(5);
    expect(rotatePanel(5, 1, 6)).toBe(0);
    expect(rotatePanel(2, 1, 6)).toBe(3);
  });
});
