package org.liandong.reach;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liandong.storage.Fence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's sweep: claims the deliveries due (a batch, oldest first), sends each on its channel,
 * and records what came of them through the sweep's fence, in one write: sent, or due again after
 * a wait that doubles with each attempt (30 s, 1, 2, 4 … minutes, at most an hour), or failed after
 * the last attempt. A node that dies between sending and recording leaves its claim to run out:
 * the delivery is sent again, with the same id.
 */
public final class Sender {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  static final int BATCH = 50;
  /** How long a claim holds: longer than a batch's sends can take (each channel times out in 15 s). */
  static final Duration HOLD = Duration.ofMinutes(2);

  private final DeliveryRepository repository;
  private final Optional<Mailer> mail;
  private final Optional<SmsGateway> sms;
  private final Webhooks webhooks;
  private final Message words;
  private final int maxAttempts;
  private final Clock clock;

  Sender(DeliveryRepository repository, Optional<Mailer> mail, Optional<SmsGateway> sms, Webhooks webhooks, Message words, int maxAttempts,
         Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.mail = mail;
    this.sms = sms;
    this.webhooks = webhooks;
    this.words = words;
    this.maxAttempts = maxAttempts;
  }

  /** The wait before the next try after {@code attempts} tries: 30 s doubled each time, at most an hour. */
  static long waitSeconds(long attempts) {
    return Math.min(3600, 30L << Math.min(20, Math.max(0, attempts - 1)));
  }

  /** One round: resolves to the number of deliveries sent. */
  public Future<Integer> sweep(Fence fence) {
    return repository.claim(fence, BATCH, HOLD.toSeconds()).compose(claimed -> claimed.isEmpty() ? Future.succeededFuture(0) : sendAll(claimed, fence));
  }

  /** Sends those due now; a text message that came due in its person's quiet hours waits for their end, no attempt counted. */
  private Future<Integer> sendAll(List<Outgoing> all, Fence fence) {
    var now = ZonedDateTime.now(clock);
    var deferred = new ArrayList<Deferred>();
    var claimed = new ArrayList<Outgoing>();
    for (var d : all) {
      var due = d.dueAt(now);
      if (due.isAfter(now)) deferred.add(new Deferred(d.id(), due));
      else claimed.add(d);
    }
    var tries = claimed.stream().map(d -> safely(d).map(v -> (Throwable) null).otherwise(e -> e)).toList();
    return Future.join(tries).otherwiseEmpty().compose(v -> {
      var outcomes = new ArrayList<Outcome>();
      for (int i = 0; i < claimed.size(); i++) {
        var d = claimed.get(i);
        var error = tries.get(i).result();
        // a robot's webhook holds its token: the outbox keeps its name instead
        var to = d.robot() != null ? d.name() : d.address() == null ? "" : d.address();
        if (error != null) LOG.info("delivery {} by {} failed (attempt {}): {}", d.id(), d.channel(), d.attempts() + 1, error.getMessage());
        outcomes.add(error == null ? Outcome.sent(d.id(), to)
            : new Outcome(d.id(), to, DeliveryError.of(error), String.valueOf(error.getMessage()),
                error instanceof DeliveryError e && e.isFinal(), waitSeconds(d.attempts() + 1)));
      }
      return repository.record(fence, outcomes, deferred, maxAttempts).map(s -> (int) outcomes.stream().filter(Outcome::sent).count());
    });
  }

  /** A send that throws (a message that cannot be written, an address the client refuses) is a failed try like any other. */
  private Future<Void> safely(Outgoing d) {
    try {
      return send(d);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> send(Outgoing d) {
    if (!d.reachable()) {
      return Future.failedFuture(DeliveryError.noAddress(d.channel()));
    }
    return switch (d.channel()) {
      case "email" -> mail.map(m -> m.send(d, words)).orElseGet(() -> Future.failedFuture(DeliveryError.notConfigured("LIANDONG_SMTP_URL")));
      case "robot" -> webhooks.send(d);
      case "sms" -> sms.map(s -> s.send(d, words)).orElseGet(() -> Future.failedFuture(DeliveryError.notConfigured("LIANDONG_SMS_URL")));
      default -> Future.failedFuture(DeliveryError.notConfigured("channel " + d.channel()));
    };
  }

}
