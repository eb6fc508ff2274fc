package org.liandong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Main in a JVM of its own, as the run command starts it, with its output collected. */
public record Child(Process process, List<String> lines, Thread reader) {
  public static Child start(Map<String, String> env) throws Exception {
    var java = ProcessHandle.current().info().command().orElse("java");
    var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    builder.environment().keySet().removeIf(k -> k.startsWith("LIANDONG_") || k.startsWith("NEO4J_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    var process = builder.start();
    var lines = new CopyOnWriteArrayList<String>();
    var reader = Thread.ofPlatform().daemon().start(() -> {
      try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) lines.add(line);
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    });
    return new Child(process, lines, reader);
  }

  public String await(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (var line : lines) {
        var m = pattern.matcher(line);
        if (m.find()) return m.group(1);
      }
      if (!process.isAlive()) break;
      Thread.sleep(50);
    }
    throw new AssertionError("never printed " + pattern + ":\n" + String.join("\n", lines));
  }

  public int exitCode() throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exits instead of hanging").isTrue();
    reader.join(5_000);
    return process.exitValue();
  }

  public String errorLine() {
    return lines.stream().filter(l -> l.startsWith("liandong: ")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no error line in:\n" + String.join("\n", lines)));
  }
}
