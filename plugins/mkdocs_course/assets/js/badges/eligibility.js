// Which badges and statement the learner's record allows: a badge only for a block whose pass is
// in the record, the statement only when every block of the course is passed.

/** {passedAt: Date, score: number} for a passed block, or null. */
export function passOf(record, blockId) {
  const entry = record && record.blocks && Object.prototype.hasOwnProperty.call(record.blocks, blockId)
    ? record.blocks[blockId]
    : null;
  if (!entry || entry.passed !== true) return null;
  const passedAt = new Date(entry.passedAt);
  const score = Number(entry.bestScore);
  if (Number.isNaN(passedAt.getTime()) || !Number.isFinite(score)) return null;
  return { passedAt, score };
}

/** Every block of the course with its pass, or null when any block is not passed yet. */
export function completion(courseData, record) {
  const blocks = [];
  for (const block of courseData.blocks) {
    const pass = passOf(record, block.id);
    if (!pass) return null;
    blocks.push({ ...block, ...pass });
  }
  if (!blocks.length) return null;
  const completedAt = new Date(Math.max(...blocks.map((b) => b.passedAt.getTime())));
  return { blocks, completedAt };
}
