/** A name found in the page: the text it covers, the entities it may be, and the kind it is painted as. */
export interface Mark {
  range: Range;
  entityIds: string[];
  kind: string;
}

/** Where a painter puts the marks it paints: the page's highlight registry, or Backstory's own layer. */
export interface PaintSink {
  add(mark: Mark): void;
  delete(mark: Mark): void;
  clear(): void;
  /** How many ranges are painted now. */
  readonly size: number;
}

/** A place that paints marks for several painters, each through a sink of its own. */
export interface PaintLayer {
  sink(nameOf: (kind: string) => string): PaintSink;
}
