// The achievements page: each block passed (score, date) or not yet.
export function mount(root, { course, store }) {
  const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" });
  const render = () => {
    const rec = store.get();
    for (const li of root.querySelectorAll("li[data-block-id]")) {
      const p = li.querySelector("[data-block-status]");
      const b = rec.blocks[li.dataset.blockId];
      if (!p || !course.blocks.some((x) => x.id === li.dataset.blockId)) continue;
      li.classList.toggle("course-passed", !!b?.passed);
      const icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = b?.passed ? "✓ " : "○ ";
      p.replaceChildren(
        icon,
        b?.passed
          ? `Passed with a best score of ${b.bestScore}%` + (b.passedAt ? ` on ${date.format(new Date(b.passedAt))}.` : ".")
          : "Not passed yet" + (b?.attempts ? ` (best score so far ${b.bestScore || 0}%).` : "."),
      );
    }
  };
  render();
  return render;
}
