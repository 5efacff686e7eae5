// Loaded by course.js on the pages that show where the learner stands: progress bars (home and
// achievements pages), the home page's passed blocks and next step (the next lesson not yet
// visited, or the quiz not yet passed, after the lesson visited last), and a block's status on its
// first page (not started, lessons visited, or passed).
import { el } from "./dom.js";
import { message } from "./messages.js";

const startOf = new WeakMap(); // what the build wrote, shown again if the progress is deleted

/**
 * The learner's next step in the course.
 * @param {{blocks: {id: string, url: string, lessons: {url: string, title: string}[]}[]}} course
 * @param {string[]} passed ids of the passed blocks
 * @param {string[]} visited site-relative URLs of the visited lessons, the latest last
 * @returns {{kind: "start"|"intro"|"lesson"|"quiz"|"done", block?: object, lesson?: object, number?: number}}
 */
function nextStep(course, passed, visited) {
  const steps = course.blocks.flatMap((block) => [
    ...(block.lessons || []).map((lesson, index) => ({ kind: "lesson", block, lesson, number: index + 1, done: visited.includes(lesson.url) })),
    { kind: "quiz", block, done: passed.includes(block.id) },
  ]);
  if (course.blocks.every((block) => passed.includes(block.id))) return { kind: "done" };
  const lessonAt = (url) => steps.findIndex((step) => step.lesson?.url === url);
  const latest = visited.findLast((url) => lessonAt(url) >= 0);
  if (latest === undefined && !passed.length) return { kind: "start" };
  const from = latest === undefined ? 0 : lessonAt(latest);
  const next = [...steps.slice(from), ...steps.slice(0, from)].find((step) => !step.done);
  if (!next) return { kind: "done" };
  // A block not begun yet opens at its first page, which introduces it.
  const begun = next.block.lessons?.some((lesson) => visited.includes(lesson.url));
  return next.number === 1 && !begun ? { kind: "intro", block: next.block } : next;
}

function describe(step, course) {
  if (step.kind === "done") return message("progress.all_passed", { course: course.title });
  const block = { block_number: step.block.number, block_title: step.block.title };
  if (step.kind === "lesson") {
    return message("progress.next_lesson", { ...block, lesson: step.lesson.title, number: step.number, total: step.block.lessons.length });
  }
  return message(step.kind === "quiz" ? "progress.next_quiz" : "progress.next_block", block);
}

/**
 * Shows the next step in the home page's box: the build wrote "Start the course" into it, which
 * stays for a new learner.
 * @param {HTMLElement} box the `[data-course-continue]` element
 * @param {{course: object, passed: string[], visited: string[], siteRoot: URL}} progress
 */
function showNextStep(box, { course, passed, visited, siteRoot }) {
  const step = nextStep(course, passed, visited);
  const text = box.querySelector("[data-course-next]");
  const link = box.querySelector("[data-course-next-link]");
  if (!text || !link) return;
  if (!startOf.has(box)) startOf.set(box, [text.textContent, link.textContent, link.href]);
  if (step.kind === "start") {
    [text.textContent, link.textContent, link.href] = startOf.get(box);
    return;
  }
  const urls = { lesson: step.lesson?.url, quiz: step.block?.quizUrl, intro: step.block?.url, done: course.achievementsUrl };
  text.textContent = describe(step, course);
  link.textContent = message(step.kind === "done" ? "progress.see_achievements" : "progress.continue");
  link.href = new URL(urls[step.kind], siteRoot).href;
}

/**
 * The status of a block, as its first page shows it.
 * @param {number} lessons how many lessons the block has
 * @param {number} visited how many of them the learner has visited
 * @param {boolean} passed whether the block's quiz is passed
 * @returns {string}
 */
function blockStatus(lessons, visited, passed) {
  if (passed) return message("progress.quiz_passed");
  return visited ? message("progress.in_progress", { visited, count: lessons }) : message("progress.not_started");
}

function showProgressBars(course, passed) {
  const text = message("progress.blocks_passed", { passed: passed.length, count: course.blocks.length });
  document.querySelectorAll("[data-course-progress]").forEach((bar, index) => {
    const labelId = `course-progress-${index}`;
    bar.style.removeProperty("visibility"); // the build keeps its place hidden until now
    bar.replaceChildren(
      el("p", { class: "course-progress__label", id: labelId }, text),
      el("progress", { max: course.blocks.length, value: passed.length, "aria-labelledby": labelId }, text),
    );
  });
}

function showBlockStatus({ passed, visited, siteRoot, pagePath }) {
  const visitedPaths = visited.map((url) => pagePath(new URL(url, siteRoot).href));
  const lessons = [...document.querySelectorAll("[data-course-lessons] a[href]")];
  const seen = lessons.filter((link) => visitedPaths.includes(pagePath(link.href))).length;
  for (const status of document.querySelectorAll("[data-course-block-status]")) {
    const state = status.querySelector("[data-course-block-state]");
    if (state) state.textContent = blockStatus(lessons.length, seen, passed.includes(status.dataset.courseBlockStatus));
  }
}

/**
 * Shows what the page has of the learner's progress: progress bars, the home page's passed
 * blocks and next step, a block's status (the build wrote them as for a new learner). A block's
 * lessons are the links in the page's `[data-course-lessons]` list.
 * @param {{course: object, passed: string[], visited: string[], siteRoot: URL,
 *   tick: (text: string, kind: string) => HTMLElement, pagePath: (url: string) => string}} progress
 *   `tick` makes course.js's marks; `pagePath` is how course.js compares a link with a page
 */
export function showProgress(progress) {
  const { course, passed, tick } = progress;
  showProgressBars(course, passed);
  for (const item of document.querySelectorAll("[data-course-overview] li[data-block-id]")) {
    item.querySelectorAll(".course-mark").forEach((mark) => mark.remove()); // two refreshes may overlap
    if (passed.includes(item.dataset.blockId)) item.append(tick(message("progress.passed"), "passed"));
  }
  showBlockStatus(progress);
  const box = document.querySelector("[data-course-continue]");
  if (box) showNextStep(box, progress);
}
