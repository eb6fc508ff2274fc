package org.liandong.live;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.storage.Graph;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Who may watch which channel, as the one {@link Policy} decides it for REST too: a project's
 * and a department's channels carry what every signed-in person may read; a person's channel
 * is their own; a meeting's is its room.
 */
final class Access {
  private final Graph graph;
  private final Policy policy;
  private final Function<String, Future<Optional<Subject.Meeting>>> meetings;

  Access(Graph graph, Policy policy, Function<String, Future<Optional<Subject.Meeting>>> meetings) {
    this.graph = graph;
    this.policy = policy;
    this.meetings = meetings;
  }

  Future<Void> check(CurrentUser user, Channel channel) {
    return switch (channel.kind()) {
      case "project" -> policy.check(user, Action.READ, Subject.NONE).compose(v -> exists(LiveCypher.PROJECT, channel));
      // the list of projects: one appeared or went (an import, a new project, a deletion)
      case "projects" -> policy.check(user, Action.READ, Subject.NONE).compose(v -> Channel.PROJECTS.equals(channel)
          ? Future.succeededFuture() : Future.failedFuture(notFound(channel)));
      case "department" -> policy.check(user, Action.READ, new Subject.Department(channel.id()))
          .compose(v -> exists(LiveCypher.DEPARTMENT, channel));
      case "user" -> policy.check(user, Action.WATCH_USER, new Subject.Person(channel.id())).compose(v -> exists(LiveCypher.USER, channel));
      case "meeting" -> meetings.apply(channel.id()).compose(found -> found
          .map(meeting -> policy.check(user, Action.ENTER_MEETING, meeting))
          .orElseGet(() -> Future.failedFuture(notFound(channel))));
      default -> Future.failedFuture(Failure.invalid("channel", Text.key("server.live.unknownChannelKind", "kind", channel.kind())));
    };
  }

  private Future<Void> exists(String query, Channel channel) {
    return graph.query(query, Map.of("id", channel.id())).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(notFound(channel))
        : Future.succeededFuture());
  }

  static Failure notFound(Channel channel) {
    return new Failure.NotFound(Text.key("server.live.thereNo", "kind", channel.kind(), "channel", Text.of(String.valueOf(channel.id()), String.valueOf(channel.name()))));
  }
}
