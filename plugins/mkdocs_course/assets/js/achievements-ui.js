// The achievements page: each block's badge (earned in colour, the others greyed) with its
// downloads, the statement of participation once every block is passed, and the portable record
// (save, restore, delete). The badge and PDF code loads on the first button press, not with the page.
import { el } from "./course.js";
import { completion, passOf } from "./badges/eligibility.js";

const actions = () => import("./badges/actions.js");
const button = (text, primary, ...hidden) =>
  el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}` }, text, ...hidden);
const sr = (text) => el("span", { class: "course-sr" }, text);

// A polite status and an assertive alert, in the page before anything is said, so both are announced.
function messages() {
  const status = el("p", { role: "status", class: "course-msg" });
  const alert = el("p", { role: "alert", class: "course-msg course-msg--alert" });
  const say = (text, isAlert = false) => {
    (isAlert ? status : alert).textContent = "";
    (isAlert ? alert : status).textContent = text;
  };
  return { nodes: [status, alert], say };
}

// One action at a time per button; aria-disabled keeps the focus where it is (disabled would drop it).
async function run(btn, say, working, task, failure) {
  if (btn.getAttribute("aria-disabled") === "true") return;
  btn.setAttribute("aria-disabled", "true");
  say(working);
  try {
    say(await task());
  } catch (error) {
    say(failure(error), true);
  } finally {
    btn.removeAttribute("aria-disabled");
  }
}

export function mount(node, { course, store, root }) {
  const css = new URL("../css/achievements.css", import.meta.url).href;
  if (!document.querySelector(`link[href="${css}"]`)) document.head.append(el("link", { rel: "stylesheet", href: css }));
  const locale = document.documentElement.lang || undefined;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const abs = (url) => new URL(url, root).href;
  const ids = course.blocks.map((b) => b.id);
  const label = (b) => `Block ${b.number}: ${b.title}`;
  const shown = new Map(); // what each part shows now, so a re-render keeps focus and typing intact
  const changed = (part, key) => shown.get(part) !== key && (shown.set(part, key), true);
  // course.js updates the progress bar and navigation on a storage event; another tab gets a real one.
  const announceChange = () => dispatchEvent(new StorageEvent("storage", { key: store.key }));

  const badgeError = (e) => `The badge could not be made: ${e.message}`;
  const saveBadge = (b, format) => async () => {
    const { downloadBadge } = await actions();
    const badge = await downloadBadge({
      courseData: course, block: b, record: store.get(), format, locale,
      svgUrl: abs(b.badgeUrl), credentialUrl: abs(b.credentialUrl),
    });
    return `Your badge for block ${b.number} is saved in your downloads as ${badge.filename}.`;
  };

  function renderBlock(li, b, rec) {
    const entry = rec.blocks[b.id];
    const pass = passOf(rec, b.id);
    if (!changed(`block:${b.id}`, JSON.stringify([entry?.passed, entry?.bestScore, entry?.passedAt, entry?.attempts, !!pass]))) return;
    li.classList.toggle("course-passed", !!entry?.passed);
    const status = li.querySelector("[data-block-status]");
    status?.replaceChildren(
      el("span", { "aria-hidden": "true" }, entry?.passed ? "✓ " : "○ "),
      entry?.passed
        ? `Passed with a best score of ${entry.bestScore}%` + (entry.passedAt ? ` on ${date.format(new Date(entry.passedAt))}.` : ".")
        : "Not passed yet" + (entry?.attempts ? ` (best score so far ${entry.bestScore || 0}%).` : "."),
    );
    const art = li.querySelector("[data-block-badge]");
    if (art && b.badgeUrl) {
      art.classList.toggle("course-badge--locked", !pass);
      art.replaceChildren(
        el("img", { src: abs(b.badgeUrl), alt: `${pass ? "Badge earned" : "Badge not earned yet"}: ${b.title}`, width: "600", height: "600" }),
      );
      if (!pass) art.append(el("p", {}, "Pass the quiz to earn this badge."));
    }
    const box = li.querySelector("[data-block-actions]");
    if (!box) return;
    if (!pass || !b.badgeUrl) return box.replaceChildren();
    const { nodes, say } = messages();
    const png = button("Download badge", true, sr(` for block ${b.number}`));
    const svg = button("Download SVG", false, sr(` badge for block ${b.number}`));
    png.onclick = () => run(png, say, "Making your badge…", saveBadge(b, "png"), badgeError);
    svg.onclick = () => run(svg, say, "Making your badge…", saveBadge(b, "svg"), badgeError);
    box.replaceChildren(el("div", { class: "course-achievements__actions" }, png, " ", svg), ...nodes);
  }

  // --- the statement of participation ---
  const statementBox = node.querySelector("[data-course-statement]");
  const nameInput = el("input", { type: "text", id: "course-name", autocomplete: "name", maxlength: "300", spellcheck: "false", "aria-describedby": "course-name-hint" });
  const preview = el("strong", {});
  const previewLine = el("p", {}, "Your statement will be made out to: ", preview);
  const statementButton = button("Download statement", true);
  const statementMsg = messages();
  const showName = (name) => {
    preview.textContent = name.trim(); // text, never markup
    previewLine.hidden = !name.trim();
  };
  nameInput.addEventListener("input", () => {
    store.update((rec) => (rec.name = nameInput.value)); // kept as typed
    showName(nameInput.value);
  });
  statementButton.onclick = () => {
    const name = nameInput.value.trim();
    if (!name) {
      statementMsg.say("Type the name to print on your statement first.", true);
      return nameInput.focus();
    }
    run(statementButton, statementMsg.say, "Making your statement… The first time takes a few seconds.", async () => {
      const { downloadStatement } = await actions();
      const made = await downloadStatement({ courseData: course, record: store.get(), name, locale, svgUrlFor: (b) => abs(b.badgeUrl) });
      return `Your statement is saved in your downloads as ${made.filename}.`;
    }, (e) => `The statement could not be made: ${e.message}`);
  };

  function renderStatement(rec) {
    if (!statementBox) return;
    const done = completion(course, rec);
    const left = course.blocks.filter((b) => !passOf(rec, b.id));
    if (changed("statement", done ? "done" : left.map((b) => b.id).join())) {
      if (done) {
        statementBox.replaceChildren(
          el("p", {}, "You have passed every block. Your statement of participation is a PDF naming you, the course, and each block with your score."),
          el("label", { for: "course-name" }, "Name to print on your statement"),
          nameInput,
          el("p", { id: "course-name-hint", class: "course-hint" }, "As you want it to appear. It is kept in this browser with your progress, and your badges show it too."),
          previewLine,
          statementButton,
          ...statementMsg.nodes,
        );
      } else {
        statementBox.replaceChildren(
          el("p", {}, "The statement is offered once every block's quiz is passed. Still to pass:"),
          el("ul", {}, ...left.map((b) => el("li", {}, el("a", { href: abs(b.quizUrl) }, `the quiz of ${label(b)}`)))),
        );
      }
    }
    const name = typeof rec.name === "string" ? rec.name : "";
    if (document.activeElement !== nameInput && nameInput.value !== name) nameInput.value = name;
    showName(nameInput.value);
  }

  // --- the portable record ---
  const recordBox = node.querySelector("[data-course-record]");
  const recordMsg = messages();
  const saveButton = button("Save my progress", true);
  const fileInput = el("input", { type: "file", id: "course-restore", accept: ".json,application/json" });
  const deleteButton = button("Delete my data", false);
  const question = el("p", { id: "course-delete-question", tabindex: "-1" },
    el("strong", {}, "Delete your progress in this course from this browser?"),
    " Every pass, score and answer, and your name, will be gone. This cannot be undone: save your progress first if you may want it back.");
  const yes = button("Yes, delete my data", true);
  const no = button("Cancel", false);
  const confirmBox = el("div", { class: "course-confirm", role: "group", "aria-labelledby": "course-delete-question", hidden: "" }, question, yes, " ", no);

  saveButton.onclick = () =>
    run(saveButton, recordMsg.say, "Saving…", async () => {
      const { downloadRecord } = await actions();
      const { filename } = downloadRecord({ courseData: course, record: store.get(), siteUrl: course.siteUrl || root.href });
      return `Your progress is saved in your downloads as ${filename}. Use “Restore progress” with it, here or in another browser.`;
    }, (e) => `Your progress could not be saved: ${e.message}`);

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    recordMsg.say("Reading the file…");
    try {
      const { readRestoreFile, mergeRecords } = await actions();
      const incoming = await readRestoreFile(file, course);
      let added = [];
      store.update((rec) => {
        const merged = mergeRecords(rec, incoming, { blockIds: ids });
        for (const k of Object.keys(rec)) delete rec[k];
        Object.assign(rec, merged.record);
        added = merged.changed;
      });
      render();
      announceChange();
      const names = course.blocks.filter((b) => added.includes(b.id)).map(label);
      recordMsg.say(names.length
        ? `Progress restored. Updated from the file: ${names.join("; ")}.`
        : "Progress restored. The file had nothing this browser did not already have.");
    } catch (e) {
      recordMsg.say(e.name === "RecordFileError" ? e.message : `The file could not be read: ${e.message}`, true);
    } finally {
      fileInput.value = ""; // the same file can be chosen again
    }
  });

  const closeConfirm = () => {
    confirmBox.hidden = true;
    deleteButton.focus();
  };
  deleteButton.onclick = () => {
    confirmBox.hidden = false;
    question.focus();
  };
  no.onclick = () => {
    closeConfirm();
    recordMsg.say("Nothing was deleted.");
  };
  confirmBox.addEventListener("keydown", (e) => e.key === "Escape" && no.onclick());
  yes.onclick = () => {
    store.clear();
    nameInput.value = "";
    render();
    announceChange();
    closeConfirm();
    recordMsg.say("Your progress in this course has been deleted from this browser.");
  };

  recordBox?.replaceChildren(
    el("div", { class: "course-achievements__actions" }, saveButton),
    el("div", { class: "course-file" },
      el("label", { for: "course-restore" }, "Restore progress from a saved file"), fileInput),
    el("div", { class: "course-achievements__actions" }, deleteButton),
    confirmBox,
    ...recordMsg.nodes,
  );

  const render = () => {
    const rec = store.get();
    for (const li of node.querySelectorAll("li[data-block-id]")) {
      const b = course.blocks.find((x) => x.id === li.dataset.blockId);
      if (b) renderBlock(li, b, rec);
    }
    renderStatement(rec);
  };
  render();
  return render;
}
