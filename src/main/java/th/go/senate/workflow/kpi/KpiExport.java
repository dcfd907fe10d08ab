package th.go.senate.workflow.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.KpiReport.Figures;
import th.go.senate.workflow.kpi.KpiReport.Month;

/**
 * The report as a file a manager opens in Excel and prints: XLSX (Apache POI) or CSV (Apache Commons CSV, UTF-8
 * with a byte-order mark so that Excel reads the Thai), Thai headers, dates in the Buddhist Era (26/11/2569).
 * Both carry the same table: a title block, then one line per group and a total line. The Thai names come first
 * (process, step, bureau), the technical ids in their own columns at the end, for whoever filters or joins on
 * them. The XLSX prints on A4 landscape, one page wide, the header row repeated on every page, the Thai title at
 * the head of each page and the as-of and export dates (B.E.) and "หน้า n จาก m" at its foot.
 */
public final class KpiExport {

  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  public static final String TOTAL = "รวม";

  private KpiExport() {
  }

  /** The Thai name columns of a grouping, in order (the first holds "รวม" on the total line). */
  static List<String> nameHeaders(String groupBy) {
    return switch (groupBy) {
      case "step" -> List.of("กระบวนงาน", "ขั้นตอน");
      case "bureau" -> List.of("สำนัก");
      default -> List.of("กระบวนงาน");
    };
  }

  /** The technical id columns of a grouping, at the end of the table. */
  static List<String> idHeaders(String groupBy) {
    return switch (groupBy) {
      case "step" -> List.of("รหัสกระบวนงาน", "รหัสขั้นตอน");
      case "bureau" -> List.of("รหัสสำนัก");
      default -> List.of("รหัสกระบวนงาน");
    };
  }

  /** The column headers of the table, in order: names, figures, ids. */
  public static List<String> headers(KpiReport report) {
    List<String> headers = new ArrayList<>(nameHeaders(report.groupBy()));
    headers.addAll(List.of("งานเข้า (รายการ)",
        "งานเสร็จ (รายการ)", "เสร็จตรงเวลา (รายการ)", "ร้อยละตรงเวลา", "มัธยฐานระยะเวลา (นาทีทำการ)",
        "90 % เสร็จภายใน (นาทีทำการ)", "เกินระยะเวลามาตรฐาน (ครั้ง)", "การยกระดับ (ครั้ง)", "งานค้าง (รายการ)"));
    for (String band : report.ageBands()) {
      headers.add("งานค้าง " + band);
    }
    headers.addAll(List.of("เกินกำหนด ณ วันรายงาน", "ปีก่อน: งานเข้า", "ปีก่อน: งานเสร็จ", "ปีก่อน: ร้อยละตรงเวลา",
        "ปีก่อน: มัธยฐานระยะเวลา (นาทีทำการ)", "คาดการณ์ร้อยละตรงเวลาสิ้นปีงบประมาณ"));
    headers.addAll(idHeaders(report.groupBy()));
    return headers;
  }

  /**
   * The lines above the table: title, period, as-of date, all in Thai with Buddhist-Era dates; a report of one
   * process names it by its Thai name ({@code processNames}: key → name, the key where it has none).
   */
  public static List<String> title(KpiReport report, Map<String, String> processNames) {
    return List.of(heading(report), "ช่วงเวลา " + report.periodLabel(), "ข้อมูล ณ วันที่ "
        + ThaiDates.civilDate(report.asOf().toLocalDate()) + (report.processKey() == null ? ""
            : " กระบวนงาน " + processNames.getOrDefault(report.processKey(), report.processKey())));
  }

  private static String heading(KpiReport report) {
    return "รายงานตัวชี้วัดกระบวนงาน ปีงบประมาณ พ.ศ. " + report.fiscalYear() + " รอบ " + report.round() + " เดือน";
  }

  /** One table line per group, then the total; numbers as numbers, missing figures as null. */
  public static List<List<Object>> lines(KpiReport report, Map<String, String> processNames) {
    List<List<Object>> lines = new ArrayList<>();
    for (KpiReport.Row row : report.rows()) {
      lines.add(line(names(report.groupBy(), row, processNames), row, ids(report.groupBy(), row)));
    }
    List<Object> totalNames = new ArrayList<>(Collections.nCopies(nameHeaders(report.groupBy()).size(), ""));
    totalNames.set(0, TOTAL);
    lines.add(line(totalNames, report.total(),
        new ArrayList<>(Collections.nCopies(idHeaders(report.groupBy()).size(), ""))));
    return lines;
  }

  private static List<Object> names(String groupBy, KpiReport.Row row, Map<String, String> processNames) {
    String name = row.name() == null ? "" : row.name();
    return switch (groupBy) {
      case "step" -> List.of(processName(row.processKey(), processNames), name);
      case "bureau" -> List.of(name);
      default -> List.of(name);
    };
  }

  private static String processName(String processKey, Map<String, String> processNames) {
    return processKey == null ? "" : processNames.getOrDefault(processKey, processKey);
  }

