package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.config.Reach;
import org.liandong.storage.Graph;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Notices that leave the app (docs/reach.md). The notices' own writes put their deliveries in the
 * graph (NoticeCypher.DELIVER, by the channels {@link #start} records); {@link #sender} sends them;
 * the admins see those that failed and send them again.
 */
public final class Outbox {
  private final DeliveryRepository repository;
  private final Policy policy;
  private final Reach reach;
  private final Sender sender;

  public Outbox(Vertx vertx, Graph graph, Policy policy, Clock clock, Reach reach) {
    this.repository = new DeliveryRepository(graph);
    this.policy = policy;
    this.reach = reach;
    var words = new Message(reach.publicUrl(), clock.getZone());
    this.sender = new Sender(repository, reach.smtp().map(s -> new Mailer(vertx, s, reach.publicUrl().getHost())), reach.sms().map(s -> new SmsGateway(vertx, s, clock)),
        words, reach.maxAttempts());
  }

  /** Records the channels this deployment sends by (none: no delivery is written). Every node of a cluster has the same. */
  public Future<Void> start() {
    var channels = new ArrayList<String>();
    reach.smtp().ifPresent(s -> channels.add("email"));
    reach.sms().ifPresent(s -> channels.add("sms"));
    return repository.channels(channels);
  }

  public Sender sender() {
    return sender;
  }

  public boolean sends() {
    return reach.any();
  }

  /** The deliveries, newest first, of one status or all; with how many there are of each. */
  Future<JsonObject> list(CurrentUser me, String status, int limit) {
    policy.require(me, Action.DELIVERIES);
    return repository.list(status, limit);
  }

  /** A failed delivery sent again, from its first attempt; 409 for one that has not failed. */
  Future<JsonObject> retry(CurrentUser me, String id) {
    policy.require(me, Action.DELIVERIES);
    return repository.retry(id).map(found -> {
      var retried = found.orElseThrow(() -> new Failure.NotFound(Text.key("reach.error.noDelivery", "id", id)));
      if (!"failed".equals(retried.was())) throw new Failure.Conflict(Text.key("reach.error.notFailed", "status", retried.was()), retried.delivery());
      return retried.delivery();
    });
  }
}
