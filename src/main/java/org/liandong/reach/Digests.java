package org.liandong.reach;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.function.UnaryOperator;
import org.liandong.domain.NoticeKind;
import org.liandong.storage.Fence;

/**
 * The daily digest (每日摘要, docs/reach.md): at 08:30 where the server keeps its time, one e-mail to
 * each person with an address who has not turned it off: their department's work due soon and
 * overdue, what waits for their answer, and the notices of the kinds that send nothing on their
 * own, unread from the last day. Written into the outbox once a day (a round of any node after
 * 08:30; the graph remembers the day), sent as any delivery.
 */
public final class Digests {
  static final LocalTime AT = LocalTime.of(8, 30);

  private final DeliveryRepository repository;
  private final Clock clock;
  private final UnaryOperator<LocalDate> horizon;

  /** {@code horizon}: the last day counted as due soon, from a day (the 督办 sweep's reminder horizon). */
  Digests(DeliveryRepository repository, Clock clock, UnaryOperator<LocalDate> horizon) {
    this.repository = repository;
    this.clock = clock;
    this.horizon = horizon;
  }

  /** One round: the day's digests when it is 08:30 or later and they are not yet written; resolves to how many were. */
  public Future<Integer> sweep(Fence fence) {
    var now = ZonedDateTime.now(clock);
    if (now.toLocalTime().isBefore(AT)) return Future.succeededFuture(0);
    var today = now.toLocalDate();
    return repository.digests(fence, today, now.minusDays(1), horizon.apply(today), NoticeKind.quiet());
  }
}
