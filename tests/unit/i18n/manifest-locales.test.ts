// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const ROOT = join(__dirname, '../../..');
const messagesOf = (language: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', language, 'messages.json'), 'utf8'));

describe("the manifest in the browser's language", () => {
  const manifest = (config.manifest as (env: object) => Record<string, any>)({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
  const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);

  it('takes its name, description and commands from _locales, English by default', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(used).toEqual(expect.arrayContaining(['extName', 'extDescription', 'cmdNextName', 'cmdPreviousName', 'cmdSaveSelection', 'cmdReadWithBackstory']));
  });

  it.each(['en', 'ru'])('%s has every message the manifest and the context menu name, the same keys as English, none empty', (language) => {
    const messages = messagesOf(language);
    expect(Object.keys(messages)).toEqual(expect.arrayContaining([...used, 'menuSaveSelection', 'menuReadWithBackstory']));
    expect(Object.keys(messages).sort()).toEqual(Object.keys(messagesOf('en')).sort());
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
  });

  it('the Russian description is in Russian', () => {
    expect(messagesOf('ru').extDescription!.message).toMatch(/[а-яё]/);
    expect(messagesOf('ru').extDescription!.message).not.toBe(messagesOf('en').extDescription!.message);
  });
});
