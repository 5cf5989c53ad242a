/** The passages holding one word, as slot numbers, with the word's weight in each. */
export class Postings {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;
  /** Live passages holding the word: slots of removed passages stay until the next compaction. */
  live = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length++] = weight;
    this.live++;
  }

  /** Drops the slots of removed passages. */
  compact(alive: (slot: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.slots[i]!;
      if (!alive(slot)) continue;
      this.slots[kept] = slot;
      this.weights[kept++] = this.weights[i]!;
    }
    this.length = kept;
  }
}
