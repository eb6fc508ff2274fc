package org.liandong.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for the tests, built and read with POI's object model (the server streams them). */
public final class Books {
  private final XSSFWorkbook book = new XSSFWorkbook();
  private org.apache.poi.xssf.usermodel.XSSFSheet sheet;
  private int next;
  private org.apache.poi.ss.usermodel.CellStyle dateStyle;

  static final List<String> PROJECT_HEADERS = List.of("项目编号", "项目名称", "建设单位", "总投资（亿元）", "用地（亩）", "阶段", "级别",
      "新开工", "签约日期", "计划开工日期", "计划竣工日期", "挂钩领导");
  static final List<String> OBLIGATION_HEADERS = List.of("项目编号", "事项", "条线", "责任单位", "工期（工作日）", "完成时限", "前置事项");

  Books sheet(String name, List<String> headers) {
    sheet = book.createSheet(name);
    next = 0;
    return row(new ArrayList<>(headers));
  }

  /** A row: numbers as numbers, LocalDate as dates, anything else as text, null as no cell. */
  Books row(Object... values) {
    return row(Arrays.asList(values));
  }

  Books row(List<?> values) {
    var row = sheet.createRow(next++);
    if (dateStyle == null) {
      dateStyle = book.createCellStyle();
      dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
    }
    for (int i = 0; i < values.size(); i++) {
      var v = values.get(i);
      if (v == null) continue;
      var cell = row.createCell(i);
      if (v instanceof Number n) cell.setCellValue(n.doubleValue());
      else if (v instanceof LocalDate d) {
        cell.setCellValue(d);
        cell.setCellStyle(dateStyle);
      } else if (v instanceof Boolean b) cell.setCellValue(b);
      else cell.setCellValue(String.valueOf(v));
    }
    return this;
  }

  XSSFWorkbook book() {
    return book;
  }

  org.apache.poi.xssf.usermodel.XSSFSheet current() {
    return sheet;
  }

  byte[] bytes() {
    try (var out = new ByteArrayOutputStream()) {
      book.write(out);
      book.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The template's example dates moved out of the demo's year (to 2030), so importing it leaves the
   * article's figures for that year as they are for the other tests; 签约 on a 15 April stays.
   */
  public static void outOfTheDemoYear(XSSFWorkbook template) {
    var projects = template.getSheetAt(0);
    set(projects.getRow(1), 8, "2030-03-01");
    set(projects.getRow(1), 9, "2030-09-01");
    set(projects.getRow(1), 10, "2032-06-30");
    set(projects.getRow(2), 8, "2030-04-15");
    var obligations = template.getSheetAt(1);
    for (int r = 1; r <= obligations.getLastRowNum(); r++) set(obligations.getRow(r), 5, "2030-0" + (4 + r) + "-15");
  }

  /** A cell's new text, as a person retyping it (a new cell: POI's edit of an inline string keeps the old text). */
  public static void set(org.apache.poi.ss.usermodel.Row row, int column, String text) {
    var old = row.getCell(column);
    if (old != null) row.removeCell(old);
    row.createCell(column).setCellValue(text);
  }

  /** A downloaded workbook opened for reading. */
  static XSSFWorkbook open(byte[] bytes) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A cell's value as a person reads it: dates as yyyy-MM-dd, numbers as Excel shows them. */
  static String text(Cell cell) {
    if (cell == null) return null;
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    return new DataFormatter().formatCellValue(cell);
  }
}
