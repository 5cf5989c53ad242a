import type { PackView } from '../../lib/messages';
import { formatDate } from '../../lib/format';
import { t } from '../../lib/i18n';

/**
 * When packs give an entity different current roles: each with its pack and as-of date, newest first
 * (the order the dossier gives them in). Nothing when they agree.
 */
export function PackRoles({ packs }: { packs: PackView[] | undefined }) {
  const withRole = (packs ?? []).filter((p) => p.currentRole);
  if (new Set(withRole.map((p) => p.currentRole!.title)).size < 2) return null;
  return (
    <ul class="pack-roles" aria-label={t('card.packRoles')}>
      {withRole.map((p) => (
        <li key={p.origin}>
          {p.asOf
            ? t('card.packRole', { role: p.currentRole!.title, pack: p.title, date: formatDate(p.asOf) })
            : t('card.packRoleUndated', { role: p.currentRole!.title, pack: p.title })}
        </li>
      ))}
    </ul>
  );
}

/** The packs an entity's facts come from, when more than one speaks of it. */
export function PackNames({ packs }: { packs: PackView[] | undefined }) {
  if (!packs || packs.length < 2) return null;
  return <span class="from-packs">{t('card.fromPacks', { packs: packs.map((p) => p.title).join(', ') })}</span>;
}
