package org.liandong.storage;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files {@code cypher/V0001__name.cypher}, each once, in order,
 * and records each as a {@code (:__Migration)} node with its checksum. A file changed after it
 * was applied stops the start-up: schema history is not rewritten silently.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.cypher");

  record Migration(int version, String description, String checksum, List<String> statements) {}

  private final Graph graph;

  public Migrations(Graph graph) {
    this.graph = graph;
  }

  /** Resolves to the number of migrations applied now (0 when the schema was up to date). */
  public Future<Integer> apply() {
    var migrations = load();
    return graph.autoCommit(
            "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE")
        .compose(v -> graph.query("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum", Map.of()))
        .compose(rows -> applyMissing(migrations, rows.stream().collect(java.util.stream.Collectors.toMap(
            r -> r.get("version").asInt(), r -> r.get("checksum").asString()))));
  }

  /** Applies, in order, each file not applied yet; a changed applied file stops everything. */
  private Future<Integer> applyMissing(List<Migration> migrations, Map<Integer, String> applied) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (var m : migrations) {
      var known = applied.get(m.version());
      if (known != null && !known.equals(m.checksum())) {
        return Future.failedFuture(new IllegalStateException("schema file V" + m.version()
            + " changed after it was applied; add a new V file instead of editing an applied one"));
      }
      if (known == null) chain = chain.compose(n -> applyOne(m).map(n + 1));
    }
    return chain;
  }

  private Future<Void> applyOne(Migration m) {
    Future<Void> chain = Future.succeededFuture();
    for (var statement : m.statements()) {
      chain = chain.compose(v -> graph.autoCommit(statement));
    }
    return chain
        .compose(v -> graph.write(tx -> tx.run(
            "MERGE (m:__Migration {version: $version}) SET m.description = $description, "
                + "m.checksum = $checksum, m.appliedAt = datetime()",
            Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum()))))
        .onSuccess(s -> LOG.info("schema V{} {} applied", m.version(), m.description()))
        .mapEmpty();
  }

  static List<Migration> load() {
    var url = Migrations.class.getClassLoader().getResource("cypher");
    if (url == null) throw new IllegalStateException("no cypher/ schema folder on the classpath");
    try {
      var uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          return read(FileSystems.getFileSystem(uri).provider().getPath(uri));
        } catch (FileSystemNotFoundException e) {
          try (var fs = FileSystems.newFileSystem(uri, Map.of())) {
            return read(fs.provider().getPath(uri));
          }
        }
      }
      return read(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Migration> read(Path dir) throws IOException {
    var result = new ArrayList<Migration>();
    try (Stream<Path> files = Files.list(dir)) {
      for (var file : files.sorted().toList()) {
        var m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) continue;
        var text = Files.readString(file, StandardCharsets.UTF_8);
        result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), sha256(text), statements(text)));
      }
    }
    result.sort(java.util.Comparator.comparingInt(Migration::version));
    return result;
  }

  /** Statements end with a semicolon; lines starting with // are comments. */
  static List<String> statements(String text) {
    var withoutComments = text.lines()
        .filter(line -> !line.strip().startsWith("//"))
        .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
