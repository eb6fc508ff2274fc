package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.TestServer;
import org.openqa.selenium.By;

/** What the header says about the live connection is true: a connection that stops passing bytes is not shown as live. */
@DisplayName("Liveness that does not lie, in a real browser behind a proxy that stops passing bytes")
class LivenessBrowserIT {

  @Test
  @DisplayName("a stalled connection shows 重连中 within 5 s, and the page is live again within a few seconds of the network answering")
  void stalledConnection() throws Exception {
    try (var proxy = new StallingProxy(TestServer.get().port()); var b = Browser.open(proxy.port(), 1366, 768)) {
      b.login("demo-coordinator").go("#/battle");
      b.waitFor(By.cssSelector("#conn[data-state='live']"));
      proxy.stall();
      long stalledAt = System.nanoTime();
      b.until(Duration.ofSeconds(8), d -> "reconnecting".equals(d.findElement(By.id("conn")).getAttribute("data-state")));
      long seconds = Duration.ofNanos(System.nanoTime() - stalledAt).toSeconds();
      assertThat(seconds).as("seconds until the header stopped saying live").isLessThanOrEqualTo(5);
      assertThat(b.text(By.id("conn"))).startsWith("重连中");
      b.screenshot("liveness-stalled");
      proxy.resume();
      long resumedAt = System.nanoTime();
      b.until(Duration.ofSeconds(10), d -> "live".equals(d.findElement(By.id("conn")).getAttribute("data-state")));
      assertThat(Duration.ofNanos(System.nanoTime() - resumedAt).toSeconds()).as("seconds until live again").isLessThanOrEqualTo(6);
    }
  }
}
