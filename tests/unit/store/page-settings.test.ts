import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SETTINGS } from '../../../lib/messages';
import { BackstoryDatabase } from '../../../lib/store/db';
import { readPageSettings, readSiteStatus, switchedOffSites, writePageSettings, writeSwitch } from '../../../lib/store/settings';

let counter = 0;
const fresh = () => new BackstoryDatabase(`page-settings-${++counter}`);

describe('page settings', () => {
  it('are the defaults until the reader changes one, and a change keeps the others', async () => {
    const db = fresh();
    expect(await readPageSettings(db)).toEqual(DEFAULT_PAGE_SETTINGS);
    await writePageSettings(db, { hiddenKinds: ['country'], openOn: 'click' });
    await writePageSettings(db, { hoverDelayMs: 600 });
    expect(await readPageSettings(db)).toEqual({ ...DEFAULT_PAGE_SETTINGS, hiddenKinds: ['country'], openOn: 'click', hoverDelayMs: 600 });
    // Pages are told them with the site's status.
    expect((await readSiteStatus(db, 'news.example')).settings.openOn).toBe('click');
  });

  it('refuse a value outside the choices, saying which, and change nothing', async () => {
    const db = fresh();
    await writePageSettings(db, { markStyle: 'tint' });
    await expect(writePageSettings(db, { markStyle: 'sparkles' as never, saveButton: false })).rejects.toThrow('Not a valid value for markStyle: "sparkles"');
    await expect(writePageSettings(db, { hoverDelayMs: 5 })).rejects.toThrow('hoverDelayMs');
    expect(await readPageSettings(db)).toEqual({ ...DEFAULT_PAGE_SETTINGS, markStyle: 'tint' });
  });

  it('read a damaged stored row as the defaults for what is damaged', async () => {
    const db = fresh();
    await db.settings.put({ key: 'page-settings', value: { hiddenKinds: ['aliens'], mentions: 'first-in-block', hideFromPages: 'yes' } });
    expect(await readPageSettings(db)).toEqual({ ...DEFAULT_PAGE_SETTINGS, mentions: 'first-in-block' });
  });

  it('list the sites switched off, and none once switched back on', async () => {
    const db = fresh();
    await writeSwitch(db, 'site', 'b.example', false);
    await writeSwitch(db, 'site', 'a.example', false);
    await writeSwitch(db, 'everywhere', 'c.example', false);
    expect(await switchedOffSites(db)).toEqual(['a.example', 'b.example']);
    await writeSwitch(db, 'site', 'a.example', true);
    expect(await switchedOffSites(db)).toEqual(['b.example']);
  });
});
