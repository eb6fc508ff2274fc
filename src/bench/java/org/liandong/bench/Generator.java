package org.liandong.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A load-generator JVM: started with a spec, read line by line, released through its stdin. */
final class Generator {
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Generator(Process process) {
    this.process = process;
    Thread.ofPlatform().daemon().start(() -> {
      try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (!line.startsWith("WARNING")) System.out.println("  [load] " + line);
          lines.add(line);
        }
      } catch (java.io.IOException ignored) {
        // the generator ended
      }
    });
  }

  static ProcessBuilder java(String mainClass, String... args) {
    var binary = ProcessHandle.current().info().command().orElse("java");
    var command = new ArrayList<>(List.of(binary, "-Xmx1g", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  static Generator start(JsonObject spec) throws Exception {
    var file = Files.createTempFile("liandong-load-", ".json");
    Files.writeString(file, spec.encode());
    return new Generator(java(LoadGenerator.class.getName(), file.toString()).start());
  }

  /** Waits for a line starting with the prefix and returns the rest of it. */
  String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      var line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(prefix)) return line.substring(prefix.length());
      if (line == null && !process.isAlive() && lines.isEmpty()) break;
    }
    throw new IllegalStateException("the load generator never printed " + prefix.trim());
  }

  void release() throws Exception {
    process.getOutputStream().write('\n');
    process.getOutputStream().flush();
    finish();
  }

  JsonObject finish() throws Exception {
    var result = new JsonObject(await("RESULT "));
    process.waitFor(30, TimeUnit.SECONDS);
    return result;
  }
}
