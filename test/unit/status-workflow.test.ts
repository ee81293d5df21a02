import { describe, expect, it } from 'vitest';
import { orderStatuses } from '../../shared/domain/status-workflow';

const status = (name: string, key = name) => ({ key, name, code: null });

describe('status workflow order', () => {
  it('orders a typical status table along the maintenance workflow', () => {
    const shuffled = ['Closed', 'In progress', 'Approved', 'Completed', 'Waiting for approval', 'On hold', 'Scheduled'].map((n) => status(n));
    expect(orderStatuses(shuffled).map((s) => s.name)).toEqual([
      'Waiting for approval',
      'Approved',
      'Scheduled',
      'In progress',
      'On hold',
      'Completed',
      'Closed',
    ]);
  });

  it('places other vocabularies sensibly and unknown names in the middle', () => {
    const names = orderStatuses(['Cancelled', 'Done', 'Open', 'Assessment', 'Work in progress'].map((n) => status(n))).map((s) => s.name);
    expect(names).toEqual(['Open', 'Assessment', 'Work in progress', 'Done', 'Cancelled']);
  });
});
