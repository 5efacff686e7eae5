// Fills a block's build-time OpenBadgeCredential template (badges/credential.py) with what only the
// learner's browser knows: a fresh id, the date passed, the learner's name and the score.

function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * @param {object} template  the block's credential template (JSON from the build)
 * @param {{name?: string, passedAt: Date|string, score: number, passMark: number}} facts
 * @returns {object} a new OpenBadgeCredential (self-asserted: it carries no proof)
 */
export function fillCredential(template, { name = "", passedAt, score, passMark }) {
  const when = passedAt instanceof Date ? passedAt : new Date(passedAt);
  if (Number.isNaN(when.getTime())) throw new Error("the date passed is not a date");
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new Error("the score must be a percentage");
  const credential = JSON.parse(JSON.stringify(template));
  const achievement = credential.credentialSubject.achievement;
  credential.id = `urn:uuid:${crypto.randomUUID()}`;
  credential.validFrom = isoSeconds(when);
  const subject = {
    type: ["AchievementSubject"],
    activityEndDate: isoSeconds(when),
    achievement,
  };
  const learner = String(name).trim();
  if (learner) {
    // Open Badges 3.0 names a learner with an IdentityObject; the name is given, not hashed.
    subject.identifier = [{ type: "IdentityObject", identityHash: learner, identityType: "name", hashed: false }];
  }
  credential.credentialSubject = subject;
  const percent = Math.round(score * 10) / 10;
  credential.evidence = [
    {
      type: ["Evidence"],
      name: "Quiz score",
      description: `Scored ${percent}% in the end-of-block quiz (the pass mark is ${passMark}%), marked in the learner's browser.`,
      narrative: `Best score ${percent}%; passed on ${isoSeconds(when).slice(0, 10)}.`,
    },
  ];
  return credential;
}
