import { describe, expect, it } from 'vitest';
import { statusTransitionRefusal } from '../../shared/board/status-transition';

const s = (name: string, isActive = true) => ({ name, isActive });

describe('statusTransitionRefusal', () => {
  it('lets work move forward and back within the open workflow', () => {
    for (const [from, to] of [
      ['Waiting for approval', 'Approved'],
      ['Approved', 'Scheduled'],
      ['Scheduled', 'In progress'],
      ['In progress', 'On hold'],
      ['On hold', 'In progress'],
      ['In progress', 'Scheduled'],
      ['In progress', 'Completed'],
      ['Completed', 'Closed'],
      ['Completed', 'In progress'],
      ['Scheduled', 'Waiting for approval'],
    ] as const) {
      expect(statusTransitionRefusal(s(from), s(to)), `${from} → ${to}`).toBeNull();
    }
  });

  it('refuses moves out of closed and cancelled work, saying why', () => {
    expect(statusTransitionRefusal(s('Closed'), s('In progress'))).toMatch(/^Closed work orders are final/);
    expect(statusTransitionRefusal(s('Cancelled'), s('Approved'))).toMatch(/^Cancelled work orders are final/);
  });

  it('closes only completed work', () => {
    expect(statusTransitionRefusal(s('In progress'), s('Closed'))).toMatch(/Only completed work can be closed/);
    expect(statusTransitionRefusal(s('Waiting for approval'), s('Closed'))).not.toBeNull();
  });

  it('does not send started or completed work back to a request or to planning', () => {
    expect(statusTransitionRefusal(s('In progress'), s('Waiting for approval'))).toMatch(/Work has started/);
    expect(statusTransitionRefusal(s('Completed'), s('Scheduled'))).toMatch(/Completed work can be reopened/);
  });

  it('refuses statuses the plant no longer uses', () => {
    expect(statusTransitionRefusal(s('Approved'), s('Scheduled', false))).toMatch(/no longer in use/);
  });

  it('allows any active status for a work order whose status is unknown', () => {
    expect(statusTransitionRefusal(null, s('Approved'))).toBeNull();
  });
});
