package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.history.HistoryService;

/**
 * What a coordination meeting lives on: for its projects, what changed since the previous
 * meeting about them closed (to this one's opening, or to now while it is still to be held or in
 * session), and how the previous meeting's decisions stand. Without an earlier meeting, all that
 * happened to the projects so far.
 */
public final class SincePrevious {
  private static final ZonedDateTime BEGINNING = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final MeetingRepository repository;
  private final HistoryService history;
  private final Policy policy;
  private final Clock clock;

  public SincePrevious(org.liandong.storage.Graph graph, HistoryService history, Policy policy, Clock clock) {
    this.repository = new MeetingRepository(graph);
    this.history = history;
    this.policy = policy;
    this.clock = clock;
  }

  Future<JsonObject> of(CurrentUser user, String meetingId) {
    policy.require(user, Action.READ);
    return repository.window(meetingId).compose(window -> {
      var from = window.from() != null ? window.from() : BEGINNING;
      var diff = history.diff(HistoryService.Scope.projects(window.projects()), from, window.until());
      if (window.previous().isEmpty()) return diff.map(d -> d.put("previous", null).put("previousDecisions", new io.vertx.core.json.JsonArray()));
      var previous = window.previous().get();
      var day = window.until().withZoneSameInstant(clock.getZone()).toLocalDate();
      return diff.compose(d -> history.decisions(previous.getString("id"), day)
          .map(decisions -> d.put("previous", previous).put("previousDecisions", decisions)));
    });
  }
}
