package org.liandong.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.liandong.domain.Level;
import org.liandong.domain.Stage;
import org.liandong.sheets.Column.Kind;
import org.liandong.sheets.WorkbookReader.Cell;
import org.liandong.sheets.WorkbookReader.Row;
import org.liandong.support.Catalogue;
import org.liandong.support.Text;

/**
 * A cell read by its column's kind: codes, texts, names, amounts in 亿元 or 亩, working days,
 * dates, yes or no, stages, levels, tracks, each in the words people type. A cell that is wrong
 * has its problem noted with its sheet and cell, and reads as {@link #BAD}.
 */
final class CellValues {
  /** A marker: the cell was wrong (already noted). */
  static final Object BAD = new Object();
  private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  /** 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 (年 月 日 written as escapes). */
  private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.\u5e74]\\s*(\\d{1,2})\\s*[-/.\u6708]\\s*(\\d{1,2})\\s*\u65e5?$");
  private static final Pattern NUMBER = Pattern.compile("^([+-]?[0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(.*)$");

  private final boolean date1904;
  private final List<Problem> problems;

  CellValues(boolean date1904, List<Problem> problems) {
    this.date1904 = date1904;
    this.problems = problems;
  }

  /** The cell's value for its column, null when empty, {@link #BAD} when wrong (and the problem noted). */
  Object of(String sheet, Row row, Cell cell, Column column) {
    if (cell == null) return null;
    if (cell.formula()) {
      return bad(sheet, cell, column, Text.key("server.sheets.holdsFormulaPasteValue"));
    }
    var text = cell.text() == null ? "" : cell.text().strip();
    if (text.isEmpty()) return null;
    int max = column.kind == Kind.LONG_TEXT ? 2000 : column.kind == Kind.CODE ? 40 : column.kind == Kind.TITLES ? 2000 : 200;
    if (text.length() > max) {
      return bad(sheet, cell, column, Text.key("server.sheets.longerThanCharacters", "max", max));
    }
    return typed(sheet, cell, column, text);
  }

  private Object typed(String sheet, Cell cell, Column column, String text) {
    return switch (column.kind) {
      case CODE -> CODE.matcher(text).matches() ? text
          : bad(sheet, cell, column, Text.key("server.sheets.notCodeLettersDigits", "text", text));
      case TEXT, LONG_TEXT, PERSON -> text;
      case PEOPLE, TITLES -> names(text);
      case YI -> amount(sheet, cell, column, text, 100_000);
      case MU -> amount(sheet, cell, column, text, 1_000_000);
      case DAYS -> days(sheet, cell, column, text);
      case DATE -> date(sheet, cell, column, text);
      case BOOL -> bool(sheet, cell, column, text);
      case STAGE -> stage(sheet, cell, column, text);
      case LEVEL -> level(sheet, cell, column, text);
      case TRACK -> {
        var track = track(text);
        yield track != null ? track : bad(sheet, cell, column, Text.key("server.sheets.notTrackLandSite", "text", text));
      }
    };
  }

  private Object stage(String sheet, Cell cell, Column column, String text) {
    for (var s : Stage.values()) if (s.zh.equals(text) || s.en.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) return s.name();
    return bad(sheet, cell, column, Text.key("server.sheets.notStage2", "text", text, "false", Text.of(String.valueOf(stageWords(false)), String.valueOf(stageWords(true)))));
  }

  private Object level(String sheet, Cell cell, Column column, String text) {
    for (var l : Level.values()) {
      // 省级, Province, province, or its first character (省)
      if (l.zh.equals(text) || l.en.equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text) || l.zh.substring(0, 1).equals(text)) return l.name();
    }
    return bad(sheet, cell, column, Text.key("server.sheets.notLevelProvinceCity", "text", text));
  }

  private static List<String> stageWords(boolean zh) {
    return java.util.Arrays.stream(Stage.values()).map(s -> zh ? s.zh : s.en).toList();
  }

  private Object bad(String sheet, Cell cell, Column column, Text problem) {
    problems.add(new Problem(sheet, cell.row(), cell.ref(), column.field,
        Text.key("server.sheets.cellProblem", "column", Text.of(column.en(), column.zh()), "problem", problem)));
    return BAD;
  }

  /** Names separated by 、，, ; or a line break. */
  static List<String> names(String text) {
    var out = new ArrayList<String>();
    for (var part : text.split("[、,，;；\\n/]+")) {
      var name = part.strip();
      if (!name.isEmpty() && !out.contains(name)) out.add(name);
    }
    return out;
  }

  /** 20, 20亿元, 20 亿, 5000万元 (0.5 亿), 243.82亩, 1,200: within 0 and {@code max}. */
  private Object amount(String sheet, Cell cell, Column column, String text, double max) {
    Double value = cell.number() != null && !cell.date() ? cell.number() : null;
    if (value == null) {
      var m = NUMBER.matcher(text.replace(" ", ""));
      if (m.matches()) {
        var unit = m.group(2);
        var number = Double.parseDouble(m.group(1).replace(",", "").replace("，", ""));
        if (column.kind == Kind.YI && (unit.isEmpty() || words("yi").contains(unit))) value = number;
        else if (column.kind == Kind.YI && words("wan").contains(unit)) value = number / 10_000;
        else if (column.kind == Kind.MU && (unit.isEmpty() || words("mu").contains(unit))) value = number;
      }
    }
    if (value == null || value.isNaN() || value.isInfinite()) {
      return bad(sheet, cell, column, Text.key(column.kind == Kind.YI ? "server.sheets.notNumberYi" : "server.sheets.notNumberMu", "text", text));
    }
    if (value < 0 || value > max) {
      return bad(sheet, cell, column, Text.key("server.sheets.mustBetween", "max", (long) max));
    }
    return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
  }

  private Object days(String sheet, Cell cell, Column column, String text) {
    Double value = cell.number() != null && !cell.date() ? cell.number() : null;
    if (value == null) {
      var m = NUMBER.matcher(text.replace(" ", ""));
      if (m.matches() && (m.group(2).isEmpty() || words("days").contains(m.group(2)))) value = Double.parseDouble(m.group(1).replace(",", ""));
    }
    if (value == null || value != Math.rint(value)) {
      return bad(sheet, cell, column, Text.key("server.sheets.notWholeNumberWorking", "text", text));
    }
    if (value < 0 || value > 3650) return bad(sheet, cell, column, Text.key("server.sheets.mustBetween2"));
    return value.longValue();
  }

  /** An Excel date, or yyyy-MM-dd (also 2026/3/1, 2026.3.1, 2026年3月1日) that exists, between 1990 and 2100. */
  private Object date(String sheet, Cell cell, Column column, String text) {
    LocalDate date = null;
    if (cell.number() != null) {
      // a date cell, or a serial that lost its format
      if (cell.number() >= 32_874 && cell.number() < 73_051) date = cell.localDate(date1904);
    } else {
      var m = DATE.matcher(text);
      if (m.matches()) {
        try {
          date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
          return bad(sheet, cell, column, Text.key("server.sheets.notDateExists", "text", text));
        }
      }
    }
    if (date == null) {
      return bad(sheet, cell, column, Text.key("server.sheets.notDateUseExcel", "text", text));
    }
    if (date.getYear() < 1990 || date.getYear() > 2100) {
      return bad(sheet, cell, column, Text.key("server.sheets.mustBetween3"));
    }
    return date;
  }

  private Object bool(String sheet, Cell cell, Column column, String text) {
    var t = text.toLowerCase(java.util.Locale.ROOT);
    if (words("yes").contains(t)) return true;
    if (t.isEmpty() || words("no").contains(t)) return false;
    return bad(sheet, cell, column, Text.key("server.sheets.notYesNo", "text", text));
  }

  /** A track by its words (the catalogue's {@code sheets.words.track.<name>}), or null. */
  private static String track(String text) {
    var t = text.toLowerCase(java.util.Locale.ROOT);
    return java.util.stream.Stream.of("land", "site", "permits", "need").filter(track -> words("track." + track).contains(t)).findFirst().orElse(null);
  }

  /** The words people write for one thing, in both languages: the catalogue's {@code sheets.words.<name>}, "|" between. */
  static List<String> words(String name) {
    var out = new ArrayList<String>();
    for (var language : List.of(Catalogue.zh("sheets.words." + name), Catalogue.en("sheets.words." + name))) {
      for (var w : language.split("\\|")) if (!w.isBlank()) out.add(w.toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
