package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.kpi.KpiReport.Figures;

/**
 * Issue 17 §4: the exports a manager prints. A report built by hand (the figures are KpiReportTest's concern),
 * written and read back with POI and Commons CSV: the print setup of both sheets, and the columns (Thai names
 * first, the ids last) in the same order in XLSX and CSV, for each grouping.
 */
class KpiExportTest {

  static final Map<String, String> NAMES = Map.of("petition", "การรับเรื่องราวร้องทุกข์",
      "legislation", "การพิจารณาร่างพระราชบัญญัติ");

  @BeforeEach
  void exportedOn2December2569() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 2, 10, 0).atZone(BangkokTime.ZONE).toInstant()));
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void theXlsxPrintsOnA4LandscapeOnePageWideWithTheHeaderRowRepeatedAndAThaiFooter() throws Exception {
    KpiReport report = report("step", List.of(
        row("petition/Task_AcknowledgePetition", "petition", "Task_AcknowledgePetition", null, "ลงทะเบียนและตอบรับเรื่อง"),
        row("legislation/Task_ClassifyBill", "legislation", "Task_ClassifyBill", null, "จำแนกประเภทร่าง")));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiExport.xlsx(report, NAMES)))) {
      XSSFSheet sheet = workbook.getSheet("รายงาน");
      int headerRow = 4;
      assertThat(strings(sheet.getRow(headerRow))).startsWith("กระบวนงาน", "ขั้นตอน");
      for (XSSFSheet printed : List.of(sheet, workbook.getSheet("รายเดือน"))) {
        PrintSetup print = printed.getPrintSetup();
        assertThat(print.getPaperSize()).as("A4").isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).as("landscape").isTrue();
        assertThat(printed.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).as("one page wide").isEqualTo((short) 1);
        assertThat(print.getFitHeight()).as("as many pages tall as it takes").isZero();
        assertThat(printed.getHeader().getCenter())
            .isEqualTo("รายงานตัวชี้วัดกระบวนงาน ปีงบประมาณ พ.ศ. 2569 รอบ 12 เดือน");
        assertThat(printed.getFooter().getLeft()).isEqualTo("ข้อมูล ณ วันที่ 1 ต.ค. 2569 · ออกรายงานเมื่อ 2 ธ.ค. 2569");
        assertThat(printed.getFooter().getRight()).isEqualTo("หน้า &P จาก &N");
      }
      assertThat(sheet.getRepeatingRows()).as("the header row on every page")
          .isEqualTo(CellRangeAddress.valueOf("5:5"));
      assertThat(workbook.getSheet("รายเดือน").getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
      // The print area covers the table from column A (nothing cut) to its last column and total line.
      int lastColumn = KpiExport.headers(report).size() - 1;
      assertThat(workbook.getPrintArea(0)).isEqualTo("รายงาน!$A$1:$" + column(lastColumn) + "$" + (headerRow + 4));
      assertThat(sheet.getRow(headerRow + 3).getCell(0).getStringCellValue()).isEqualTo(KpiExport.TOTAL);
    }
  }

  @Test
  void thaiNamesComeFirstAndTheIdsLastInTheSameOrderInXlsxAndCsv() throws Exception {
    KpiReport byStep = report("step", List.of(
        row("petition/Task_AcknowledgePetition", "petition", "Task_AcknowledgePetition", null, "ลงทะเบียนและตอบรับเรื่อง")));
    assertColumns(byStep, List.of("กระบวนงาน", "ขั้นตอน"), List.of("รหัสกระบวนงาน", "รหัสขั้นตอน"),
        List.of("การรับเรื่องราวร้องทุกข์", "ลงทะเบียนและตอบรับเรื่อง"), List.of("petition", "Task_AcknowledgePetition"));

    KpiReport byProcess = report("process", List.of(row("petition", "petition", null, null, "การรับเรื่องราวร้องทุกข์")));
    assertColumns(byProcess, List.of("กระบวนงาน"), List.of("รหัสกระบวนงาน"), List.of("การรับเรื่องราวร้องทุกข์"),
        List.of("petition"));

    KpiReport byBureau = report("bureau", List.of(row("burIt", null, null, "burIt", "สำนักเทคโนโลยีสารสนเทศและการสื่อสาร")));
    assertColumns(byBureau, List.of("สำนัก"), List.of("รหัสสำนัก"), List.of("สำนักเทคโนโลยีสารสนเทศและการสื่อสาร"),
        List.of("burIt"));
  }

  @Test
  void aReportOfOneProcessIsTitledByItsThaiName() {
    KpiReport report = new KpiReport(2569, 12, "step", "petition", List.of(), LocalDate.of(2025, 10, 1),
        LocalDate.of(2026, 9, 30), "01/10/2568 – 30/09/2569", asOf(), KpiReport.AGE_BANDS, List.of(), total(),
        List.of(), KpiReport.PROJECTION_METHOD);
    assertThat(KpiExport.title(report, NAMES).get(2)).isEqualTo("ข้อมูล ณ วันที่ 01/10/2569 กระบวนงาน การรับเรื่องราวร้องทุกข์");
  }

  /** The header and first line of both files: names, then the figures, then the ids; the total line has no ids. */
  private static void assertColumns(KpiReport report, List<String> nameHeaders, List<String> idHeaders,
      List<String> names, List<String> ids) throws Exception {
    List<String> headers = KpiExport.headers(report);
    assertThat(headers.subList(0, nameHeaders.size())).isEqualTo(nameHeaders);
    assertThat(headers.get(nameHeaders.size())).isEqualTo("งานเข้า (รายการ)");
    assertThat(headers.subList(headers.size() - idHeaders.size(), headers.size())).isEqualTo(idHeaders);
    assertThat(headers.get(headers.size() - idHeaders.size() - 1)).isEqualTo("คาดการณ์ร้อยละตรงเวลาสิ้นปีงบประมาณ");

    List<String> xlsxHeaders;
    List<String> xlsxLine;
    List<String> xlsxTotal;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiExport.xlsx(report, NAMES)))) {
      XSSFSheet sheet = workbook.getSheet("รายงาน");
      xlsxHeaders = strings(sheet.getRow(4));
      xlsxLine = strings(sheet.getRow(5));
      xlsxTotal = strings(sheet.getRow(6));
    }
    byte[] csvBytes = KpiExport.csv(report, NAMES);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(
        new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8))).getRecords();
    CSVRecord csvHeader = records.get(4);

    assertThat(xlsxHeaders).isEqualTo(headers);
    assertThat(csvHeader.toList()).as("the same columns in CSV").isEqualTo(headers);
    assertThat(xlsxLine.subList(0, names.size())).isEqualTo(names);
    assertThat(xlsxLine.subList(headers.size() - ids.size(), headers.size())).isEqualTo(ids);
    assertThat(records.get(5).toList().subList(0, names.size())).isEqualTo(names);
    assertThat(records.get(5).toList().subList(headers.size() - ids.size(), headers.size())).isEqualTo(ids);
    assertThat(records.get(5).get(headers.indexOf("งานเข้า (รายการ)"))).isEqualTo("4");
    assertThat(xlsxLine.get(headers.indexOf("ร้อยละตรงเวลา"))).isEqualTo("66.7");
    assertThat(xlsxTotal.get(0)).isEqualTo(KpiExport.TOTAL);
    assertThat(records.get(6).get(0)).isEqualTo(KpiExport.TOTAL);
    assertThat(records.get(6).toList().subList(headers.size() - ids.size(), headers.size()))
        .containsOnly("");
  }

  private static KpiReport report(String groupBy, List<KpiReport.Row> rows) {
    return new KpiReport(2569, 12, groupBy, null, List.of(), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30),
        "01/10/2568 – 30/09/2569", asOf(), KpiReport.AGE_BANDS, rows, total(),
        List.of(new KpiReport.Month("2025-10", "ต.ค. 2568", 3, 2, 66.7)), KpiReport.PROJECTION_METHOD);
  }

  private static OffsetDateTime asOf() {
    return OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
  }

  private static KpiReport.Row row(String key, String processKey, String stepId, String bureau, String name) {
    return new KpiReport.Row(key, processKey, stepId, bureau, name, figures(), null, null);
  }

  private static KpiReport.Row total() {
    return new KpiReport.Row("*", null, null, null, KpiExport.TOTAL, figures(), null, null);
  }

  private static Figures figures() {
    return new Figures(4, 3, 2, 66.7, 35.0, 75.0, 1, 0, 1, List.of(1L, 0L, 0L, 0L, 0L), 0);
  }

  /** The cells of a row as text, numbers as Excel shows them with one decimal where they have one. */
  private static List<String> strings(Row row) {
    List<String> values = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      if (cell == null) {
        values.add("");
      } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
        double value = cell.getNumericCellValue();
        values.add(value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
      } else {
        values.add(cell.getStringCellValue());
      }
    }
    return values;
  }

  private static String column(int index) {
    return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
  }
}
