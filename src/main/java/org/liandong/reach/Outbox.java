package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
  private final RobotRepository robots;
  private final Receipts receipts;
  private final Clock clock;

  public Outbox(Vertx vertx, Graph graph, Policy policy, Clock clock, Reach reach) {
    this.clock = clock;
    this.receipts = new Receipts(graph, policy, clock);
    this.repository = new DeliveryRepository(graph);
    this.robots = new RobotRepository(graph);
    this.policy = policy;
    this.reach = reach;
    var words = new Message(reach.publicUrl(), clock.getZone(), receipts::token);
    var mail = reach.smtp().map(s -> new Mailer(vertx, s, reach.publicUrl().getHost()));
    var sms = reach.sms().map(s -> new SmsGateway(vertx, s, clock));
    this.sender = new Sender(repository, mail, sms, new Webhooks(vertx, clock, words), words, reach.maxAttempts(), clock);
  }

  /** Records the channels this deployment sends by (none: no delivery is written). Every node of a cluster has the same. */
  public Future<Void> start() {
    var channels = new ArrayList<String>();
    reach.smtp().ifPresent(s -> channels.add("email"));
    reach.sms().ifPresent(s -> channels.add("sms"));
    return repository.channels(channels);
  }

  /** 签收: the receipt links the e-mails carry, and what they record. */
  public Receipts receipts() {
    return receipts;
  }

  public Sender sender() {
    return sender;
  }

  /** The daily digest's sweep; {@code horizon}: the last day counted as due soon, from a day. */
  public Digests digests(java.util.function.UnaryOperator<java.time.LocalDate> horizon) {
    return new Digests(repository, clock, horizon);
  }

  /**
   * A test message to myself (我的设置) by each channel I can be reached by, now: the channels it
   * went to (none: no address, or the server sends by neither); 429 when asked again within a minute.
   */
  Future<JsonObject> test(CurrentUser me) {
    return repository.test(me.id()).map(sent -> new JsonObject().put("channels", new JsonArray(sent.orElseThrow(() ->
        new Failure.TooMany(Text.key("reach.test.tooSoon"), 60)))));
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

  /** A department's group robots (admins), their tokens and secrets never shown. */
  Future<JsonArray> robots(CurrentUser me, String departmentId) {
    policy.require(me, Action.MANAGE_DEPARTMENTS);
    return robots.list(departmentId).map(found -> found.orElseThrow(() -> noDepartment(departmentId)));
  }

  Future<JsonObject> addRobot(CurrentUser me, String departmentId, String platform, String name, String url, String secret) {
    policy.require(me, Action.MANAGE_DEPARTMENTS);
    if ("generic".equals(platform) && secret == null) {
      throw Failure.invalid("secret", Text.key("reach.error.genericNeedsSecret"));
    }
    return robots.add(departmentId, platform, name, url, secret).map(found -> found.orElseThrow(() -> noDepartment(departmentId)));
  }

  Future<Void> removeRobot(CurrentUser me, String departmentId, String robotId) {
    policy.require(me, Action.MANAGE_DEPARTMENTS);
    return robots.remove(departmentId, robotId).map(removed -> {
      if (!removed) throw new Failure.NotFound(Text.key("reach.error.noRobot", "id", robotId));
      return null;
    });
  }

  private static Failure.NotFound noDepartment(String id) {
    return new Failure.NotFound(Text.key("reach.error.noDepartment", "id", id));
  }
}
