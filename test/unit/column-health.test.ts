import { describe, expect, it } from 'vitest';
import { columnHealth, siteHealth, type ColumnFacts } from '../../src/reports/column-health.ts';

const now = new Date('2026-12-04T02:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86400_000);
const col = (id: number, kind: string, last: number | null, published = last === null ? 0 : 5): ColumnFacts => ({ id, name: `栏目${id}`, kind, published, lastPublishedAt: last === null ? null : daysAgo(last) });

describe('column health (国办秘函〔2019〕19号)', () => {
  it('warns a dynamic column at 10 days and calls it stale at 14; a notice column at 150 and 183 days', () => {
    expect(columnHealth(col(1, 'news', 9), now).health).toBe('ok');
    expect(columnHealth(col(1, 'news', 10), now).health).toBe('warn');
    expect(columnHealth(col(1, 'news', 14), now).health).toBe('stale');
    expect(columnHealth(col(2, 'policy', 149), now).health).toBe('ok');
    expect(columnHealth(col(2, 'policy', 150), now).health).toBe('warn');
    expect(columnHealth(col(2, 'notice', 183), now).health).toBe('stale');
    expect(columnHealth(col(3, 'general', 2000), now).health).toBe('ok');
    expect(columnHealth(col(4, 'finance', null), now).health).toBe('blank');
  });

  it('finds the veto items at their counts and warns before', () => {
    const fresh = [col(1, 'news', 1), col(2, 'notice', 20)];
    expect(siteHealth(fresh, now).findings).toEqual([]);
    const homeWarn = siteHealth([col(1, 'news', 11), col(2, 'notice', 12)], now);
    expect(homeWarn.findings.map((f) => [f.id, f.level])).toContainEqual(['home_stale', 'warn']);
    const homeStale = siteHealth([col(1, 'news', 15)], now);
    expect(homeStale.findings[0]).toMatchObject({ id: 'home_stale', level: 'veto' });
    const blanks = siteHealth([col(1, 'news', 1), ...[2, 3, 4, 5, 6].map((i) => col(i, 'finance', null))], now);
    expect(blanks.findings.find((f) => f.id === 'columns_blank')).toMatchObject({ level: 'veto' });
    const twoBlank = siteHealth([col(1, 'news', 1), col(2, 'finance', null), col(3, 'personnel', null)], now);
    expect(twoBlank.findings.find((f) => f.id === 'columns_blank')).toMatchObject({ level: 'warn' });
    const fiveStale = siteHealth([col(1, 'news', 1), ...[2, 3, 4, 5, 6].map((i) => col(i, 'policy', 200))], now);
    expect(fiveStale.findings[0]).toMatchObject({ id: 'columns_stale', level: 'veto' });
    expect(fiveStale.findings[0]?.message).toContain('栏目2');
  });
});
