// The quiz page: connects the attempt (attempt.js), the questions the build rendered (view.js),
// marking and what it shows (feedback.js, loaded on the first check) and the learner's record
// (record.js through the store).
import { el } from "../dom.js";
import { message } from "../messages.js";
import { addResult } from "../record.js";
import { attemptDraft, newAttempt, restoreAttempt, shownVariantKeys } from "./attempt.js";
import { readResponse, renderedAttempt, showAttempt } from "./view.js";

export { openStore } from "../store.js";

const loadFeedback = () => import("./feedback.js");

class QuizPage {
  constructor(root, { course, store, siteRoot }) {
    // The payload sits in a <template> (see templates/quiz.html for why).
    this.quiz = JSON.parse(root.querySelector("template.course-quiz__data").content.textContent);
    this.blockId = this.quiz.blockId;
    this.passMark = this.quiz.passMark ?? course.passMark;
    Object.assign(this, { course, store, siteRoot, items: [], marked: false });
    const part = (name) => root.querySelector(`.course-quiz__${name}`);
    [this.status, this.result, this.form, this.list, this.confirmBox, this.actions] = ["status", "result", "form", "list", "confirm", "actions"].map(part);
    this.form.addEventListener("input", () => this.saveDraft());
    this.form.addEventListener("click", (event) => {
      const check = event.target.closest(".course-q__check button");
      if (check) this.checkOne(this.itemOf(check));
    });
    // Enter in a typed answer checks that question; the form's own Enter would finish the attempt.
    this.form.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.target.type !== "text") return;
      event.preventDefault();
      this.checkOne(this.itemOf(event.target));
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.checkAll();
    });
  }

  itemOf(node) {
    return this.items.find((item) => item.element.contains(node));
  }

  blockEntry() {
    return this.store.get().blocks[this.blockId];
  }

  // The attempt saved in the record, else the one the build rendered: the page does not move.
  async start() {
    const restored = restoreAttempt(this.quiz, this.blockEntry()?.draft);
    this.items = restored?.items.length ? restored.items : renderedAttempt(this.quiz, this.list);
    this.marked = false;
    this.result.replaceChildren();
    this.actions.hidden = false;
    showAttempt(this.items, this.list);
    await this.showStatus();
    const closed = this.items.filter((item) => item.closed);
    if (closed.length) {
      const feedback = await loadFeedback();
      await Promise.all(closed.map((item) => feedback.showChecked(this.quiz.salt, item)));
    }
    if (closed.length === this.items.length) return this.finish(!restored.marked);
    this.saveDraft();
  }

  saveDraft() {
    for (const item of this.items) if (!item.closed) item.response = readResponse(item);
    this.store.update((record) => {
      (record.blocks[this.blockId] ??= {}).draft = attemptDraft(this.items, this.marked);
    });
  }

  // The date of a pass is written by dates.js, loaded only once the block is passed.
  async showStatus() {
    const entry = this.blockEntry();
    const values = { pass_mark: this.passMark, best_score: entry?.bestScore || 0 };
    if (entry?.passedAt) values.date = (await import("../dates.js")).formatDate(entry.passedAt, this.course.locale);
    let key = entry?.attempts ? "quiz.status_best_so_far" : "quiz.pass_mark";
    if (entry?.passed) key = values.date ? "quiz.status_passed_on" : "quiz.status_passed";
    this.status.textContent = message(key, values);
  }

  // One question checked: a try used, its feedback shown, and the attempt finished with the last.
  async checkOne(item) {
    if (!item || item.closed || this.checking) return;
    this.checking = true;
    item.response = readResponse(item);
    const feedback = await loadFeedback();
    const answered = await feedback.checkItem(this.quiz.salt, item);
    const verdict = answered ? await feedback.showChecked(this.quiz.salt, item) : this.askForAnswer(item);
    this.saveDraft();
    this.checking = false;
    if (this.items.every((one) => one.closed)) return this.finish(true);
    verdict.focus();
  }

  askForAnswer(item) {
    const text = message(item.question.type === "text" ? "quiz.type_an_answer" : "quiz.choose_an_answer");
    const note = el("p", { class: "course-q__verdict", tabindex: "-1" }, text);
    item.feedback.replaceChildren(note);
    return note;
  }

  // "Check answers": every open question checked as it stands, after a word on unanswered ones.
  async checkAll() {
    if (this.marked || this.checking) return;
    const feedback = await loadFeedback();
    const open = this.items.filter((item) => !item.closed);
    for (const item of open) item.response = readResponse(item);
    const missing = open.filter((item) => !feedback.isAnswered(item));
    if (!missing.length || !this.confirmBox.hidden) return this.closeAll(open);
    const { heading, nodes } = feedback.unansweredList(missing, {
      markAnyway: () => this.closeAll(open),
      keepAnswering: () => {
        this.confirmBox.hidden = true;
        missing[0].fieldset.querySelector("input").focus();
      },
    });
    this.confirmBox.replaceChildren(...nodes);
    this.confirmBox.hidden = false;
    heading.focus();
  }

  async closeAll(open) {
    if (this.checking) return;
    this.checking = true;
    const feedback = await loadFeedback();
    for (const item of open) {
      item.response = readResponse(item);
      await feedback.checkItem(this.quiz.salt, item, true);
    }
    await Promise.all(open.map((item) => feedback.showChecked(this.quiz.salt, item)));
    this.checking = false;
    this.finish(true);
  }

  // `record`: a new attempt to add to the record; false when a finished attempt is shown again.
  async finish(record) {
    const feedback = await loadFeedback();
    this.marked = true;
    const percent = feedback.scoreOf(this.items);
    const passed = percent >= this.passMark;
    const summary = feedback.resultSummary(this.items, { percent, passMark: this.passMark, passed });
    const again = feedback.button(message("quiz.try_again"), !passed);
    again.addEventListener("click", () => this.startAgain(feedback));
    this.result.replaceChildren(...summary.nodes, again);
    if (record) {
      this.store.update((stored) => {
        addResult(stored, this.blockId, { score: percent, passed, answers: this.answers() });
        stored.blocks[this.blockId].draft = attemptDraft(this.items, true);
      });
      summary.heading.focus();
    }
    if (this.blockEntry()?.passed) this.offerNextStep(summary.nodes[1]);
    this.confirmBox.hidden = true;
    this.actions.hidden = true;
    this.showStatus();
  }

  answers() {
    const answers = {};
    for (const { question, variantIndex, response, correct } of this.items) {
      answers[question.id] = { variant: question.variants[variantIndex].key, response, correct };
    }
    return answers;
  }

  // After a pass: the badge and the next block, the main way on (badges/offer.js).
  async offerNextStep(scoreLine) {
    const { passOffer } = await import("../badges/offer.js");
    const offer = passOffer({ course: this.course, blockId: this.blockId, store: this.store, siteRoot: this.siteRoot });
    if (this.marked && scoreLine.isConnected) scoreLine.after(offer);
  }

  startAgain(feedback) {
    const before = this.items;
    this.items = newAttempt(this.quiz, shownVariantKeys(before));
    this.marked = false;
    showAttempt(this.items, this.list);
    this.saveDraft();
    this.result.replaceChildren(el("p", {}, feedback.attemptChanges(before, this.items)));
    this.actions.hidden = false;
    this.items[0]?.fieldset.querySelector("input")?.focus();
  }

  // Another tab changed the record: show its state of this attempt, if it differs.
  sync() {
    this.showStatus();
    const stored = JSON.stringify(this.blockEntry()?.draft ?? null);
    if (!this.checking && stored !== JSON.stringify(attemptDraft(this.items, this.marked))) this.start();
  }
}

/**
 * Mounts the quiz on its rendered questions.
 * @param {HTMLElement} root the `[data-course-quiz]` element
 * @param {{course: object, store: object, siteRoot: URL}} context
 * @returns {() => void} what to run when another tab changes the record
 */
export function mount(root, context) {
  root.classList.add("course-quiz--scripted"); // the page's own script does it first, unless refused
  const page = new QuizPage(root, context);
  // Busy, its buttons disabled (templates/quiz.html), until the learner's saved attempt, if any,
  // replaces the build's.
  page.start().finally(() => {
    root.querySelectorAll(".course-q__check button, .course-quiz__actions button").forEach((button) => (button.disabled = false));
    root.removeAttribute("aria-busy");
  });
  return () => page.sync();
}
