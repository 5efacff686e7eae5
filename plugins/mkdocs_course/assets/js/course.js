// The entry on every page, run again after each instant navigation: marks passed blocks, and
// loads the record's keeper (store.js) and quiz or achievements code only where they are used.
import { passedIn } from "./pass.js";

// Builds DOM from trusted structure and plain text: strings become text nodes, never HTML.
// Other modules import it from here, the one module every page has.
export const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};
// Passed blocks in the navigation, on the home page's block list, and in progress bars.
const tick = (text) =>
  el("span", { class: "course-mark" }, el("span", { "aria-hidden": "true" }, "✓"), el("span", { class: "course-sr" }, text));
const path = (u) => u.split("#")[0].replace(/index\.html$/, "");

function markNav(course, passedIds, root) {
  document.querySelectorAll(".course-mark").forEach((m) => m.remove());
  const passed = course.blocks.filter((b) => passedIds.includes(b.id));
  const urls = passed.flatMap((b) => [b.url, b.quizUrl]).map((u) => path(new URL(u, root).href));
  for (const a of document.querySelectorAll("a.md-nav__link[href]"))
    if (urls.includes(path(a.href))) (a.querySelector(".md-ellipsis") || a).append(tick(" (passed)"));
  for (const li of document.querySelectorAll("[data-course-overview] li[data-block-id]"))
    if (passedIds.includes(li.dataset.blockId)) li.append(" ", tick("Passed"));
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
let key;
let store; // once open, it stays open: it remembers passes when storage is blocked
let refresh = () => {};

function passes(ids) {
  try {
    return store ? ids.filter((id) => store.get().blocks[id]?.passed) : passedIn(localStorage.getItem(key), ids);
  } catch {
    return [];
  }
}

function setup() {
  let course;
  try {
    course = JSON.parse(document.getElementById("course-data").textContent);
  } catch {
    return;
  }
  const ids = course.blocks.map((b) => b.id);
  key = `mkdocs-course:v1:${root.href}:${course.courseId}`;
  const hooks = [() => markNav(course, passes(ids), root)];
  refresh = () => hooks.forEach((f) => f());
  refresh();
  for (const [sel, mod] of [["[data-course-quiz]", "./quiz-ui.js"], ["[data-course-achievements]", "./achievements-ui.js"]]) {
    const node = document.querySelector(sel);
    if (node)
      Promise.all([import("./store.js"), import(mod)]).then(([s, m]) => {
        store ||= s.openStore(key, ids, notice);
        hooks.push(m.mount(node, { course, root, store, notice }));
      });
  }
}

// Another tab changed the record.
addEventListener("storage", (e) => (e.key === null || e.key === key) && refresh());

if (window.document$) document$.subscribe(setup);
else if (document.readyState === "loading") addEventListener("DOMContentLoaded", setup);
else setup();
