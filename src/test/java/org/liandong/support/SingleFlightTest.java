package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Single flight")
class SingleFlightTest {
  private final SingleFlight<String, Integer> flight = new SingleFlight<>();
  private final List<Promise<Integer>> started = new ArrayList<>();
  private final List<Integer> kept = new ArrayList<>();

  private Future<Integer> ask(String key) {
    return flight.get(key, () -> {
      var promise = Promise.<Integer>promise();
      started.add(promise);
      return promise.future();
    }, kept::add);
  }

  @Test
  @DisplayName("asks for one key while its work runs share that work and its result, which is kept once")
  void shares() {
    var first = ask("kpis");
    var second = ask("kpis");
    var other = ask("sessions");
    assertThat(started).hasSize(2);
    started.get(0).complete(42);
    assertThat(first.toCompletionStage()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(42);
    assertThat(second.toCompletionStage()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(42);
    assertThat(other.isComplete()).isFalse();
    assertThat(kept).containsExactly(42);

    ask("kpis");
    assertThat(started).as("finished work is not joined: the next ask starts afresh").hasSize(3);
  }

  @Test
  @DisplayName("forgotten work still answers its askers, but later asks start afresh and its result is not kept")
  void forget() {
    var before = ask("kpis");
    flight.forget("kpis");
    var after = ask("kpis");
    assertThat(started).hasSize(2);
    started.get(0).complete(1);
    started.get(1).complete(2);
    assertThat(before.toCompletionStage()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1);
    assertThat(after.toCompletionStage()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(2);
    assertThat(kept).containsExactly(2);
  }

  @Test
  @DisplayName("work that fails, even by throwing at once, fails its askers and leaves nothing behind")
  void failures() {
    var thrown = flight.get("kpis", () -> { throw new IllegalStateException("no database"); }, kept::add);
    assertThat(thrown.toCompletionStage()).failsWithin(Duration.ofSeconds(5));
    var failed = ask("kpis");
    started.get(0).fail(new IllegalStateException("timeout"));
    assertThat(failed.toCompletionStage()).failsWithin(Duration.ofSeconds(5));
    ask("kpis");
    assertThat(started).hasSize(2);
    assertThat(kept).isEmpty();
  }
}
