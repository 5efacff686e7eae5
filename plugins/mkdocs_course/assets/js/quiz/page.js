// The quiz page: connects the attempt (attempt.js), what is shown (view.js), marking
// (marking.js) and the learner's record (record.js through the store).
import { addStylesheet, el, elementWithHtml } from "../dom.js";
import { addResult } from "../record.js";
import { attemptDraft, chosenOptions, newAttempt, restoreAttempt, shownVariantKeys } from "./attempt.js";
import { answerKey, mark, score } from "./marking.js";
import { unseal } from "./sealing.js";
import { button, questionElement, readResponse, resultSummary, showMarkedQuestion, unansweredList } from "./view.js";

export { openStore } from "../store.js";

class QuizPage {
  constructor(root, { course, store, siteRoot }) {
    // The payload sits in a <template> (see templates/quiz.html for why).
    this.quiz = JSON.parse(root.querySelector("template.course-quiz__data").content.textContent);
    this.blockId = this.quiz.blockId;
    this.passMark = this.quiz.passMark ?? course.passMark;
    Object.assign(this, { course, store, siteRoot, items: [], marked: false });
    this.dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" });
    this.buildLayout(root);
  }

  buildLayout(root) {
    root.querySelector(".course-quiz__nojs")?.remove();
    this.status = el("p", { class: "course-quiz__status" });
    this.list = el("ol", { class: "course-quiz__list" });
    this.confirmBox = el("div", { class: "course-quiz__confirm", hidden: "" });
    this.checkButton = el("button", { type: "submit", class: "md-button md-button--primary" }, "Check answers");
    this.againButton = button("Try again", true);
    this.actions = el("div", { class: "course-quiz__actions" }, this.checkButton);
    this.form = el("form", { class: "course-quiz__form", novalidate: "" }, this.list, this.confirmBox, this.actions);
    this.result = el("div", { class: "course-quiz__result", "aria-live": "polite" });
    // The page's own h1 is the quiz title (the plugin writes it), so no second heading here.
    if (this.quiz.introHtml) root.append(elementWithHtml("div", { class: "course-quiz__intro" }, this.quiz.introHtml));
    root.append(this.status, this.form, this.result);
    this.form.addEventListener("input", () => this.saveDraft());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.againButton.addEventListener("click", () => this.startAgain());
  }

  blockEntry() {
    return this.store.get().blocks[this.blockId];
  }

  start() {
    const restored = restoreAttempt(this.quiz, this.blockEntry()?.draft);
    this.items = restored?.items ?? [];
    if (!this.items.length) {
      const lastAnswers = Object.entries(this.store.get().questions[this.blockId] || {});
      this.items = newAttempt(this.quiz, Object.fromEntries(lastAnswers.map(([id, answer]) => [id, answer?.variant])));
    }
    this.render();
    if (restored?.marked) this.markAll(false);
    else this.saveDraft();
    this.showStatus();
  }

  render() {
    this.list.replaceChildren(...this.items.map((item, index) => questionElement(item, index + 1, this.items.length)));
  }

  saveDraft() {
    if (!this.marked) for (const item of this.items) item.response = readResponse(item);
    this.store.update((record) => {
      (record.blocks[this.blockId] ??= {}).draft = attemptDraft(this.items, this.marked);
    });
  }

  showStatus() {
    const entry = this.blockEntry();
    const when = entry?.passedAt ? ` on ${this.dateFormat.format(new Date(entry.passedAt))}` : "";
    const soFar = entry?.attempts ? ` Best score so far: ${entry.bestScore || 0}%.` : "";
    this.status.textContent = entry?.passed
      ? `You passed this quiz${when}. Best score: ${entry.bestScore}%. You can try it again at any time.`
      : `Pass mark: ${this.passMark}%.${soFar}`;
  }

  check() {
    if (this.marked) return;
    for (const item of this.items) item.response = readResponse(item);
    const missing = this.items.filter((item) => answerKey(item.question.type, item.response) === null);
    if (!missing.length || !this.confirmBox.hidden) return this.markAll(true);
    const { heading, nodes } = unansweredList(missing, {
      markAnyway: () => this.markAll(true),
      keepAnswering: () => {
        this.confirmBox.hidden = true;
        missing[0].fieldset.querySelector("input").focus();
      },
    });
    this.confirmBox.replaceChildren(...nodes);
    this.confirmBox.hidden = false;
    heading.focus();
  }

  async markAll(record) {
    const salt = this.quiz.salt;
    const results = await Promise.all(this.items.map((item) => mark(salt, item.question, item.variantIndex, item.response)));
    this.items.forEach((item, index) => {
      item.result = results[index];
    });
    await Promise.all(this.items.map((item) => this.openFeedback(item)));
    this.showResults(record);
  }

  // The feedback on the options chosen and the explanation, sealed until the question is marked.
  async openFeedback(item) {
    const { question, variantIndex } = item;
    const variant = question.variants[variantIndex];
    const open = (sealed, part) => unseal(sealed, this.quiz.salt, question.id, variantIndex, part);
    const chosen = item.order.filter((index) => chosenOptions(item).includes(index));
    item.notes = await Promise.all(chosen.map((index) => open(variant.options[index].feedbackSealed, `feedback:${index}`)));
    item.explanation = await open(variant.explanationSealed, "explanation");
  }

  // `record`: a new attempt to add to the record; false when a marked attempt is shown again.
  showResults(record) {
    this.marked = true;
    const results = this.items.map((item) => item.result);
    const percent = score(results);
    const passed = percent >= this.passMark;
    this.items.forEach(showMarkedQuestion);
    const right = results.filter((result) => result.correct).length;
    const summary = resultSummary({ percent, right, total: results.length, passMark: this.passMark, passed });
    this.result.replaceChildren(...summary.nodes);
    if (record) {
      this.store.update((stored) => {
        addResult(stored, this.blockId, { score: percent, passed, answers: this.answers() });
        stored.blocks[this.blockId].draft = attemptDraft(this.items, true);
      });
      summary.heading.focus();
    }
    if (this.blockEntry()?.passed) this.offerBadge();
    this.confirmBox.hidden = true;
    this.actions.replaceChildren(this.againButton); // md-button's display would override [hidden]
    this.showStatus();
  }

  answers() {
    const answers = {};
    for (const { question, variantIndex, response, result } of this.items) {
      answers[question.id] = { variant: question.variants[variantIndex].key, response, correct: result.correct };
    }
    return answers;
  }

  async offerBadge() {
    const { badgeOffer } = await import("../badges/offer.js");
    const offer = badgeOffer({ course: this.course, blockId: this.blockId, store: this.store, siteRoot: this.siteRoot });
    if (this.marked && offer) this.result.append(offer);
  }

  startAgain() {
    this.items = newAttempt(this.quiz, shownVariantKeys(this.items));
    this.marked = false;
    this.render();
    this.saveDraft();
    this.result.replaceChildren(el("p", {}, "New attempt started. The questions and options have been shuffled."));
    this.actions.replaceChildren(this.checkButton);
    this.items[0]?.fieldset.querySelector("input")?.focus();
  }
}

/**
 * Mounts the quiz in its page.
 * @param {HTMLElement} root the `[data-course-quiz]` element
 * @param {{course: object, store: object, siteRoot: URL}} context
 * @returns {() => void} what to run when another tab changes the record
 */
export function mount(root, context) {
  addStylesheet(new URL("../../css/quiz.css", import.meta.url).href);
  root.classList.add("course-widget");
  const page = new QuizPage(root, context);
  page.start();
  return () => page.showStatus();
}
