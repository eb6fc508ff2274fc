package org.liandong.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.BiConsumer;
import org.liandong.storage.Graph;

/** Owns this node's hub: the one event-bus consumer per watched channel, and presence. */
public final class LiveVerticle extends VerticleBase {
  private final Graph graph;
  private final int replayWindow;
  private final BiConsumer<String, String> attendance;
  private Hub hub;
  private Access access;

  /** @param attendance told (meetingId, userId) when someone first enters a meeting room on this node */
  public LiveVerticle(Graph graph, int replayWindow, BiConsumer<String, String> attendance) {
    this.graph = graph;
    this.replayWindow = replayWindow;
    this.attendance = attendance;
  }

  @Override
  public Future<?> start() {
    hub = new Hub(vertx, context, graph, replayWindow, attendance);
    access = new Access(graph);
    return Future.succeededFuture();
  }

  Hub hub() {
    return hub;
  }

  Access access() {
    return access;
  }
}
