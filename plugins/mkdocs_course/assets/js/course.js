// The entry on every page, run again after each instant navigation: marks passed blocks in the
// navigation, on the home page's block list and in progress bars, and loads the record's keeper
// and the quiz or achievements code only on the pages that use them.
import { el, screenReaderText } from "./dom.js";
import { isPass, passedBlockIds } from "./record-passes.js";

// This file is served at <site>/assets/course/js/course.js.
const siteRoot = new URL("../../../", import.meta.url);
const WIDGETS = [
  { selector: "[data-course-quiz]", module: "./quiz/page.js" },
  { selector: "[data-course-achievements]", module: "./achievements/page.js" },
];

let storageKey = null;
let openedStore = null; // once open it stays open for the visit: it remembers passes when storage is blocked
let refreshPage = () => {};

const showNotice = (kind) => import("./notice.js").then((module) => module.notice(kind));
const tick = (text) =>
  el("span", { class: "course-mark" }, el("span", { "aria-hidden": "true" }, "✓"), screenReaderText(text));
const pagePath = (url) => url.split("#")[0].replace(/index\.html$/, "");

function passedIds(blockIds) {
  try {
    if (!openedStore) return passedBlockIds(localStorage.getItem(storageKey), blockIds);
    const record = openedStore.get();
    return blockIds.filter((id) => isPass(record.blocks[id]));
  } catch {
    return [];
  }
}

function markNavigation(course, passed) {
  const passedPaths = course.blocks
    .filter((block) => passed.includes(block.id))
    .flatMap((block) => [block.url, block.quizUrl])
    .map((url) => pagePath(new URL(url, siteRoot).href));
  for (const link of document.querySelectorAll("a.md-nav__link[href]")) {
    if (passedPaths.includes(pagePath(link.href))) (link.querySelector(".md-ellipsis") || link).append(tick(" (passed)"));
  }
  for (const item of document.querySelectorAll("[data-course-overview] li[data-block-id]")) {
    if (passed.includes(item.dataset.blockId)) item.append(" ", tick("Passed"));
  }
}

function markProgress(course, passed) {
  const text = `${passed.length} of ${course.blocks.length} blocks passed`;
  document.querySelectorAll("[data-course-progress]").forEach((bar, index) => {
    const labelId = `course-progress-${index}`;
    bar.replaceChildren(
      el("p", { class: "course-progress__label", id: labelId }, text),
      el("progress", { max: course.blocks.length, value: passed.length, "aria-labelledby": labelId }, text),
    );
  });
}

function markPasses(course) {
  const passed = passedIds(course.blocks.map((block) => block.id));
  document.querySelectorAll(".course-mark").forEach((mark) => mark.remove());
  markNavigation(course, passed);
  markProgress(course, passed);
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
  const refreshers = [() => markPasses(course)];
  refreshPage = () => refreshers.forEach((refresh) => refresh());
  refreshPage();
  for (const { selector, module } of WIDGETS) {
    const node = document.querySelector(selector);
    if (node) mountWidget(node, module, course, refreshers);
  }
}

// Another tab, or the achievements page itself, changed the record.
addEventListener("storage", (event) => {
  if (event.key === null || event.key === storageKey) refreshPage();
});

if (window.document$) window.document$.subscribe(setUpPage);
else if (document.readyState === "loading") addEventListener("DOMContentLoaded", setUpPage);
else setUpPage();
