package org.liandong.sheets;

import java.util.List;
import java.util.Locale;
import org.liandong.support.Catalogue;

/**
 * The columns the import reads and the export and template write, each recognised by its header
 * (Chinese or English, with or without its unit in brackets: 总投资（亿元）, Investment (亿元)),
 * never by its position. The headers are the catalogue's ({@code sheets.column.<NAME>}, with the
 * other words people write for it under {@code .also}); the first is the template's.
 */
public enum Column {
  // the project list (重大项目清单)
  CODE(Sheet.PROJECTS, "code", Kind.CODE, true, 14),
  NAME(Sheet.PROJECTS, "name", Kind.TEXT, true, 30),
  COMPANY(Sheet.PROJECTS, "company", Kind.TEXT, true, 24),
  INVESTMENT(Sheet.PROJECTS, "investmentYi", Kind.YI, true, 12),
  LAND(Sheet.PROJECTS, "landMu", Kind.MU, false, 12),
  STAGE(Sheet.PROJECTS, "stage", Kind.STAGE, true, 10),
  LEVEL(Sheet.PROJECTS, "level", Kind.LEVEL, true, 10),
  NEW(Sheet.PROJECTS, "new", Kind.BOOL, false, 10),
  SIGNED(Sheet.PROJECTS, "signedOn", Kind.DATE, true, 13),
  TARGET_START(Sheet.PROJECTS, "targetStartOn", Kind.DATE, false, 13),
  TARGET_COMPLETE(Sheet.PROJECTS, "targetCompleteOn", Kind.DATE, false, 13),
  STARTED(Sheet.PROJECTS, "startedOn", Kind.DATE, false, 13),
  CHAMPIONS(Sheet.PROJECTS, "champions", Kind.PEOPLE, false, 20),
  LIAISON(Sheet.PROJECTS, "liaison", Kind.PERSON, false, 14),
  DESCRIPTION(Sheet.PROJECTS, "description", Kind.LONG_TEXT, false, 40),
  // the obligations (事项清单): one sheet, each row naming its project by code
  OBLIGATION_PROJECT(Sheet.OBLIGATIONS, "projectCode", Kind.CODE, true, 14),
  TITLE(Sheet.OBLIGATIONS, "title", Kind.TEXT, true, 30),
  TRACK(Sheet.OBLIGATIONS, "track", Kind.TRACK, true, 10),
  DEPARTMENT(Sheet.OBLIGATIONS, "department", Kind.TEXT, true, 20),
  DURATION(Sheet.OBLIGATIONS, "durationDays", Kind.DAYS, false, 14),
  DUE(Sheet.OBLIGATIONS, "dueOn", Kind.DATE, false, 13),
  DEPENDS_ON(Sheet.OBLIGATIONS, "dependsOn", Kind.TITLES, false, 30);

  public enum Sheet { PROJECTS, OBLIGATIONS }

  /** How a cell of the column is read. */
  public enum Kind { CODE, TEXT, LONG_TEXT, YI, MU, STAGE, LEVEL, BOOL, DATE, PEOPLE, PERSON, TRACK, DAYS, TITLES }

  public final Sheet sheet;
  public final String field;
  public final Kind kind;
  public final boolean required;
  /** The column's width in the template and exports, in characters. */
  public final int width;
  private final List<String> headers;

  Column(Sheet sheet, String field, Kind kind, boolean required, int width) {
    this.sheet = sheet;
    this.field = field;
    this.kind = kind;
    this.required = required;
    this.width = width;
    this.headers = headers("sheets.column." + name());
  }

  /** The template's header in Chinese, then in English, then the other headers people write for it (the catalogue's {@code .also}, "|" between). */
  private static List<String> headers(String key) {
    var out = new java.util.ArrayList<>(List.of(Catalogue.zh(key), Catalogue.en(key)));
    for (var also : List.of(Catalogue.zh(key + ".also"), Catalogue.en(key + ".also"))) {
      for (var h : also.split("\\|")) if (!h.isBlank()) out.add(h);
    }
    return List.copyOf(out);
  }

  public String zh() {
    return headers.get(0);
  }

  public String en() {
    return headers.get(1);
  }

  public static List<Column> of(Sheet sheet) {
    return java.util.Arrays.stream(values()).filter(c -> c.sheet == sheet).toList();
  }

  /** The column of this sheet that holds {@code field} (a field the API names: championIds is the champions' column), or null. */
  public static Column holding(Sheet sheet, String field) {
    var name = switch (field) {
      case "championIds" -> "champions";
      case "liaisonId" -> "liaison";
      case "departmentId" -> "department";
      default -> field;
    };
    return of(sheet).stream().filter(c -> c.field.equals(name)).findFirst().orElse(null);
  }

  /** The column of this sheet a header names, or null. */
  public static Column named(Sheet sheet, String header) {
    var key = normal(header);
    if (key.isEmpty()) return null;
    for (var c : of(sheet)) {
      for (var h : c.headers) if (normal(h).equals(key)) return c;
    }
    return null;
  }

  /** Without spaces, case, a trailing unit in brackets, an asterisk marking it required. */
  static String normal(String header) {
    if (header == null) return "";
    var s = header.replaceAll("[（(][^）)]*[）)]", "").replace("*", "").replace("＊", "");
    return s.replaceAll("[\\s\\u3000_]+", "").toLowerCase(Locale.ROOT);
  }
}
