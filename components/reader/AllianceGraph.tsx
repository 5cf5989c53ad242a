import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { useMemo } from 'preact/hooks';
import type { JSX } from 'preact';
import { acronymOf, allianceGraph, type GraphLink, type GraphNode } from '../../lib/study/alliances';
import type { ArticleEntity } from '../../lib/study/article';
import { statusLabel } from '../../lib/format';
import { t } from '../../lib/i18n';

export interface AllianceGraphProps {
  entities: ArticleEntity[];
  /** Called with the id of an entity the article names when its node is activated (click, Enter, Space). */
  onSelect(entityId: string): void;
}

interface Placed extends SimulationNodeDatum {
  node: GraphNode;
  label: string;
  x: number;
  y: number;
}

interface PlacedLink {
  link: GraphLink;
  source: Placed;
  target: Placed;
}

const RADIUS = 9;
/** Enough for the simulation to settle from a circle; it runs once, synchronously, never animated. */
const TICKS = 300;
/** Room above and below the drawing; the room at the sides is the longest name's (see layOut). */
const MARGIN_Y = 30;
/** About how wide a character of the graph's 11 px type is, in its units. */
const CHAR_WIDTH = 6.5;

/** A structure's acronym (CSTO, EAEU), as its table column is headed, fits a small drawing better than its name. */
function labelOf(node: GraphNode, entities: Map<string, ArticleEntity>): string {
  const entity = node.structure ? entities.get(node.id) : undefined;
  return (entity && acronymOf(entity)) ?? node.name;
}

/**
 * Positions from d3-force, worked out synchronously so the graph is drawn once and the same every time:
 * the nodes start evenly on a circle (members first, then structures) and the simulation's own random
 * source is seeded.
 */
function layOut(nodes: GraphNode[], links: GraphLink[], entities: Map<string, ArticleEntity>) {
  const ring = Math.max(120, nodes.length * 16);
  const placed: Placed[] = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    return { node, label: labelOf(node, entities), x: ring * Math.cos(angle), y: ring * Math.sin(angle) };
  });
  const byId = new Map(placed.map((p) => [p.node.id, p]));
  const placedLinks: PlacedLink[] = links.map((link) => ({ link, source: byId.get(link.source)!, target: byId.get(link.target)! }));
  forceSimulation(placed)
    .force('link', forceLink<Placed, PlacedLink>(placedLinks).distance((l) => (l.link.kind === 'via' ? 50 : 110)))
    .force('charge', forceManyBody<Placed>().strength(-320))
    .force('collide', forceCollide<Placed>(RADIUS * 3))
    .force('x', forceX<Placed>(0).strength(0.05))
    .force('y', forceY<Placed>(0).strength(0.08))
    .stop()
    .tick(TICKS);
  const xs = placed.map((p) => p.x);
  const ys = placed.map((p) => p.y);
  // Names stand beside their nodes, outwards: leave room for the longest on either side.
  const marginX = RADIUS + 8 + CHAR_WIDTH * Math.max(...placed.map((p) => p.label.length));
  const [minX, minY] = [Math.min(...xs) - marginX, Math.min(...ys) - MARGIN_Y];
  const viewBox = `${minX} ${minY} ${Math.max(...xs) + marginX - minX} ${Math.max(...ys) + MARGIN_Y - minY}`;
  return { placed, placedLinks, viewBox };
}

function linkClass(link: GraphLink): string {
  return link.kind === 'via' ? 'bs-link bs-link-via' : `bs-link status-${link.status}`;
}

function LinkLine({ source, target, link }: PlacedLink) {
  const showsStatus = link.kind === 'membership' && link.status !== 'member_of';
  return (
    <g class={linkClass(link)}>
      <line x1={source.x} y1={source.y} x2={target.x} y2={target.y} />
      {showsStatus ? (
        <text x={(source.x + target.x) / 2} y={(source.y + target.y) / 2 - 4} text-anchor="middle" class="bs-link-label">
          {statusLabel(link.status)}
        </text>
      ) : null}
    </g>
  );
}

function Node({ placed, onSelect }: { placed: Placed; onSelect(id: string): void }) {
  const { node, label, x, y } = placed;
  const activate = () => onSelect(node.id);
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    activate();
  };
  // Only what the article names can be opened; the rest is described, but is no stop for the keyboard.
  // Lower-case `tabindex`: Preact sets SVG attributes as written, and SVG attribute names keep their case.
  const interaction = node.inArticle
    ? { tabindex: 0, role: 'button' as const, onClick: activate, onKeyDown }
    : { role: 'img' as const };
  // Names on the left half run leftwards, into the margin rather than across the drawing.
  const leftwards = x < 0;
  return (
    <g
      class={`bs-node ${node.structure ? 'bs-structure' : 'bs-member'} ${node.inArticle ? 'bs-in-article' : 'bs-elsewhere'}`}
      transform={`translate(${x} ${y})`}
      aria-label={node.description}
      {...interaction}
    >
      {node.inArticle ? <circle r={RADIUS + 5} class="bs-focus-ring" /> : null}
      {node.structure ? (
        <rect x={-RADIUS} y={-RADIUS} width={RADIUS * 2} height={RADIUS * 2} rx={3} class="bs-node-shape" />
      ) : (
        <circle r={RADIUS} class="bs-node-shape" />
      )}
      <text x={leftwards ? -RADIUS - 4 : RADIUS + 4} y={4} text-anchor={leftwards ? 'end' : 'start'}>
        {label}
      </text>
    </g>
  );
}

/**
 * The article's countries, parties and people linked to the structures they belong to (a person to their
 * country). Nodes the article names can be focused and opened; the others are described to screen
 * readers but are not stops for the keyboard. Drawn once: nothing moves, whatever the motion setting.
 */
export function AllianceGraph({ entities, onSelect }: AllianceGraphProps) {
  const layout = useMemo(() => {
    // The structures the article names; the table holds the others, which would crowd the drawing.
    const { nodes, links } = allianceGraph(entities, { namedStructuresOnly: true });
    return nodes.length ? layOut(nodes, links, new Map(entities.map((e) => [e.id, e]))) : null;
  }, [entities]);
  if (!layout) return null;
  return (
    <figure class="bs-graph">
      <svg viewBox={layout.viewBox} role="group" aria-label={t('graph.label')}>
        <g aria-hidden="true">
          {layout.placedLinks.map((l) => (
            <LinkLine key={`${l.source.node.id}>${l.target.node.id}`} {...l} />
          ))}
        </g>
        {layout.placed.map((p) => (
          <Node key={p.node.id} placed={p} onSelect={onSelect} />
        ))}
      </svg>
      <figcaption class="bs-graph-legend">
        {t('graph.legend')}
      </figcaption>
    </figure>
  );
}
