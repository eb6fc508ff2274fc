package org.liandong.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.MovableClock;
import org.liandong.TestServer;

@DisplayName("Leases: a timer's round claimed in the graph, and a fence that stops a holder who slept through its lease")
class LeasesIT {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  @DisplayName("A claims a round; B is refused that round and the next while A's lease runs; past it B claims, and A's late write is refused whole")
  void aPausedHolderWritesNothing() {
    var graph = TestServer.get().graph();
    var timer = "lease-test-" + UUID.randomUUID();
    var clockA = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    var clockB = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    var a = new Leases(graph, clockA, "node-a");
    var b = new Leases(graph, clockB, "node-b");

    // A claims the round of 01:00 for up to two minutes (a slow sweep), and falls asleep mid-sweep
    var fenceA = a.claim(timer, MINUTE, MINUTE.multipliedBy(2)).await().orElseThrow();
    assertThat(b.claim(timer, MINUTE, MINUTE).await()).as("the same round: A's").isEmpty();
    clockB.advance(Duration.ofSeconds(61));
    assertThat(b.claim(timer, MINUTE, MINUTE).await()).as("the next round, but A's lease runs").isEmpty();
    clockB.advance(MINUTE);
    var fenceB = b.claim(timer, MINUTE, MINUTE).await().orElseThrow();
    assertThat(fenceB.token()).isGreaterThan(fenceA.token());
    assertThat(graph.write(fenceB.guard(marker(timer, "b"))).await()).isEqualTo("b");

    // A wakes believing the round is its own: its write is refused and nothing of it is stored
    assertThatThrownBy(() -> graph.write(fenceA.guard(marker(timer, "a"))).await()).isInstanceOf(Fence.Lost.class)
        .hasMessageContaining(timer);
    assertThat(markers(timer)).isEqualTo(1);
    // nor does its release end B's lease: at 01:03 (a round of its own) A finds B's lease running
    a.release(fenceA).await();
    clockA.advance(Duration.ofMinutes(3));
    assertThat(a.claim(timer, MINUTE, MINUTE).await()).as("B's lease runs until 01:03:01").isEmpty();

    // B done, it lets go: its round stays its own, the next is anyone's at once
    b.release(fenceB).await();
    assertThat(b.claim(timer, MINUTE, MINUTE).await()).as("B's round, though released").isEmpty();
    Optional<Fence> next = a.claim(timer, MINUTE, MINUTE).await();
    assertThat(next).isPresent();
    assertThat(next.get().token()).isEqualTo(fenceB.token() + 1);
    assertThat(graph.write(Fence.NONE.guard(marker(timer, "by hand"))).await()).as("no lease: as it is").isEqualTo("by hand");
  }

  private static Work<String> marker(String timer, String by) {
    return tx -> tx.run("CREATE (:LeaseTestMarker {timer: $timer, by: $by})", Map.of("timer", timer, "by", by)).map(by);
  }

  private static long markers(String timer) {
    return TestServer.get().graph().query("MATCH (m:LeaseTestMarker {timer: $timer}) RETURN count(m) AS n", Map.of("timer", timer))
        .await().get(0).get("n").asLong();
  }
}
