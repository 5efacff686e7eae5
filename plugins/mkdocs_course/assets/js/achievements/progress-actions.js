// The achievements page's actions on the progress file: save it, save what was set aside, read a
// file to restore. Loaded on the first press, apart from the badge actions the quiz page also uses.
import { saveFile } from "../downloads.js";
import { progressFileName, readProgressFile, serialiseProgress, setAsideFileName } from "./progress-file.js";

export { ProgressFileError, restoreProgress } from "./progress-file.js";

/**
 * "Save my progress": the record and the lessons visited (`visits`, the latest last).
 * @returns {{text: string, filename: string}}
 */
export function downloadRecord({ courseData, record, visits = [], siteUrl = "" }) {
  const text = serialiseProgress({ courseId: courseData.courseId, courseTitle: courseData.title, siteUrl, record, visits });
  const filename = progressFileName(courseData.courseId);
  saveFile(text, filename, "application/json");
  return { text, filename };
}

/**
 * The parts set aside from the record, as a JSON file for the learner to keep.
 * @returns {{text: string, filename: string}}
 */
export function downloadSetAside({ courseData, record }) {
  const text = `${JSON.stringify({ courseId: courseData.courseId, setAside: record.setAside }, null, 2)}\n`;
  const filename = setAsideFileName(courseData.courseId);
  saveFile(text, filename, "application/json");
  return { text, filename };
}

/**
 * "Restore progress": the record in a chosen file, read by the stored record's rules; merge it with
 * restoreProgress.
 * @returns {Promise<{record: object, problems: object[]}>}
 * @throws {ProgressFileError} with a message for the learner
 */
export function readRestoreFile(file, courseData) {
  return readProgressFile(file, { courseId: courseData.courseId, blockIds: courseData.blocks.map((block) => block.id) });
}
