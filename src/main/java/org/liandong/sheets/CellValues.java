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
  private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
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
      return bad(sheet, cell, column, "holds a formula: paste its value instead (Paste Special › Values)",
          "含公式：请改为粘贴数值（选择性粘贴 › 数值）");
    }
    var text = cell.text() == null ? "" : cell.text().strip();
    if (text.isEmpty()) return null;
    int max = column.kind == Kind.LONG_TEXT ? 2000 : column.kind == Kind.CODE ? 40 : column.kind == Kind.TITLES ? 2000 : 200;
    if (text.length() > max) {
      return bad(sheet, cell, column, "is longer than " + max + " characters", "超过 " + max + " 个字符");
    }
    return typed(sheet, cell, column, text);
  }

  private Object typed(String sheet, Cell cell, Column column, String text) {
    return switch (column.kind) {
      case CODE -> CODE.matcher(text).matches() ? text
          : bad(sheet, cell, column, "“" + text + "” is not a code (letters, digits, . _ -, starting with a letter or digit)",
              "“" + text + "”不是有效编号（字母、数字及 . _ -，以字母或数字开头）");
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
        yield track != null ? track : bad(sheet, cell, column, "“" + text + "” is not a track: land, site, permits or need",
            "“" + text + "”不是条线，可填：土地、场地、证照、诉求");
      }
    };
  }

  private Object stage(String sheet, Cell cell, Column column, String text) {
    for (var s : Stage.values()) if (s.zh.equals(text) || s.en.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) return s.name();
    return bad(sheet, cell, column, "“" + text + "” is not a stage: " + String.join(", ", stageWords(false)),
        "“" + text + "”不是项目阶段，可填：" + String.join("、", stageWords(true)));
  }

  private Object level(String sheet, Cell cell, Column column, String text) {
    for (var l : Level.values()) {
      if (l.zh.equals(text) || l.en.equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text) || l.zh.replace("级", "").equals(text)) return l.name();
    }
    return bad(sheet, cell, column, "“" + text + "” is not a level: province, city or district", "“" + text + "”不是项目级别，可填：省级、市级、区级");
  }

  private static List<String> stageWords(boolean zh) {
    return java.util.Arrays.stream(Stage.values()).map(s -> zh ? s.zh : s.en).toList();
  }

  private Object bad(String sheet, Cell cell, Column column, String en, String zh) {
    problems.add(new Problem(sheet, cell.row(), cell.ref(), column.field, Text.of(column.en() + " " + en, "“" + column.zh() + "”" + zh)));
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
        if (column.kind == Kind.YI && (unit.isEmpty() || unit.equals("亿") || unit.equals("亿元"))) value = number;
        else if (column.kind == Kind.YI && (unit.equals("万") || unit.equals("万元"))) value = number / 10_000;
        else if (column.kind == Kind.MU && (unit.isEmpty() || unit.equals("亩"))) value = number;
      }
    }
    if (value == null || value.isNaN() || value.isInfinite()) {
      return bad(sheet, cell, column, "“" + text + "” is not a number" + (column.kind == Kind.YI ? " of 亿元 (20, 20亿元, 5000万元)" : " of 亩 (243.82, 243.82亩)"),
          "“" + text + "”不是数字" + (column.kind == Kind.YI ? "（亿元，如 20、20亿元、5000万元）" : "（亩，如 243.82、243.82亩）"));
    }
    if (value < 0 || value > max) {
      return bad(sheet, cell, column, "must be between 0 and " + (long) max, "须在 0 到 " + (long) max + " 之间");
    }
    return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
  }

  private Object days(String sheet, Cell cell, Column column, String text) {
    Double value = cell.number() != null && !cell.date() ? cell.number() : null;
    if (value == null) {
      var m = NUMBER.matcher(text.replace(" ", ""));
      if (m.matches() && List.of("", "天", "日", "个工作日", "工作日", "days", "d").contains(m.group(2))) value = Double.parseDouble(m.group(1).replace(",", ""));
    }
    if (value == null || value != Math.rint(value)) {
      return bad(sheet, cell, column, "“" + text + "” is not a whole number of working days", "“" + text + "”不是整数个工作日");
    }
    if (value < 0 || value > 3650) return bad(sheet, cell, column, "must be between 0 and 3650", "须在 0 到 3650 之间");
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
          return bad(sheet, cell, column, "“" + text + "” is not a date that exists", "“" + text + "”不是存在的日期");
        }
      }
    }
    if (date == null) {
      return bad(sheet, cell, column, "“" + text + "” is not a date: use an Excel date or yyyy-MM-dd", "“" + text + "”不是日期：请用 Excel 日期或 yyyy-MM-dd");
    }
    if (date.getYear() < 1990 || date.getYear() > 2100) {
      return bad(sheet, cell, column, "must be between 1990 and 2100", "须在 1990 年至 2100 年之间");
    }
    return date;
  }

  private Object bool(String sheet, Cell cell, Column column, String text) {
    var t = text.toLowerCase(java.util.Locale.ROOT);
    if (List.of("是", "y", "yes", "true", "1", "√", "✓", "新开工", "新建", "新").contains(t)) return true;
    if (List.of("否", "n", "no", "false", "0", "×", "续建", "").contains(t)) return false;
    return bad(sheet, cell, column, "“" + text + "” is not yes or no (是 / 否)", "“" + text + "”须填“是”或“否”");
  }

  /** A track by its words, or null. */
  private static String track(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "land", "土地", "用地", "要地", "土地线" -> "land";
      case "site", "场地", "现场", "场地线", "施工" -> "site";
      case "permits", "permit", "证照", "审批", "证照线", "手续" -> "permits";
      case "need", "needs", "诉求", "需求", "企业诉求" -> "need";
      default -> null;
    };
  }
}
