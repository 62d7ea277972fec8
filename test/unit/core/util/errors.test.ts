import * as assert from 'assert';
import { firstLineOf, messageOf, stackOf } from '../../../../src/core/util/errors';

describe('core/util/errors', () => {
  it('the message, first line and stack of anything thrown', () => {
    assert.strictEqual(messageOf(new Error('boom')), 'boom');
    assert.strictEqual(messageOf('plain'), 'plain');
    assert.strictEqual(firstLineOf(new Error('bad YAML\n  at line 3')), 'bad YAML');
    assert.match(stackOf(new Error('boom')), /^Error: boom\n/);
    assert.strictEqual(stackOf(42), '42');
  });
});
