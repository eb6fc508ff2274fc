package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.domain.NoticeKind;
import org.liandong.storage.Graph;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * 签收 (docs/reach.md): a 督办, its escalation and an invitation ask their person to acknowledge
 * them. Their e-mail carries a receipt link whose signed token opens that one notice, without a
 * session, until it is acknowledged or a week has passed; in the app the person acknowledges it
 * on the notice. The office and the leaders see per 督办 who received, opened and acknowledged it.
 */
public final class Receipts {
  /** How long a receipt link opens its notice. */
  static final Duration LIFETIME = Duration.ofDays(7);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ReceiptRepository repository;
  private final Policy policy;
  private final Clock clock;
  private volatile ReceiptTokens tokens;

  public Receipts(Graph graph, Policy policy, Clock clock) {
    this.repository = new ReceiptRepository(graph);
    this.policy = policy;
    this.clock = clock;
  }

  /** Reads (or, on the first node ever, makes) the key receipt links are signed with. */
  public Future<Void> start() {
    var fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return repository.key(fresh).map(key -> {
      tokens = new ReceiptTokens(key);
      return null;
    });
  }

  /** The receipt token of a delivery to a person of a kind that asks for 签收; empty for the others. */
  Optional<String> token(Outgoing d) {
    var kind = d.text("kind");
    if (tokens == null || d.robot() != null || kind == null || !NoticeKind.valueOf(kind).acknowledged()) return Optional.empty();
    return Optional.of(tokens.issue(d.id(), clock.instant().plus(LIFETIME)));
  }

  Future<JsonObject> open(String token) {
    return delivery(token).compose(repository::open).map(this::shown);
  }

  Future<JsonObject> acknowledge(String token) {
    return delivery(token).compose(repository::acknowledge).map(this::shown);
  }

  /** The person acknowledges their own notice in the app (again: as it is); 422 for a kind that does not ask. */
  Future<JsonObject> acknowledgeOwn(CurrentUser me, String noticeId) {
    return repository.acknowledgeOwn(noticeId, me.id()).map(found -> {
      var f = found.orElseThrow(() -> new Failure.NotFound(Text.key("reach.receipt.noNotice", "id", noticeId)));
      if (f.spent()) throw Failure.unprocessable("id", Text.key("reach.receipt.notAsked"));
      return zoned(f.receipt());
    });
  }

  Future<JsonArray> ofSupervision(CurrentUser me, String id) {
    policy.require(me, Action.RECEIPTS);
    return repository.ofSupervision(id).map(found -> found.orElseThrow(() -> new Failure.NotFound(Text.key("reach.receipt.noSupervision", "id", id))));
  }

  /** The token's delivery, when it is well signed and within its week. */
  private Future<String> delivery(String token) {
    var read = tokens == null ? Optional.<ReceiptTokens.Read>empty() : tokens.read(token);
    if (read.isEmpty()) return Future.failedFuture(new Failure.NotFound(Text.key("reach.receipt.notValid")));
    if (!clock.instant().isBefore(read.get().expires())) {
      return Future.failedFuture(new Failure.Gone(Text.key("reach.receipt.expired", "time", time(read.get().expires()))));
    }
    return Future.succeededFuture(read.get().deliveryId());
  }

  private JsonObject shown(Optional<ReceiptRepository.Found> found) {
    var f = found.orElseThrow(() -> new Failure.NotFound(Text.key("reach.receipt.notValid")));
    if (f.spent()) {
      throw new Failure.Gone(Text.key("reach.receipt.spent", "time", time(java.time.ZonedDateTime.parse(f.receipt().getString("acknowledgedAt")).toInstant())));
    }
    return zoned(f.receipt());
  }

  /** The zone its times are read in (LIANDONG_TIMEZONE): the receipt page has no session to ask it by. */
  private JsonObject zoned(JsonObject receipt) {
    return receipt.put("timeZone", clock.getZone().getId());
  }

  /** A stored time as the person reads it: in LIANDONG_TIMEZONE. */
  private String time(Instant at) {
    return TIME.format(at.atZone(clock.getZone()));
  }
}
