package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.liandong.Api;
import org.liandong.TestServer;

/**
 * Hostile input generated from the contract ({@link Hostile}): requests to every operation, each
 * breaking one rule of its schema, sent by every role and by nobody. None may answer 5xx; every
 * refusal is a 4xx a person can read in both languages; a refused request stores nothing (no
 * change is recorded in its sender's name). jqwik reports the seed of each run: a failure
 * replays with {@code @Property(seed = "…")}.
 */
class GeneratedInputIT {
  private static final List<String> PEOPLE = List.of("demo-admin", "demo-coordinator", "demo-officer", "demo-leader", "demo-analyst");
  private static final Map<String, Api> AS = new LinkedHashMap<>();
  private static Hostile hostile;

  @BeforeContainer
  static void people() throws Exception {
    hostile = new Hostile(ContractTest.contract());
    for (var username : PEOPLE) AS.put(username, TestServer.api().as(username));
    AS.put("nobody", TestServer.api());
  }

  /** A request breaking one rule of a random operation, and who sends it. */
  record Sent(String who, Hostile.Request request) {
    @Override
    public String toString() {
      return who + ": " + request;
    }
  }

  @Provide
  Arbitrary<Sent> hostileRequests() {
    return Arbitraries.randomValue(random -> new Sent(List.copyOf(AS.keySet()).get(random.nextInt(AS.size())), hostile.next(random)));
  }

  @Property(tries = 400, shrinking = ShrinkingMode.OFF)
  void brokenRequestsAreRefusedInBothLanguagesAndStoreNothing(@ForAll("hostileRequests") Sent sent) {
    var request = sent.request();
    long before = changesBy(sent.who());
    var answer = AS.get(sent.who()).send(request.method(), request.path(), request.body() == null ? null : new BadInputIT.Raw(request.body()));
    assertThat(answer.status()).as(sent + " → " + answer.body()).isBetween(400, 499);
    var error = answer.json();
    assertThat(error.getString("message")).as(sent + " → " + answer.body()).isNotBlank();
    assertThat(error.getString("messageZh")).as(sent + " → " + answer.body()).isNotBlank();
    assertThat(changesBy(sent.who())).as(sent + ": nothing stored").isEqualTo(before);
  }

  private static long changesBy(String username) {
    return TestServer.get().graph().query("MATCH (c:Change {actor: $who}) RETURN count(c) AS n", Map.of("who", username))
        .await().get(0).get("n").asLong();
  }
}
