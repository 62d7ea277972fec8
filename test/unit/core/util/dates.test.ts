import * as assert from 'assert';
import { addDays, daysBetween, weekdayOf } from '../../../../src/core/util/dates';

describe('core/util/dates', () => {
  it('dates: addDays (null for what is not YYYY-MM-DD), daysBetween, weekdayOf', () => {
    assert.strictEqual(addDays('2025-02-28', 1), '2025-03-01');
    assert.strictEqual(addDays('2024-12-31', 1), '2025-01-01');
    assert.strictEqual(addDays('2025-03-01', -1), '2025-02-28');
    assert.strictEqual(addDays('2025-3-1', 1), null);
    assert.strictEqual(daysBetween('2025-03-30', '2025-04-02'), 3);
    assert.strictEqual(weekdayOf('2025-04-02'), 3, 'a Wednesday');
  });
});
