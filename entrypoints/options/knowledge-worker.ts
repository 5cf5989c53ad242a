import { openDatabase } from '~/lib/store/db';
import { runJob, type JobEventMessage, type JobMessage } from '~/lib/store/jobs';

// The worker's own global scope; the project's TypeScript setup types `self` as a window.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<JobMessage>) => void): void;
  postMessage(message: JobEventMessage): void;
};

const db = openDatabase();
scope.addEventListener('message', ({ data: { id, job } }) => {
  void runJob(db, job, (event) => scope.postMessage({ id, event }));
});