  private static List<Object> ids(String groupBy, KpiReport.Row row) {
    return switch (groupBy) {
      case "step" -> List.of(nullToEmpty(row.processKey()), nullToEmpty(row.stepId()));
      case "bureau" -> List.of(nullToEmpty(row.bureau()));
      default -> List.of(nullToEmpty(row.processKey() != null ? row.processKey() : row.key()));
    };
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static List<Object> line(List<Object> names, KpiReport.Row row, List<Object> ids) {
    Figures f = row.current();
    Figures p = row.previous();
    List<Object> line = new ArrayList<>(names);
    line.add(f.started());
    line.add(f.completed());
    line.add(f.onTime());
    line.add(f.onTimePercent());
    line.add(f.medianWorkingMinutes());
    line.add(f.p90WorkingMinutes());
    line.add(f.breaches());
    line.add(f.escalations());
    line.add(f.open());
    line.addAll(f.backlogByAge());
    line.add(f.overdue());
    line.add(p == null ? null : p.started());
    line.add(p == null ? null : p.completed());
    line.add(p == null ? null : p.onTimePercent());
    line.add(p == null ? null : p.medianWorkingMinutes());
    line.add(row.projectedYearEndOnTimePercent());
    line.addAll(ids);
    return line;
  }

  /** The report as an XLSX workbook ready to print; {@code processNames}: process key → Thai name. */
  public static byte[] xlsx(KpiReport report, Map<String, String> processNames) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle header = workbook.createCellStyle();
      header.cloneStyleFrom(bold);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      CellStyle decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));

      Sheet sheet = workbook.createSheet("รายงาน");
      List<String> title = title(report, processNames);
      int r = 0;
      for (String line : title) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(line);
        if (r == 1) {
          row.getCell(0).setCellStyle(bold);
        }
      }
      r++;
      List<String> headers = headers(report);
      int headerRow = r;
      Row head = sheet.createRow(r++);
      for (int c = 0; c < headers.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(headers.get(c));
        cell.setCellStyle(header);
      }
      List<List<Object>> lines = lines(report, processNames);
      for (List<Object> line : lines) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < line.size(); c++) {
          Object value = line.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(decimal);
          } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, headerRow + 1);
      int names = nameHeaders(report.groupBy()).size();
      int ids = idHeaders(report.groupBy()).size();
      for (int c = 0; c < headers.size(); c++) {
        boolean name = c < names;
        boolean id = c >= headers.size() - ids;
        sheet.setColumnWidth(c, (name ? 36 : id ? 24 : 12) * 256);
      }
      printSetup(workbook, sheet, report, headerRow, headers.size() - 1, r - 1);

      Sheet months = workbook.createSheet("รายเดือน");
      Row monthHead = months.createRow(0);
      List<String> monthHeaders = List.of("เดือน", "งานเสร็จ (รายการ)", "เสร็จตรงเวลา (รายการ)", "ร้อยละตรงเวลา");
      for (int c = 0; c < monthHeaders.size(); c++) {
        monthHead.createCell(c).setCellValue(monthHeaders.get(c));
        monthHead.getCell(c).setCellStyle(header);
      }
      int m = 1;
      for (Month month : report.months()) {
        Row row = months.createRow(m++);
        row.createCell(0).setCellValue(month.label());
        row.createCell(1).setCellValue(month.completed());
        row.createCell(2).setCellValue(month.onTime());
        if (month.onTimePercent() != null) {
          row.createCell(3).setCellValue(month.onTimePercent());
          row.getCell(3).setCellStyle(decimal);
        }
      }
      months.setColumnWidth(0, 14 * 256);
      for (int c = 1; c < monthHeaders.size(); c++) {
        months.setColumnWidth(c, 16 * 256);
      }
      printSetup(workbook, months, report, 0, monthHeaders.size() - 1, Math.max(0, m - 1));
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How a sheet prints: A4 landscape, scaled to one page wide (as many pages tall as it takes), the header row
   * repeated at the top of every page, the Thai title in the page header and, in the footer, the as-of date and
   * the date of export in the Buddhist Era and the page number (Excel's &P and &N fields).
   */
  static void printSetup(XSSFWorkbook workbook, Sheet sheet, KpiReport report, int headerRow, int lastColumn,
      int lastRow) {
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setHorizontallyCenter(true);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, lastColumn, 0, Math.max(lastRow, headerRow));
    sheet.getHeader().setCenter(heading(report));
    sheet.getFooter().setLeft(footerDates(report));
    sheet.getFooter().setRight("หน้า " + HeaderFooter.page() + " จาก " + HeaderFooter.numPages()); // Excel's &P and &N
  }

  /** {@code ข้อมูล ณ วันที่ 1 เม.ย. 2560 · ออกรายงานเมื่อ 2 ธ.ค. 2569}. */
  static String footerDates(KpiReport report) {
    return "ข้อมูล ณ วันที่ " + ThaiDates.date(report.asOf().toLocalDate()) + " · ออกรายงานเมื่อ "
        + ThaiDates.date(BangkokTime.today());
  }

  /** The same table as CSV, the same columns in the same order; {@code processNames}: process key → Thai name. */
  public static byte[] csv(KpiReport report, Map<String, String> processNames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(UTF8_BOM);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      for (String line : title(report, processNames)) {
        csv.printRecord(line);
      }
      csv.println();
      csv.printRecord(headers(report));
      for (List<Object> line : lines(report, processNames)) {
        csv.printRecord(line.stream().map(v -> v == null ? "" : v.toString()).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String fileName(KpiReport report, String extension) {
    return "kpi-report-" + report.fiscalYear() + "-r" + report.round() + "-" + report.groupBy() + "." + extension;
  }
}
