package org.liandong.live;

import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.liandong.storage.Change;
import org.liandong.support.Addresses;

/**
 * Hands every committed change to the event bus, once per channel it concerns. Each node's hub
 * has one consumer per channel its sockets watch, so a clustered event bus carries changes
 * between nodes without further code.
 */
public final class LivePublisher {
  private final EventBus bus;

  public LivePublisher(EventBus bus) {
    this.bus = bus;
  }

  public void publish(List<Change> changes) {
    for (var change : changes) {
      change.seqs().forEach((channel, seq) ->
          bus.publish(Addresses.channel(channel), LiveEvent.of(change, channel, seq)));
    }
  }
}
