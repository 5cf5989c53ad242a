import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { runJob, type Job, type JobEvent } from '../../../lib/store/jobs';
import { importPack } from '../../../lib/store/packs';
import { smallPack } from './fixture-pack';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`jobs-${++counter}`);
  await db.open();
});

async function run(job: Job): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  await runJob(db, job, (event) => events.push(event));
  return events;
}

const blob = (text: string) => new Blob([text], { type: 'application/json' });

describe('the options page’s jobs, as the worker runs them', () => {
  it('imports a file: checking, then writing with progress, then the result', async () => {
    const events = await run({ type: 'import', file: blob(JSON.stringify(smallPack())) });
    expect(events.map((e) => (e.type === 'stage' ? `${e.stage}${e.stage === 'writing' ? ` ${e.done}/${e.total}` : ''}` : e.type))).toEqual([
      'checking',
      'writing 0/5',
      'writing 5/5',
      'imported',
    ]);
    expect(events.at(-1)).toMatchObject({ outcome: { ok: true, packId: 'test-pack', result: { entities: 5 } } });
  });

  it('answers a bad file with its problems, never with a half import', async () => {
    const events = await run({ type: 'import', file: blob('[1, 2') });
    expect(events.at(-1)).toMatchObject({ type: 'imported', outcome: { ok: false, problems: [{ path: '$' }] } });
    expect(await db.entities.count()).toBe(0);
  });

  it('exports a pack file named after what it holds and the day', async () => {
    await importPack(db, smallPack());
    const [event] = await run({ type: 'export', format: 'pack', scope: 'all' });
    if (event.type !== 'exported') throw new Error(JSON.stringify(event));
    expect(event.file.name).toMatch(/^my-backstory-everything-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await event.file.blob.text())).toMatchObject({ format: 'backstory-pack', id: 'my-backstory' });
    const [own] = await run({ type: 'export', format: 'pack', scope: { pack: 'test-pack' } });
    expect(own.type === 'exported' && own.file.name).toMatch(/^test-pack-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('exports statements as CSV that spreadsheets read as UTF-8', async () => {
    await importPack(db, smallPack());
    const [event] = await run({ type: 'export', format: 'csv', scope: 'user' });
    if (event.type !== 'exported') throw new Error(JSON.stringify(event));
    expect(event.file.name).toMatch(/^backstory-statements-my-own-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await event.file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reports a failure instead of throwing', async () => {
    db.close();
    const events = await run({ type: 'export', format: 'pack', scope: 'all' });
    expect(events).toEqual([{ type: 'failed', message: expect.stringMatching(/closed/i) }]);
  });
});
