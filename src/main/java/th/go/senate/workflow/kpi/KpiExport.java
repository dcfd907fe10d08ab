package th.go.senate.workflow.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.KpiReport.Figures;
import th.go.senate.workflow.kpi.KpiReport.Month;

/**
 * The report as a file a manager opens in Excel: XLSX (Apache POI) or CSV (Apache Commons CSV, UTF-8 with a
 * byte-order mark so that Excel reads the Thai), Thai headers, dates in the Buddhist Era (26/11/2569).
 * Both carry the same table: a title block, then one line per group and a total line.
 */
public final class KpiExport {

  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private KpiExport() {
  }

  /** The column headers of the table, in order. */
  public static List<String> headers(KpiReport report) {
    List<String> headers = new ArrayList<>(List.of(groupHeader(report.groupBy()), "ชื่อ", "งานเข้า (รายการ)",
        "งานเสร็จ (รายการ)", "เสร็จตรงเวลา (รายการ)", "ร้อยละตรงเวลา", "มัธยฐานระยะเวลา (นาทีทำการ)",
        "เปอร์เซ็นไทล์ที่ 90 (นาทีทำการ)", "เกินเกณฑ์ SLA (ครั้ง)", "การยกระดับ (ครั้ง)", "งานค้าง (รายการ)"));
    for (String band : report.ageBands()) {
      headers.add("งานค้าง " + band);
    }
    headers.addAll(List.of("เกินกำหนด ณ วันรายงาน", "ปีก่อน: งานเข้า", "ปีก่อน: งานเสร็จ", "ปีก่อน: ร้อยละตรงเวลา",
        "ปีก่อน: มัธยฐานระยะเวลา (นาทีทำการ)", "คาดการณ์ร้อยละตรงเวลาสิ้นปีงบประมาณ"));
    return headers;
  }

  /** The lines above the table: title, period, as-of date, all in Thai with Buddhist-Era dates. */
  public static List<String> title(KpiReport report) {
    return List.of("รายงานตัวชี้วัดกระบวนงาน ปีงบประมาณ พ.ศ. " + report.fiscalYear() + " รอบ " + report.round()
        + " เดือน", "ช่วงเวลา " + report.periodLabel(), "ข้อมูล ณ วันที่ "
        + ThaiDates.civilDate(report.asOf().toLocalDate()) + (report.processKey() == null ? ""
            : " กระบวนงาน " + report.processKey()));
  }

  /** One table line per group, then the total; numbers as numbers, missing figures as null. */
  public static List<List<Object>> lines(KpiReport report) {
    List<List<Object>> lines = new ArrayList<>();
    for (KpiReport.Row row : report.rows()) {
      lines.add(line(row.key(), row));
    }
    lines.add(line("รวม", report.total()));
    return lines;
  }

  private static List<Object> line(String key, KpiReport.Row row) {
    Figures f = row.current();
    Figures p = row.previous();
    List<Object> line = new ArrayList<>(List.of(key, row.name() == null ? "" : row.name()));
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
    return line;
  }

  private static String groupHeader(String groupBy) {
    return switch (groupBy) {
      case "step" -> "ขั้นตอน (รหัส)";
      case "bureau" -> "สำนัก (รหัส)";
      default -> "กระบวนงาน (รหัส)";
    };
  }

  public static byte[] xlsx(KpiReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));

      Sheet sheet = workbook.createSheet("รายงาน");
      int r = 0;
      for (String line : title(report)) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(line);
        if (r == 1) {
          row.getCell(0).setCellStyle(bold);
        }
      }
      r++;
      List<String> headers = headers(report);
      Row head = sheet.createRow(r++);
      for (int c = 0; c < headers.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(headers.get(c));
        cell.setCellStyle(bold);
      }
      for (List<Object> line : lines(report)) {
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
      sheet.createFreezePane(0, title(report).size() + 2);
      for (int c = 0; c < headers.size(); c++) {
        sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 18 * 256);
      }

      Sheet months = workbook.createSheet("รายเดือน");
      Row monthHead = months.createRow(0);
      List<String> monthHeaders = List.of("เดือน", "งานเสร็จ (รายการ)", "เสร็จตรงเวลา (รายการ)", "ร้อยละตรงเวลา");
      for (int c = 0; c < monthHeaders.size(); c++) {
        monthHead.createCell(c).setCellValue(monthHeaders.get(c));
        monthHead.getCell(c).setCellStyle(bold);
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
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] csv(KpiReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(UTF8_BOM);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      for (String line : title(report)) {
        csv.printRecord(line);
      }
      csv.println();
      csv.printRecord(headers(report));
      for (List<Object> line : lines(report)) {
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
