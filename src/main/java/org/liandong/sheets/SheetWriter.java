package org.liandong.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.liandong.support.Catalogue;

/**
 * Writes workbooks as the offices keep them: a bold, frozen header row, columns as wide as their
 * contents want, dates as dates, numbers as numbers, and text that starts like a formula (=, +,
 * -, @) kept as text (quote-prefixed), so no cell computes what a user typed. Streaming (SXSSF):
 * 100 rows in memory at a time. Blocking work: run it on a worker thread.
 */
final class SheetWriter implements AutoCloseable {
  /** A column: its header and width in characters. */
  record Header(String title, int width) {}

  private final SXSSFWorkbook book = new SXSSFWorkbook(100);
  private final CellStyle header;
  private final CellStyle date;
  private final CellStyle number;
  private final CellStyle quoted;
  private final CellStyle marked;
  private SXSSFSheet sheet;
  private int next;

  SheetWriter() {
    var bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setWrapText(true);
    date = book.createCellStyle();
    date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
    number = book.createCellStyle();
    number.setDataFormat(book.createDataFormat().getFormat("0.##"));
    quoted = book.createCellStyle();
    quoted.setQuotePrefixed(true);
    var red = book.createFont();
    red.setBold(true);
    red.setColor(IndexedColors.DARK_RED.getIndex());
    marked = book.createCellStyle();
    marked.setFont(red);
  }

  /** A new sheet with its header row frozen. */
  SheetWriter sheet(String name, List<Header> headers) {
    sheet = book.createSheet(name);
    next = 0;
    var row = sheet.createRow(next++);
    for (int i = 0; i < headers.size(); i++) {
      var cell = row.createCell(i);
      cell.setCellValue(headers.get(i).title());
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, Math.min(255, headers.get(i).width() + 2) * 256);
    }
    sheet.createFreezePane(0, 1);
    return this;
  }

  /** One row: text, numbers, dates (LocalDate), booleans as 是 / 否, null as empty. */
  SheetWriter row(List<?> values) {
    return row(values, false);
  }

  /** The same, its cells given one by one. */
  SheetWriter row(Object... values) {
    return row(java.util.Arrays.asList(values), false);
  }

  /** The same, its text marked (bold dark red: the critical path). */
  SheetWriter row(List<?> values, boolean mark) {
    var row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      var v = values.get(i);
      if (v == null) continue;
      var cell = row.createCell(i);
      if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
        cell.setCellStyle(number);
      } else if (v instanceof LocalDate d) {
        cell.setCellValue(d);
        cell.setCellStyle(date);
      } else if (v instanceof Boolean b) {
        cell.setCellValue(Catalogue.zh(b ? "common.yes" : "common.no"));
      } else {
        var text = String.valueOf(v);
        cell.setCellValue(text);
        if (formulaLike(text)) cell.setCellStyle(quoted);
        else if (mark) cell.setCellStyle(marked);
      }
    }
    return this;
  }

  /** Text a spreadsheet would take for a formula if typed, or if the sheet is saved as CSV. */
  static boolean formulaLike(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  byte[] bytes() {
    try (var out = new ByteArrayOutputStream()) {
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      book.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
