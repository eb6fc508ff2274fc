package org.liandong.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded .xlsx as rows of cells, streaming each sheet's XML (SAX) so the memory it
 * takes is the rows kept, not the workbook's object model. It refuses, with a 4xx a person can
 * act on, whatever is not a plain workbook: another format, a password, a damaged or inflated
 * archive (a zip bomb), more rows than allowed, hidden sheets (what they hold would be imported
 * unseen). Formulas and merged cells are reported per cell by the import, which knows where
 * they matter. Blocking work: run it on a worker thread.
 */
public final class WorkbookReader {
  /** Cells past this column are not read (a sheet of ours has about twenty). */
  static final int MAX_COLUMNS = 64;
  /** A cell's text longer than this is cut here (and reported by the import as too long). */
  static final int MAX_CELL_CHARS = 10_000;

  /** What a cell held: its text as shown (numbers as Excel stores them), and whether it was a number, a date, a formula. */
  public record Cell(int row, int column, String text, Double number, boolean date, boolean formula, boolean merged) {
    /** A1-style address, for messages. */
    public String ref() {
      return CellReference.convertNumToColString(column) + row;
    }

    public LocalDate localDate(boolean date1904) {
      return number == null ? null : DateUtil.getLocalDateTime(number, date1904).toLocalDate();
    }
  }

  /** One row: its number as Excel shows it (from 1) and its cells by column (from 0). */
  public record Row(int number, Map<Integer, Cell> cells) {
    boolean blank() {
      return cells.values().stream().allMatch(c -> c.text() == null || c.text().isBlank());
    }
  }

  public record Sheet(String name, List<Row> rows) {}

  public record Workbook(List<Sheet> sheets, boolean date1904) {}

  /** Limits: rows over all sheets, and the largest part once unpacked. */
  public record Limits(int maxRows, long maxUnpackedBytes) {}

  /** The reader's progress: rows read so far (called now and then, from the reading thread). */
  public interface Progress {
    void rows(int read);
  }

  private WorkbookReader() {}

  public static Workbook read(byte[] bytes, Limits limits, Progress progress) {
    checkFormat(bytes);
    // a part that inflates more than 100 times its packed size, or beyond the limit, is refused while it is read
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
    try (var pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      var reader = new XSSFReader(pkg);
      var book = new BookHandler();
      parse(reader.getWorkbookData(), book);
      return new Workbook(sheets(pkg, reader, book, limits, progress), book.date1904);
    } catch (Failure f) {
      throw f;
    } catch (SheetHandler.TooManyRows e) {
      throw bad(413, Text.key("server.sheets.workbookHasMoreThan", "maxRows", limits.maxRows()));
    } catch (EncryptedDocumentException e) {
      throw passwordProtected();
    } catch (NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
      throw notXlsx();
    } catch (IOException | SAXException | RuntimeException e) {
      throw unreadable(e, limits);
    }
  }

  private static List<Sheet> sheets(OPCPackage pkg, XSSFReader reader, BookHandler book, Limits limits, Progress progress)
      throws IOException, SAXException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
    var strings = new ReadOnlySharedStringsTable(pkg);
    var styles = reader.getStylesTable();
    var sheets = new ArrayList<Sheet>();
    var iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
    int[] rows = {0};
    while (iterator.hasNext()) {
      try (var in = iterator.next()) {
        var name = iterator.getSheetName();
        if (book.hidden.contains(name)) {
          throw bad(400, Text.key("server.sheets.sheetHiddenUnhideRows", "name", name));
        }
        var handler = new SheetHandler(strings, styles, limits.maxRows(), rows, progress);
        parse(in, handler);
        sheets.add(new Sheet(name, handler.finish()));
      }
    }
    return sheets;
  }

  /** A zip bomb, or a damaged workbook. */
  private static Failure unreadable(Exception e, Limits limits) {
    if (bomb(e)) {
      return bad(413, Text.key("server.sheets.workbookUnpacksFarMore", "limits", limits.maxUnpackedBytes() / (1024 * 1024)));
    }
    return bad(400, Text.key("server.sheets.workbookDamagedCannotRead"));
  }

  private static boolean bomb(Throwable e) {
    for (var t = e; t != null; t = t.getCause()) {
      var m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the maximum") || m.contains("MaxEntrySize")) return true;
    }
    return false;
  }

  /** An .xlsx is a zip; an old .xls or a password-protected .xlsx is an OLE2 container; anything else is not a workbook. */
  private static void checkFormat(byte[] bytes) {
    FileMagic magic;
    try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
      magic = FileMagic.valueOf(in);
    } catch (IOException e) {
      throw notXlsx();
    }
    if (magic == FileMagic.OOXML) return;
    if (magic == FileMagic.OLE2) {
      try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
        if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) throw passwordProtected();
      } catch (IOException e) {
        throw notXlsx();
      }
      throw bad(415, Text.key("server.sheets.oldExcelWorkbookXls"));
    }
    throw notXlsx();
  }

  private static Failure passwordProtected() {
    return bad(400, Text.key("server.sheets.workbookPasswordProtectedRemove"));
  }

  private static Failure notXlsx() {
    return bad(415, Text.key("server.sheets.fileNotExcelWorkbook"));
  }

  static Failure bad(int status, Text message) {
    return new Failure.Invalid(status, Map.of("file", message));
  }

  private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
    try {
      var xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** workbook.xml: which sheets are hidden, and the date system. */
  private static final class BookHandler extends DefaultHandler {
    final java.util.Set<String> hidden = new java.util.HashSet<>();
    boolean date1904;

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      var name = local.isEmpty() ? qName : local;
      if (name.equals("sheet") && a.getValue("state") != null && !"visible".equals(a.getValue("state"))) hidden.add(a.getValue("name"));
      if (name.equals("workbookPr")) date1904 = "1".equals(a.getValue("date1904")) || "true".equals(a.getValue("date1904"));
    }
  }
}
