import { BackgroundRequest, isOwnSender, parseRequest, type BackgroundReplies, type Reply, type SenderInfo } from '../messages';
import type { BackstoryDatabase } from '../store/db';
import { findCandidates, loadDossier } from '../store/queries';
import { readSiteStatus, writeSwitch } from '../store/settings';

export interface RouterDeps {
  db: BackstoryDatabase;
  /** Resolves once the database holds the starter pack. */
  ready: Promise<unknown>;
  ownId: string;
  ownBaseUrl: string;
  setBadge(tabId: number, count: number): Promise<void>;
  /** Tell every open page to read its switches and marks again. */
  refreshPages(): Promise<void>;
}

/** Answers the protocol's requests. Never throws: a bad message or a failure becomes an error reply. */
export function createRouter(deps: RouterDeps) {
  const { db } = deps;
  const handlers: { [K in BackgroundRequest['type']]: (request: Extract<BackgroundRequest, { type: K }>, sender: SenderInfo) => Promise<BackgroundReplies[K]> } = {
    lookup: (request) => findCandidates(db, request.keys),
    dossier: (request) => loadDossier(db, request.id),
    'site-status': (request) => readSiteStatus(db, request.host),
    'set-switch': async (request) => {
      const status = await writeSwitch(db, request.scope, request.host, request.on);
      await deps.refreshPages();
      return status;
    },
    'knowledge-changed': async () => {
      await deps.refreshPages();
      return null;
    },
    found: async (request, sender) => {
      if (sender.tab?.id !== undefined) await deps.setBadge(sender.tab.id, request.entities);
      return null;
    },
  };

  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    if (!isOwnSender(sender, deps.ownId, deps.ownBaseUrl)) return { ok: false, error: 'Refused a message from outside Backstory' };
    const parsed = parseRequest(BackgroundRequest, message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      await deps.ready;
      const handler = handlers[parsed.request.type] as (r: BackgroundRequest, s: SenderInfo) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.request, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
