// Reads a V8 CPU profile (DevTools' Profiler.stop) of one page load: which functions ran during a given
// stretch of the page's timeline, such as a long task or a long animation frame.

const IDLE = '(idle)';
const CLOCK_SYNC = '__benchClockSync';

/** When each sample was taken, in µs: the profile stores the gaps between them. */
function sampleTimes(profile) {
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  return times;
}

function shortUrl(url) {
  if (url.startsWith('chrome-extension://')) return url.replace(/^chrome-extension:\/\/[^/]+\//, 'ext:');
  return url.replace(/^https?:\/\/[^/]+\//, '');
}

function label(frame) {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} (${shortUrl(frame.url)}:${frame.lineNumber + 1})` : name;
}

/** Reads a profile against the page's clock; `clockSyncAt` is the performance.now() at which __benchClockSync ran. */
export function profileReader(profile, clockSyncAt) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const times = sampleTimes(profile);
  const stackOf = (id) => {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at).callFrame);
    return stack;
  };
  const syncIndex = profile.samples.findIndex((id) => stackOf(id).some((frame) => frame.functionName === CLOCK_SYNC));
  // Profile time (µs) of the page's performance.now() = 0.
  const origin = syncIndex >= 0 ? times[syncIndex] - clockSyncAt * 1000 : null;

  return {
    aligned: origin !== null,

    /** Self time by group over the whole profile: the extension's scripts, the page's, the engine's own work. */
    byOrigin() {
      const out = { extension: 0, page: 0, '(program)': 0, '(garbage collector)': 0, other: 0 };
      profile.samples.forEach((id, i) => {
        const frame = nodes.get(id).callFrame;
        if (frame.functionName === IDLE || frame.functionName === CLOCK_SYNC) return;
        const ms = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
        if (frame.url.startsWith('chrome-extension://')) out.extension += ms;
        else if (frame.url) out.page += ms;
        else if (frame.functionName in out) out[frame.functionName] += ms;
        else out.other += ms;
      });
      return out;
    },

    /**
     * What ran between `from` and `to` (page clock, ms): functions by self time, and the extension's
     * functions by inclusive time (a function counts once per sample however deep it recurses).
     */
    between(from, to, { top = 6 } = {}) {
      if (origin === null) return null;
      const self = new Map();
      const inclusive = new Map();
      let sampled = 0;
      profile.samples.forEach((id, i) => {
        const at = (times[i] - origin) / 1000;
        if (at < from || at > to) return;
        const ms = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
        sampled += ms;
        const stack = stackOf(id);
        const own = label(stack[0]);
        self.set(own, (self.get(own) ?? 0) + ms);
        const seen = new Set();
        for (const frame of stack) {
          if (!frame.url.startsWith('chrome-extension://')) continue;
          const name = label(frame);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
        }
      });
      const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
      return { sampled, self: sorted(self), extension: sorted(inclusive) };
    },
  };
}
