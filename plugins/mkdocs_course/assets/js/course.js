// On every page: reads #course-data, marks progress, loads quiz or achievements code only
// where needed. Runs again after each instant navigation.
import { openStore } from "./store.js";

// Passed blocks in the navigation, on the home page's block list, and in progress bars.
// (Kept here, not in a module of its own, to stay within the 3 KiB budget of lesson pages.)
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};
const tick = (text) =>
  el("span", { class: "course-mark" }, el("span", { "aria-hidden": "true" }, "✓"), el("span", { class: "course-sr" }, text));
const path = (u) => u.split("#")[0].replace(/index\.html$/, "");

function markNav(course, rec, root) {
  document.querySelectorAll(".course-mark").forEach((m) => m.remove());
  const passed = course.blocks.filter((b) => rec.blocks[b.id]?.passed);
  const urls = passed.flatMap((b) => [b.url, b.quizUrl]).map((u) => path(new URL(u, root).href));
  for (const a of document.querySelectorAll("a.md-nav__link[href]"))
    if (urls.includes(path(a.href))) (a.querySelector(".md-ellipsis") || a).append(tick(" (passed)"));
  for (const li of document.querySelectorAll("[data-course-overview] li[data-block-id]"))
    if (rec.blocks[li.dataset.blockId]?.passed) li.append(" ", tick("Passed"));
  const text = `${passed.length} of ${course.blocks.length} blocks passed`;
  document.querySelectorAll("[data-course-progress]").forEach((bar, i) =>
    bar.replaceChildren(
      el("p", { class: "course-progress__label", id: `course-progress-${i}` }, text),
      el("progress", { max: course.blocks.length, value: passed.length, "aria-labelledby": `course-progress-${i}` }, text),
    ),
  );
}

const root = new URL("../../../", import.meta.url); // served at <site>/assets/course/js/
const notice = (kind) => import("./notice.js").then((m) => m.notice(kind));
let store;
let refresh = () => {};

function setup() {
  let course;
  try {
    course = JSON.parse(document.getElementById("course-data").textContent);
  } catch {
    return;
  }
  const ids = course.blocks.map((b) => b.id);
  store ||= openStore(`mkdocs-course:v1:${root.href}:${course.courseId}`, ids, notice);
  const ctx = { course, root, store, notice };
  const hooks = [() => markNav(course, store.get(), root)];
  refresh = () => hooks.forEach((f) => f());
  refresh();
  for (const [sel, mod] of [["[data-course-quiz]", "./quiz-ui.js"], ["[data-course-achievements]", "./achievements-ui.js"]]) {
    const node = document.querySelector(sel);
    if (node) import(mod).then((m) => hooks.push(m.mount(node, ctx)));
  }
}

// Another tab changed the record.
addEventListener("storage", (e) => store && (e.key === null || e.key === store.key) && refresh());

if (window.document$) document$.subscribe(setup);
else if (document.readyState === "loading") addEventListener("DOMContentLoaded", setup);
else setup();
