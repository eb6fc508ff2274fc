package org.liandong.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Schema files")
public class MigrationsTest {

  @Test
  @DisplayName("are found on the classpath in version order, each with a checksum")
  void load() {
    var migrations = Migrations.load();
    assertThat(migrations).extracting(Migrations.Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(migrations.get(0).description()).isEqualTo("constraints");
    assertThat(migrations).allSatisfy(m -> assertThat(m.checksum()).hasSize(64));
    assertThat(migrations.get(0).statements()).allSatisfy(s -> assertThat(s).startsWith("CREATE CONSTRAINT"));
  }

  @Test
  @DisplayName("split into statements at semicolons, with // comment lines dropped")
  void statements() {
    var text = """
        // a comment; with a semicolon
        CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);

        CREATE INDEX b IF NOT EXISTS
          FOR (n:B) ON (n.y);
        """;
    assertThat(Migrations.statements(text)).containsExactly(
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
        "CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)");
  }

  /** How many schema files the project has (for tests that count what was applied). */
  public static long files() {
    return Migrations.load().size();
  }
}
