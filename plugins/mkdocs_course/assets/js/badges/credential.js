// Fills a block's build-time OpenBadgeCredential template (badges/credential.py) with what only the
// learner's browser knows: a fresh id, the date passed, the learner's name and the score, and the
// issuer: the learner, named by the did:key that signs the badge (signing.js). The course provider
// stays the achievement's creator. Its words are the course's (the `badge` area of the messages).
import { message } from "../messages.js";
import { messagesLocale } from "../message-formats.js";

function percentText(percent) {
  return new Intl.NumberFormat(messagesLocale(), { style: "percent", maximumFractionDigits: 1 }).format(percent / 100);
}

function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * @param {object} template  the block's credential template (JSON from the build)
 * @param {{name?: string, passedAt: Date|string, score: number, passMark: number, learnerId: string}} facts
 *   `learnerId`: the did:key of the key that will sign the credential
 * @returns {object} a new OpenBadgeCredential, self-issued: the learner is its issuer and its subject
 */
export function fillCredential(template, { name = "", passedAt, score, passMark, learnerId }) {
  const when = passedAt instanceof Date ? passedAt : new Date(passedAt);
  if (Number.isNaN(when.getTime())) throw new Error("the date passed is not a date");
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new Error("the score must be a percentage");
  if (!String(learnerId).startsWith("did:key:")) throw new Error("the learner's issuer id must be a did:key");
  const credential = JSON.parse(JSON.stringify(template));
  const achievement = credential.credentialSubject.achievement;
  const learner = String(name).trim();
  credential.id = `urn:uuid:${crypto.randomUUID()}`;
  credential.issuer = { id: learnerId, type: ["Profile"], name: learner || message("badge.learner") };
  credential.validFrom = isoSeconds(when);
  const subject = {
    id: learnerId,
    type: ["AchievementSubject"],
    activityEndDate: isoSeconds(when),
    achievement,
  };
  if (learner) {
    // Open Badges 3.0 names a learner with an IdentityObject; the name is given, not hashed.
    subject.identifier = [{ type: "IdentityObject", identityHash: learner, identityType: "name", hashed: false }];
  }
  credential.credentialSubject = subject;
  const percent = percentText(Math.round(score * 10) / 10);
  credential.evidence = [
    {
      type: ["Evidence"],
      name: message("badge.evidence_name"),
      description: message("badge.evidence_description", { score: percent, pass_mark: percentText(passMark) }),
      narrative: message("badge.evidence_narrative", { score: percent, date: isoSeconds(when).slice(0, 10) }),
    },
  ];
  return credential;
}
