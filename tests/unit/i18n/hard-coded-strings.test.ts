// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedStrings, scanComponents } from './hard-coded-strings';

const ROOT = join(__dirname, '../../..');

describe('user-visible strings come from the catalogues', () => {
  it('no component hard-codes text, an aria-label, a title, a placeholder or an alt', () => {
    const found = scanComponents(ROOT, 'components').map((h) => `${h.file}:${h.line} ${h.text}`);
    expect(found).toEqual([]);
  });

  it('the scan finds each kind of hard-coded string', () => {
    const source = `
      export const A = ({ n, busy }) => (
        <div aria-label="Names on this page" title={\`Close \${n}\`}>
          Read with Backstory
          <input placeholder='Search…' />
          <img alt="Logo" />
          {busy ? 'Saving…' : null}
          {t('ok')} · × {n}
          <span title={label} aria-label={t('x')}>Backstory</span>
          <input placeholder="https://" />
        </div>
      );`;
    expect(hardCodedStrings(source).map((h) => h.text)).toEqual([
      'aria-label=Names on this page',
      'title=Close',
      'Read with Backstory',
      'placeholder=Search…',
      'alt=Logo',
      'Saving…',
    ]);
  });
});
