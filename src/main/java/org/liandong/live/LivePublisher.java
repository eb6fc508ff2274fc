package org.liandong.live;

import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.liandong.storage.Change;
import org.liandong.support.Addresses;

/**
 * Hands every committed change to the event bus, once per channel it concerns that a socket on
 * this node watches ({@link Watched}); a channel nobody watches is not published to (whoever opens
 * it later reads its seq from the log). Each node's hub has one consumer per channel its sockets
 * watch.
 */
public final class LivePublisher {
  private final EventBus bus;
  private final Watched watched;

  public LivePublisher(EventBus bus, Watched watched) {
    this.bus = bus;
    this.watched = watched;
  }

  public void publish(List<Change> changes) {
    for (var change : changes) {
      change.seqs().forEach((channel, seq) -> {
        if (watched.contains(channel)) bus.publish(Addresses.channel(channel), LiveEvent.of(change, channel, seq));
      });
    }
  }
}
