package org.liandong.obligations;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.Status;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/**
 * An obligation's status workflow, decided here for REST, the live pages and imports alike: which
 * move is allowed (and who may reopen), the dates a move stamps, what a status needs (容缺's
 * deadline and list of missing documents, what blocks it), and when a company's feedback belongs.
 */
final class Workflow {
  private final Policy policy;
  private final Clock clock;

  Workflow(Policy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Applies the status workflow to the changes: checks the move, stamps its dates; resolves to the change's type. */
  Future<String> apply(CurrentUser actor, Props before, Patch changes) {
    var from = Status.valueOf(before.text("status"));
    var to = changes.value("status") == null ? from : Status.valueOf(changes.text("status"));
    if (to != from && !from.canBecome(to)) {
      return Future.failedFuture(Failure.unprocessable("status", Text.key("server.obligations.cannotGoFromFrom", "from", Text.of(String.valueOf(from), String.valueOf(from.zh)), "to", Text.of(String.valueOf(to), String.valueOf(to.zh)), "next", from.next())));
    }
    if (to != from && from == Status.done && !policy.allows(actor, Action.DISPATCH, Subject.NONE)) {
      return Future.failedFuture(Failure.forbidden(Text.key("server.obligations.onlyServiceOfficeMay")));
    }
    if (to != from) stamp(before, changes, from, to);
    // a new deadline for the missing documents starts the 容缺 afresh
    if (changes.value("deficiencyDueOn") != null) changes.set("deficiencyExpiredOn", null);
    return required(before, changes, to).compose(v -> needFeedback(before, changes, to))
        .map(v -> to != from ? "obligation.status" : "obligation.updated");
  }

  private void stamp(Props before, Patch changes, Status from, Status to) {
    if (to.accepted() && before.value("acceptedAt") == null) changes.set("acceptedAt", now());
    if (to == Status.done) {
      changes.set("doneOn", today());
      changes.set("doneAt", now());
    }
    if (from == Status.done) {
      changes.set("doneOn", null);
      changes.set("doneAt", null);
    }
    if (from == Status.blocked && !changes.has("blockedReason")) changes.set("blockedReason", null);
  }

  private Future<Void> required(Props before, Patch changes, Status to) {
    var problems = new Failure.Problems();
    if (to == Status.deficient && changes.value("deficiencyDueOn") == null && before.value("deficiencyDueOn") == null) {
      problems.add("deficiencyDueOn", Text.key("server.obligations.needsDateWhichMissing"));
    }
    var deadline = changes.has("deficiencyDueOn") ? changes.date("deficiencyDueOn") : before.date("deficiencyDueOn");
    if (to == Status.deficient && deadline != null && deadline.isBefore(today())
        && (changes.has("deficiencyDueOn") || !Status.deficient.name().equals(before.value("status")))) {
      problems.add("deficiencyDueOn", Text.key("server.obligations.deadlineMissingDocumentsCannot", "today", today()));
    }
    documents(before, changes, to, problems);
    if (to == Status.blocked && changes.value("blockedReason") == null && before.value("blockedReason") == null) {
      problems.add("blockedReason", Text.key("server.obligations.sayWhatBlocks"));
    }
    return problems.orElse(422, Future::succeededFuture);
  }

  /**
   * The 补正材料清单: a new 容缺 acceptance lists the documents still to come; what is ticked off
   * as received must be on the list; a list only belongs to an obligation in 容缺.
   */
  private static void documents(Props before, Patch changes, Status to, Failure.Problems problems) {
    var from = before.value("status");
    var listed = changes.has("missingDocuments") ? changes.texts("missingDocuments") : before.texts("missingDocuments");
    if (to == Status.deficient && !Status.deficient.name().equals(from) && (listed == null || listed.isEmpty())) {
      problems.add("missingDocuments", Text.key("server.obligations.listsDocumentsStillCome"));
    }
    if ((changes.has("missingDocuments") || changes.has("documentsReceived")) && to != Status.deficient) {
      problems.add("missingDocuments", Text.key("server.obligations.listMissingDocumentsBelongs"));
      return;
    }
    var received = changes.texts("documentsReceived");
    if (received != null && listed != null && !listed.containsAll(received)) {
      var unknown = received.stream().filter(d -> !listed.contains(d)).toList();
      problems.add("documentsReceived", Text.key("server.obligations.notListMissingDocuments", "unknown", unknown));
    }
    // a new list starts with nothing received
    if (changes.has("missingDocuments") && !changes.has("documentsReceived")) changes.set("documentsReceived", List.of());
  }

  private Future<Void> needFeedback(Props before, Patch changes, Status to) {
    if (!changes.has("feedback") && !changes.has("evaluation") && !changes.has("evaluationNote")) {
      return Future.succeededFuture();
    }
    if (!"need".equals(before.value("kind"))) {
      return Future.failedFuture(Failure.unprocessable("feedback", Text.key("server.obligations.feedbackEvaluationBelongCompany")));
    }
    if (to != Status.done) {
      return Future.failedFuture(Failure.unprocessable("feedback", Text.key("server.obligations.recordCompanySFeedback")));
    }
    if (changes.has("feedback")) changes.set("feedbackAt", now());
    if (changes.has("evaluation")) changes.set("evaluatedAt", now());
    return Future.succeededFuture();
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
