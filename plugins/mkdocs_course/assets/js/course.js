// The entry on every page, run again after each instant navigation: records a visit on lesson
// pages and marks passed blocks and visited lessons in the navigation. It loads the code of
// progress bars, the home page's next step and a block's status (progress-view.js), the record's
// keeper and the quiz or achievements code only on the pages that use them.
import { el, screenReaderText } from "./dom.js";
import { isPass, passedBlockIds } from "./record-passes.js";

// This file is served at <site>/assets/course/js/course.js.
const siteRoot = new URL("../../../", import.meta.url);
const WIDGETS = [
  { selector: "[data-course-quiz]", module: "./quiz/page.js" },
  { selector: "[data-course-achievements]", module: "./achievements/page.js" },
  { selector: "[data-course-writing]", module: "./journal/writing.js" },
  { selector: "[data-course-journal]", module: "./journal/journal-page.js" },
];
const MAX_VISITS = 1000;

let storageKey = null;
let openedStore = null; // once open it stays open for the visit: it remembers passes when storage is blocked
let visitsInMemory = null; // the visit's lessons, once storage refuses them
let refreshPage = () => {};
let markPage = () => {};

const showNotice = (kind) => import("./notice.js").then((module) => module.notice(kind));
const tick = (text, kind) =>
  el("span", { class: "course-mark course-mark--" + kind }, el("span", { "aria-hidden": "true" }, "✓"), screenReaderText(text));
const pagePath = (url) => url.split("#")[0].replace(/index\.html$/, "");
const visitsKey = () => storageKey + ":visits";

function passedIds(blockIds) {
  try {
    if (!openedStore) return passedBlockIds(localStorage.getItem(storageKey), blockIds);
    const record = openedStore.get();
    return blockIds.filter((id) => isPass(record.blocks[id]));
  } catch {
    return [];
  }
}

// Visits live under their own key, apart from the record: a lesson page never loads the record's
// rules, and visits that cannot be read count as none, without touching a pass.
function readVisits() {
  if (visitsInMemory) return visitsInMemory;
  try {
    const data = JSON.parse(localStorage.getItem(visitsKey()));
    if (data?.version === 1 && Array.isArray(data.pages)) return data.pages.filter((url) => typeof url === "string");
  } catch {}
  return [];
}

function recordVisit(url) {
  const pages = readVisits().filter((visited) => visited !== url).concat(url).slice(-MAX_VISITS);
  try {
    localStorage.setItem(visitsKey(), JSON.stringify({ version: 1, pages }));
  } catch {
    visitsInMemory = pages;
  }
}

function markNavigation(course, passed, visited) {
  const paths = (urls) => urls.map((url) => pagePath(new URL(url, siteRoot).href));
  const passedPaths = paths(course.blocks.filter((block) => passed.includes(block.id)).flatMap((block) => [block.url, block.quizUrl]));
  const visitedPaths = paths(visited);
  for (const link of document.querySelectorAll("a.md-nav__link[href], [data-course-lessons] a[href]")) {
    const label = link.querySelector(".md-ellipsis") || link;
    // The marks' words (" (passed)") come in the site's language with the course data.
    if (passedPaths.includes(pagePath(link.href))) label.append(tick(course.marks.passed, "passed"));
    else if (visitedPaths.includes(pagePath(link.href))) label.append(tick(course.marks.visited, "visited"));
  }
}

function markPasses(course, passed) {
  const visited = readVisits();
  document.querySelectorAll(".course-mark").forEach((mark) => mark.remove());
  markNavigation(course, passed, visited);
  // Progress bars, the home page's next step and a block's status load their code there only.
  if (document.querySelector("[data-course-progress], [data-course-continue], [data-course-block-status]")) {
    import("./progress-view.js").then((module) => module.showProgress({ course, passed, visited, siteRoot, tick, pagePath }));
  }
}

// A widget module also hands out the record's keeper (store.js), so that a widget page loads one file.
async function mountWidget(node, moduleUrl, course, refreshers) {
  const widget = await import(moduleUrl);
  const blockIds = course.blocks.map((block) => block.id);
  openedStore ??= widget.openStore(storageKey, blockIds, showNotice);
  refreshers.push(widget.mount(node, { course, siteRoot, store: openedStore, showNotice }));
}

function setUpPage() {
  let course;
  try {
    course = JSON.parse(document.getElementById("course-data").textContent);
  } catch {
    return; // not a course page
  }
  storageKey = `mkdocs-course:v1:${siteRoot.href}:${course.courseId}`;
  const lesson = document.querySelector("[data-course-lesson]");
  if (lesson) recordVisit(lesson.dataset.courseLesson);
  const blockIds = course.blocks.map((block) => block.id);
  markPage = (record) => markPasses(course, record ? blockIds.filter((id) => isPass(record.blocks[id])) : passedIds(blockIds));
  const refreshers = [() => markPage()];
  refreshPage = () => refreshers.forEach((refresh) => refresh());
  refreshPage();
  for (const { selector, module } of WIDGETS) {
    const node = document.querySelector(selector);
    if (node) mountWidget(node, module, course, refreshers);
  }
}

// Another tab changed the record or the visits.
addEventListener("storage", (event) => {
  if (event.key === null || event.key === storageKey || event.key === visitsKey()) refreshPage();
});
// This tab saved the record (store.js): a pass shows in the navigation at once.
addEventListener("course:record-saved", (event) => markPage(event.detail.record));

if (window.document$) window.document$.subscribe(setUpPage);
else if (document.readyState === "loading") addEventListener("DOMContentLoaded", setUpPage);
else setUpPage();
