// Which badges and statement the learner's record allows: a badge only for a block whose pass is
// in the record, the statement only when every block of the course is passed.
import { isPass } from "../record.js";

/** {passedAt: Date, score: number} for a passed block, or null. */
export function passOf(record, blockId) {
  const entry = record?.blocks && Object.hasOwn(record.blocks, blockId) ? record.blocks[blockId] : null;
  return isPass(entry) ? { passedAt: new Date(entry.passedAt), score: entry.bestScore } : null;
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
  const completedAt = new Date(Math.max(...blocks.map((block) => block.passedAt.getTime())));
  return { blocks, completedAt };
}
