import * as assert from 'assert';
import { isHttpUrl } from '../../../../src/core/util/url';

describe('core/util/url', () => {
  it('isHttpUrl: an absolute http(s) URL with a host', () => {
    assert.ok(isHttpUrl('https://example.com/a'));
    assert.ok(isHttpUrl(' http://example.com '));
    assert.ok(!isHttpUrl('ftp://example.com'));
    assert.ok(!isHttpUrl('example.com'));
    assert.ok(!isHttpUrl('https://'));
  });
});
