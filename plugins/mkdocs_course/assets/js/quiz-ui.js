// The quiz page: renders the payload as form controls, keeps the attempt as a draft,
// marks it, shows feedback, and starts new attempts.
import { answerKey, mark, score } from "./marking.js";
import { pickVariant, range, shuffle } from "./shuffle.js";
import { el } from "./course.js";

// Merges one marked attempt into the freshly read record: a pass is never undone, and the best
// score is the maximum, whatever another tab wrote meanwhile.
function addResult(rec, blockId, score, passed, answers) {
  const b = (rec.blocks[blockId] ||= {});
  b.bestScore = Math.max(b.bestScore || 0, score);
  b.attempts = (b.attempts || 0) + 1;
  b.passed = !!(b.passed || passed);
  if (passed && !b.passedAt) b.passedAt = new Date().toISOString();
  Object.assign((rec.questions[blockId] ||= {}), answers);
}

const html = (tag, attrs, markup) => {
  const e = el(tag, attrs);
  e.innerHTML = markup; // author HTML from the site's own Markdown build, never learner input
  return e;
};
const icon = (ch) => el("span", { "aria-hidden": "true", class: "course-icon" }, ch);

export function mount(root, { course, store, notice, root: site }) {
  const P = JSON.parse(root.querySelector("template.course-quiz__data").content.textContent); // see quiz.html
  const bid = P.blockId;
  const passMark = P.passMark ?? course.passMark;
  const byId = new Map(P.questions.map((q) => [q.id, q]));
  const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" });
  let items = []; // [{q, vi, order, r, result}]
  let marked = false;

  const fresh = (q, lastKey) => {
    const vi = pickVariant(q.variants.length, q.variants.findIndex((v) => v.key === lastKey));
    return { q, vi, order: shuffle(range(q.variants[vi].options.length)), r: null };
  };
  const validOrder = (o, n) => Array.isArray(o) && o.length === n && range(n).every((i) => o.includes(i));
  const validResponse = (type, r, n) =>
    r === null ||
    (type === "text" && typeof r === "string") ||
    (type === "true_false" && typeof r === "boolean") ||
    (type === "single" && Number.isInteger(r) && r >= 0 && r < n) ||
    (type === "multiple" && Array.isArray(r) && r.every((i) => Number.isInteger(i) && i >= 0 && i < n));

  // The questions of a new attempt: all in the author's order, or a fresh shuffled draw.
  const newAttempt = (last = {}) => {
    const qs = P.draw ? shuffle(P.questions).slice(0, P.draw) : P.questions;
    return qs.map((q) => fresh(q, last[q.id]));
  };

  // Restores the saved attempt by question id and variant key; an edited question starts afresh.
  const restore = () => {
    const d = store.get().blocks[bid]?.draft;
    if (!d || !Array.isArray(d.qs)) return false;
    let intact = true;
    const kept = [];
    for (const e of d.qs) {
      const q = byId.get(e?.id);
      if (!q) {
        intact = false;
        continue;
      }
      const vi = q.variants.findIndex((v) => v.key === e.v);
      const n = vi < 0 ? 0 : q.variants[vi].options.length;
      if (vi < 0 || (n && !validOrder(e.o, n)) || !validResponse(q.type, e.r ?? null, n)) {
        intact = false;
        kept.push(fresh(q));
      } else kept.push({ q, vi, order: n ? e.o : [], r: e.r ?? null });
    }
    if (P.draw) {
      const rest = shuffle(P.questions.filter((q) => !kept.some((k) => k.q === q)));
      while (kept.length < P.draw && rest.length) (intact = false), kept.push(fresh(rest.pop()));
      items = kept.slice(0, P.draw);
    } else {
      items = P.questions.map((q) => kept.find((k) => k.q === q) || ((intact = false), fresh(q)));
    }
    return intact && d.marked;
  };

  const draft = () => ({
    qs: items.map(({ q, vi, order, r }) => ({ id: q.id, v: q.variants[vi].key, o: order, r })),
    marked,
  });
  const save = () => store.update((rec) => ((rec.blocks[bid] ||= {}).draft = draft()));

  // --- the page ---
  const css = new URL("../css/quiz.css", import.meta.url).href;
  if (!document.querySelector(`link[href="${css}"]`)) document.head.append(el("link", { rel: "stylesheet", href: css }));
  root.querySelector(".course-quiz__nojs")?.remove();
  const status = el("p", { class: "course-quiz__status" });
  const form = el("form", { class: "course-quiz__form", novalidate: "" });
  const list = el("ol", { class: "course-quiz__list" });
  const confirmBox = el("div", { class: "course-quiz__confirm", hidden: "" });
  const check = el("button", { type: "submit", class: "md-button md-button--primary" }, "Check answers");
  const again = el("button", { type: "button", class: "md-button md-button--primary" }, "Try again");
  const actions = el("div", { class: "course-quiz__actions" }, check);
  const result = el("div", { class: "course-quiz__result", "aria-live": "polite" });
  form.append(list, confirmBox, actions);
  // The page's own h1 is the quiz title (the plugin writes it), so no second heading here.
  if (P.introHtml) root.append(html("div", { class: "course-quiz__intro" }, P.introHtml));
  root.append(status, form, result);
  if (!store.saving) notice("unavailable");

  const showStatus = () => {
    const b = store.get().blocks[bid];
    status.replaceChildren(
      b?.passed
        ? `You passed this quiz${b.passedAt ? " on " + date.format(new Date(b.passedAt)) : ""}. Best score: ${b.bestScore}%. You can try it again at any time.`
        : `Pass mark: ${passMark}%.` + (b?.attempts ? ` Best score so far: ${b.bestScore || 0}%.` : ""),
    );
  };

  const render = () => {
    list.replaceChildren();
    items.forEach((it, i) => {
      const { q } = it;
      const v = q.variants[it.vi];
      const id = `course-q${i + 1}`;
      const name = `${id}-answer`;
      const box = el("div", { class: "course-q__options" });
      const choice = (type, value, label, checked) => {
        const input = el("input", { type, name, value });
        input.checked = checked;
        box.append(el("label", { class: "course-opt" }, input, label));
      };
      if (q.type === "text") {
        const input = el("input", { type: "text", id: name, name, autocomplete: "off", spellcheck: "false" });
        input.value = it.r || "";
        box.append(el("label", { for: name }, "Your answer"), input);
      } else if (q.type === "true_false") {
        choice("radio", "true", "True", it.r === true);
        choice("radio", "false", "False", it.r === false);
      } else
        for (const o of it.order)
          choice(
            q.type === "single" ? "radio" : "checkbox",
            o,
            html("span", {}, v.options[o].html),
            q.type === "single" ? it.r === o : (it.r || []).includes(o),
          );
      const fs = el(
        "fieldset",
        { "aria-labelledby": `${id}-legend ${id}-prompt` },
        el("legend", { id: `${id}-legend` }, `Question ${i + 1} of ${items.length}`),
        html("div", { id: `${id}-prompt`, class: "course-q__prompt" }, v.promptHtml),
        box,
      );
      it.fs = fs;
      it.out = el("div", { class: "course-q__feedback" });
      it.li = el("li", { class: "course-q", id }, fs, it.out);
      list.append(it.li);
    });
  };

  const readInputs = () => {
    for (const it of items) {
      const inputs = [...it.fs.querySelectorAll("input")];
      const on = inputs.filter((x) => x.checked).map((x) => x.value);
      const t = it.q.type;
      it.r =
        t === "text" ? inputs[0].value
        : t === "multiple" ? (on.length ? on.map(Number).sort((a, b) => a - b) : null)
        : !on.length ? null
        : t === "true_false" ? on[0] === "true"
        : Number(on[0]);
    }
  };
  form.addEventListener("input", () => {
    readInputs();
    save();
  });

  const showResults = (record) => {
    marked = true;
    const results = items.map((it) => it.result);
    const pct = score(results);
    const passed = pct >= passMark;
    items.forEach((it) => {
      const v = it.q.variants[it.vi];
      const { answered, correct } = it.result;
      it.fs.disabled = true;
      it.li.className = `course-q course-q--${correct ? "correct" : "incorrect"}`;
      it.out.replaceChildren(
        el(
          "p",
          { class: "course-q__verdict" },
          icon(correct ? "✓" : "✗"),
          el("strong", {}, correct ? "Correct" : answered ? "Incorrect" : "Not answered"),
        ),
      );
      const chosen = it.q.type === "single" ? [it.r] : it.q.type === "multiple" ? it.r || [] : [];
      for (const o of it.order)
        if (chosen.includes(o) && v.options[o].feedbackHtml) it.out.append(html("div", { class: "course-q__note" }, v.options[o].feedbackHtml));
      if (v.explanationHtml) it.out.append(html("div", { class: "course-q__explanation" }, v.explanationHtml));
      if (it.q.reviewUrl)
        it.out.append(el("p", {}, el("a", { href: it.q.reviewUrl }, `Review: ${it.q.reviewTitle || "the lesson"}`)));
    });
    const right = results.filter((r) => r.correct).length;
    const heading = el("h2", { tabindex: "-1" }, `Your score: ${pct}%`);
    result.replaceChildren(
      heading,
      el(
        "p",
        {},
        `${right} of ${results.length} correct. The pass mark is ${passMark}%. `,
        el("strong", {}, passed ? "You passed." : "You have not passed yet."),
      ),
    );
    if (record) {
      store.update((rec) => {
        const answers = {};
        for (const it of items) answers[it.q.id] = { variant: it.q.variants[it.vi].key, response: it.r, correct: it.result.correct };
        addResult(rec, bid, pct, passed, answers);
        rec.blocks[bid].draft = draft();
      });
      heading.focus();
    }
    if (store.get().blocks[bid]?.passed)
      import("./badges/offer.js").then((m) => marked && result.append(m.badgeOffer({ course, blockId: bid, store, site })));
    confirmBox.hidden = true;
    actions.replaceChildren(again); // md-button's display would override [hidden]
    showStatus();
  };

  const markAll = async (record) => {
    await Promise.all(items.map(async (it) => (it.result = await mark(P.salt, it.q, it.vi, it.r))));
    showResults(record);
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (marked) return;
    readInputs();
    const missing = items.filter((it) => answerKey(it.q.type, it.r) === null);
    if (missing.length && confirmBox.hidden) {
      const go = el("button", { type: "button", class: "md-button md-button--primary" }, "Check answers anyway");
      const back = el("button", { type: "button", class: "md-button" }, "Keep answering");
      const heading = el("h2", { tabindex: "-1" }, missing.length === 1 ? "1 question is not answered" : `${missing.length} questions are not answered`);
      const links = el("ul", {});
      for (const it of missing) {
        const a = el("a", { href: `#${it.li.id}` }, it.fs.querySelector("legend").textContent);
        a.onclick = (ev) => {
          ev.preventDefault();
          it.fs.querySelector("input").focus();
        };
        links.append(el("li", {}, a));
      }
      go.onclick = () => markAll(true);
      back.onclick = () => {
        confirmBox.hidden = true;
        missing[0].fs.querySelector("input").focus();
      };
      confirmBox.replaceChildren(heading, el("p", {}, "Unanswered questions count as wrong."), links, go, " ", back);
      confirmBox.hidden = false;
      heading.focus();
      return;
    }
    markAll(true);
  });

  again.addEventListener("click", () => {
    const last = {};
    for (const it of items) last[it.q.id] = it.q.variants[it.vi].key;
    items = newAttempt(last);
    marked = false;
    render();
    save();
    result.replaceChildren(el("p", {}, "New attempt started. The questions and options have been shuffled."));
    actions.replaceChildren(check);
    items[0]?.fs.querySelector("input")?.focus();
  });

  const wasMarked = restore();
  if (!items.length) {
    const last = {};
    for (const [id, a] of Object.entries(store.get().questions[bid] || {})) last[id] = a?.variant;
    items = newAttempt(last);
  }
  render();
  if (wasMarked) markAll(false);
  else save();
  showStatus();
  return showStatus;
}
