package org.liandong.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.storage.Graph;

/** Owns this node's hub (the one event-bus consumer per watched channel, and presence) and its sockets' sessions. */
public final class LiveVerticle extends VerticleBase {
  /** What the live layer is told by the rest of the server. */
  public record Parts(Graph graph, Policy policy, int replayWindow,
                      Function<String, Future<Optional<Subject.Meeting>>> meetingAccess,
                      BiConsumer<String, String> attendance, Watched watched) {}

  private final Parts parts;
  private Hub hub;
  private Access access;
  private Sessions sessions;
  private static final long WATCH_MS = 1000;

  /** {@code attendance} is told (meetingId, userId) when someone first enters a meeting room on this node. */
  public LiveVerticle(Parts parts) {
    this.parts = parts;
  }

  @Override
  public Future<?> start() {
    hub = new Hub(vertx, context, parts.graph(), parts.replayWindow(), parts.attendance(), parts.watched());
    access = new Access(parts.graph(), parts.policy(), parts.meetingAccess());
    sessions = new Sessions(vertx);
    // every second: does the database answer? The sockets hear when that changes
    vertx.setPeriodic(WATCH_MS, WATCH_MS, t -> parts.graph().ping().onComplete(r -> sessions.database(r.succeeded())));
    return Future.succeededFuture();
  }

  Hub hub() {
    return hub;
  }

  Access access() {
    return access;
  }

  Sessions sessions() {
    return sessions;
  }
}
