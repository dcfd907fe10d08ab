package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.web.Refusal;

/**
 * KPI reports over a fixture of step facts with known answers (a process key of its own, so that the facts of
 * other tests never count), their exports read back, and who may read them.
 *
 * <p>The fixture, FY 2560 (1 Oct 2016 – 30 Sep 2017), Bangkok times:
 * <pre>
 *  fact  bureau   step         created            completed           min  met    due         breach/esc
 *  A     burLegal Task_Intake  30 Sep 2016 23:59  1 Oct 2016 00:00    100  yes
 *  C1-3  burLegal Task_Intake  2,3,4 Nov 2016     5 Nov 2016 10:00    10/20/30 yes
 *  C4    burIt    Task_Intake  7 Nov 2016         1 Dec 2016          40   no           20 Nov     2
 *  C5    burIt    Task_Intake  8 Nov 2016         10 Jan 2017         50   yes
 *  F     burIt    Task_Decide  1 Dec 2016         2 Dec 2016 (CANCELLED)
 *  D     burIt    Task_Decide  20 Mar 2017        open                          25 Mar 2017  25 Mar   1
 *  E     burIt    Task_Decide  30 Mar 2017        open                          10 Apr 2017
 *  B     burIt    Task_Decide  31 Mar 2017 23:59  1 Apr 2017 00:00    5    yes    5 Apr 2017
 *  G     burLegal Task_Intake  2 Nov 2015         3 Nov 2015          60   no     (FY 2559)
 *  H     burLegal Task_Intake  31 Mar 2016 9:00   31 Mar 2016 10:00   20   yes    (FY 2559)
 * </pre>
 */
class KpiReportTest extends PlatformTest {

  private static final String PASSWORD = "demo";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private static String processKey;
  @Autowired IndicatorService indicators;
  @Autowired KpiTotalsRepository totals;

  record Reply(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void fixture() {
    if (processKey != null) {
      return;
    }
    processKey = "kpiFixture" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    fact("A", "burLegal", "Task_Intake", at(2016, 9, 30, 23, 59), at(2016, 10, 1, 0, 0), "COMPLETED", 100, true, null, null, 0);
    fact("C1", "burLegal", "Task_Intake", at(2016, 11, 2, 9, 0), at(2016, 11, 5, 10, 0), "COMPLETED", 10, true, null, null, 0);
    fact("C2", "burLegal", "Task_Intake", at(2016, 11, 3, 9, 0), at(2016, 11, 5, 10, 0), "COMPLETED", 20, true, null, null, 0);
    fact("C3", "burLegal", "Task_Intake", at(2016, 11, 4, 9, 0), at(2016, 11, 5, 10, 0), "COMPLETED", 30, true, null, null, 0);
    fact("C4", "burIt", "Task_Intake", at(2016, 11, 7, 9, 0), at(2016, 12, 1, 10, 0), "COMPLETED", 40, false, null,
        at(2016, 11, 20, 16, 30), 2);
    fact("C5", "burIt", "Task_Intake", at(2016, 11, 8, 9, 0), at(2017, 1, 10, 10, 0), "COMPLETED", 50, true, null, null, 0);
    fact("F", "burIt", "Task_Decide", at(2016, 12, 1, 9, 0), at(2016, 12, 2, 9, 0), "CANCELLED", 480, null, null, null, 0);
    fact("D", "burIt", "Task_Decide", at(2017, 3, 20, 9, 0), null, null, null, null, at(2017, 3, 25, 16, 30),
        at(2017, 3, 25, 16, 30), 1);
    fact("E", "burIt", "Task_Decide", at(2017, 3, 30, 9, 0), null, null, null, null, at(2017, 4, 10, 16, 30), null, 0);
    fact("B", "burIt", "Task_Decide", at(2017, 3, 31, 23, 59), at(2017, 4, 1, 0, 0), "COMPLETED", 5, true,
        at(2017, 4, 5, 16, 30), null, 0);
    fact("G", "burLegal", "Task_Intake", at(2015, 11, 2, 9, 0), at(2015, 11, 3, 9, 0), "COMPLETED", 60, false, null, null, 0);
    fact("H", "burLegal", "Task_Intake", at(2016, 3, 31, 9, 0), at(2016, 3, 31, 10, 0), "COMPLETED", 20, true, null, null, 0);
    // Facts written by SQL, not by the recorder: the repair command adds them to the report's totals.
    totals.rebuild();
  }

  // ------------------------------------------------------------------------------------ the figures

  @Test
  void processReportOfTheSixMonthRoundHasTheKnownFigures() throws Exception {
    JsonNode report = getJson("kpiManagersUser", "fiscalYear=2560&round=6&groupBy=process&processKey=" + processKey);
    assertThat(report.path("periodFrom").asText()).isEqualTo("2016-10-01");
    assertThat(report.path("periodTo").asText()).isEqualTo("2017-03-31");
    assertThat(report.path("periodLabel").asText()).isEqualTo("01/10/2559 – 31/03/2560");
    assertThat(report.path("rows")).hasSize(1);
    JsonNode row = report.path("rows").get(0);
    assertThat(row.path("processKey").asText()).isEqualTo(processKey);
    JsonNode now = row.path("current");
    // started: C1-5, F, D, E, B (A arrived on 30 Sep, in FY 2559; B one minute before 1 Apr)
    assertThat(now.path("started").asLong()).isEqualTo(9);
    // completed: A (at 1 Oct 00:00), C1-5; not F (cancelled), not B (1 Apr 00:00 is the 9-month round)
    assertThat(now.path("completed").asLong()).isEqualTo(6);
    assertThat(now.path("onTime").asLong()).isEqualTo(5);
    assertThat(now.path("onTimePercent").asDouble()).isEqualTo(83.3);
    // minutes 10 20 30 40 50 100: median (30+40)/2, 90th percentile at rank 4.5 = 50 + 0.5 * (100 - 50)
    assertThat(now.path("medianWorkingMinutes").asDouble()).isEqualTo(35.0);
    assertThat(now.path("p90WorkingMinutes").asDouble()).isEqualTo(75.0);
    assertThat(now.path("breaches").asLong()).isEqualTo(2); // C4, D
    assertThat(now.path("escalations").asLong()).isEqualTo(3); // C4: 2, D: 1
    // open at the end of the round (1 Apr 2017 00:00): D (12 days), E (2 days), B (1 minute)
    assertThat(now.path("open").asLong()).isEqualTo(3);
    assertThat(longs(now.path("backlogByAge"))).containsExactly(2L, 0L, 1L, 0L, 0L);
    assertThat(now.path("overdue").asLong()).isEqualTo(1); // D
    JsonNode before = row.path("previous");
    assertThat(before.path("started").asLong()).isEqualTo(2); // G, H
    assertThat(before.path("completed").asLong()).isEqualTo(2);
    assertThat(before.path("onTimePercent").asDouble()).isEqualTo(50.0);
    assertThat(before.path("medianWorkingMinutes").asDouble()).isEqualTo(40.0);
    // months Oct–Mar: 1/1, 3/3, 0/1, 1/1, 0, 0 → weighted trend 112.5 − 12.5·month; one step a month to come:
    // (5 + 0.25 + 0.125) / 12 = 44.8 %
    assertThat(row.path("projectedYearEndOnTimePercent").asDouble()).isEqualTo(44.8);
    assertThat(report.path("total").path("current").path("completed").asLong()).isEqualTo(6);
    assertThat(report.path("months")).hasSize(6);
    assertThat(report.path("months").get(0).path("label").asText()).isEqualTo("ต.ค. 2559");
    assertThat(report.path("months").findValuesAsText("completed")).containsExactly("1", "3", "1", "1", "0", "0");
    assertThat(report.path("months").get(2).path("onTimePercent").asDouble()).isEqualTo(0.0);
  }

  @Test
  void thePlanReviewIndicatorCountsTheSameOnTimeShareAsTheReport() {
    ReportPeriod six = new ReportPeriod(2560, 6);
    IndicatorService.Measurement measured = indicators.measure(processKey, KpiMeasure.ON_TIME_PERCENT, six.from(),
        six.to());
    assertThat(measured.counted()).isEqualTo(6);
    assertThat(measured.met()).isEqualTo(5);
    assertThat(measured.percent()).isEqualByComparingTo("83.3"); // the report's 83.3 above
  }

  @Test
  void stepSummaryCountsEveryFactOfTheProcess() throws Exception {
    // All facts whatever the year: Task_Decide F (cancelled), D, E (open), B; Task_Intake A, C1-5, G, H.
    Reply reply = get("kpiManagersUser", "/api/kpi/summary?processKey=" + processKey);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonNode rows = json.readTree(reply.body());
    assertThat(rows.findValuesAsText("stepId")).containsExactly("Task_Decide", "Task_Intake");
    JsonNode decide = rows.get(0);
    assertThat(decide.path("stepName").asText()).isEqualTo("พิจารณา");
    assertThat(decide.path("count").asInt()).isEqualTo(4);
    assertThat(decide.path("completed").asInt()).isEqualTo(1); // B; F was cancelled
    assertThat(decide.path("onTimePercent").asDouble()).isEqualTo(100.0);
    assertThat(decide.path("medianWorkingMinutes").asDouble()).isEqualTo(5.0);
    assertThat(decide.path("escalations").asInt()).isEqualTo(1); // D
    JsonNode intake = rows.get(1);
    assertThat(intake.path("count").asInt()).isEqualTo(8);
    assertThat(intake.path("completed").asInt()).isEqualTo(8);
    assertThat(intake.path("onTimePercent").asDouble()).isEqualTo(75.0); // all but C4 and G
    // 10 20 20 30 40 50 60 100
    assertThat(intake.path("medianWorkingMinutes").asDouble()).isEqualTo(35.0);
    assertThat(intake.path("escalations").asInt()).isEqualTo(2); // C4
    assertThat(get("burLegalHeadUser", "/api/kpi/summary?processKey=" + processKey).status()).isEqualTo(403);
    assertThat(get(null, "/api/kpi/summary?processKey=" + processKey).status()).isEqualTo(401);
  }

  @Test
  void roundAndFiscalYearBoundariesFallOnTheFirstOfOctoberAndApril() throws Exception {
    JsonNode nine = getJson("kpiManagersUser", "fiscalYear=2560&round=9&processKey=" + processKey)
        .path("total").path("current");
    assertThat(nine.path("completed").asLong()).isEqualTo(7); // B's completion at 1 Apr 00:00 counts now
    assertThat(nine.path("started").asLong()).isEqualTo(9);
    JsonNode twelve2559 = getJson("kpiManagersUser", "fiscalYear=2559&round=12&processKey=" + processKey)
        .path("total").path("current");
    assertThat(twelve2559.path("started").asLong()).isEqualTo(3); // G, H and A (30 Sep 23:59)
    assertThat(twelve2559.path("completed").asLong()).isEqualTo(2); // A completed at 1 Oct: FY 2560
    assertThat(twelve2559.path("open").asLong()).isEqualTo(1); // A is open at the year's end
    JsonNode six2559 = getJson("kpiManagersUser", "fiscalYear=2559&round=6&processKey=" + processKey)
        .path("total").path("current");
    assertThat(six2559.path("completed").asLong()).isEqualTo(2); // H on 31 Mar 2016 is still in the round
  }

  @Test
  void stepAndBureauGroupings() throws Exception {
    JsonNode steps = getJson("kpiManagersUser", "fiscalYear=2560&round=6&groupBy=step&processKey=" + processKey);
    assertThat(steps.path("rows").findValuesAsText("stepId")).containsExactly("Task_Decide", "Task_Intake");
    assertThat(steps.path("rows").get(0).path("current").path("started").asLong()).isEqualTo(4);
    assertThat(steps.path("rows").get(0).path("current").path("completed").asLong()).isZero();
    assertThat(steps.path("rows").get(0).path("current").path("onTimePercent").isNull()).isTrue();
    assertThat(steps.path("rows").get(1).path("current").path("onTimePercent").asDouble()).isEqualTo(83.3);

    JsonNode bureaus = getJson("kpiManagersUser", "fiscalYear=2560&round=6&groupBy=bureau&processKey=" + processKey);
    assertThat(bureaus.path("rows").findValuesAsText("bureau")).containsExactly("burIt", "burLegal");
    JsonNode it = bureaus.path("rows").get(0);
    assertThat(it.path("name").asText()).isEqualTo("สำนักเทคโนโลยีสารสนเทศและการสื่อสาร");
    assertThat(it.path("current").path("completed").asLong()).isEqualTo(2);
    assertThat(it.path("current").path("onTimePercent").asDouble()).isEqualTo(50.0);
    assertThat(it.path("current").path("medianWorkingMinutes").asDouble()).isEqualTo(45.0);
    assertThat(it.path("current").path("p90WorkingMinutes").asDouble()).isEqualTo(49.0);
    JsonNode legal = bureaus.path("rows").get(1);
    assertThat(legal.path("current").path("onTimePercent").asDouble()).isEqualTo(100.0);
    assertThat(legal.path("current").path("medianWorkingMinutes").asDouble()).isEqualTo(25.0);
    assertThat(legal.path("current").path("p90WorkingMinutes").asDouble()).isEqualTo(79.0); // 30 + 0.7 * 70
    // The total adds the bureaus up and merges their durations: the same figures as the process report.
    JsonNode total = bureaus.path("total").path("current");
    assertThat(total.path("completed").asLong()).isEqualTo(6);
    assertThat(total.path("onTimePercent").asDouble()).isEqualTo(83.3);
    assertThat(total.path("medianWorkingMinutes").asDouble()).isEqualTo(35.0);
    assertThat(total.path("p90WorkingMinutes").asDouble()).isEqualTo(75.0);
    assertThat(longs(total.path("backlogByAge"))).containsExactly(2L, 0L, 1L, 0L, 0L);
    assertThat(total.path("escalations").asLong()).isEqualTo(3);
  }

  @Test
  void aStepThatOnlyCompletedInTheRoundKeepsItsName() throws Exception {
    // Arrived on 29 Sep (FY 2560), completed on 2 Oct (FY 2561): in FY 2561 it is only a completion.
    String process = processKey + "Late";
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, step_id, step_name, "
        + "candidate_group, created_at, completed_at, calendar_kind, working_minutes, sla_met, escalations, end_state) "
        + "values (?,?,?,?,?,?,?,?,?,?,?,?,?)", process + "-K", process, process + "-pi-K", "Task_Intake", "รับเรื่อง",
        "burLegal", time(at(2017, 9, 29, 9, 0)), time(at(2017, 10, 2, 9, 0)), "WORKING_DAYS", 400, true, 0, "COMPLETED");
    totals.rebuild();
    JsonNode row = getJson("kpiManagersUser", "fiscalYear=2561&round=6&groupBy=step&processKey=" + process)
        .path("rows").get(0);
    assertThat(row.path("current").path("started").asLong()).isZero();
    assertThat(row.path("current").path("completed").asLong()).isEqualTo(1);
    assertThat(row.path("name").asText()).isEqualTo("รับเรื่อง");
  }

  @Test
  void buddhistEraDatesAndDefaults() {
    assertThat(ThaiDates.civilDate(LocalDate.of(2026, 11, 26))).isEqualTo("26/11/2569");
    assertThat(new ReportPeriod(2569, 6).label()).isEqualTo("01/10/2568 – 31/03/2569");
    assertThat(new ReportPeriod(2569, 12).lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(new ReportPeriod(2569, 9).lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(new ReportPeriod(2569, 9).from()).isEqualTo(new FiscalRound(2569, 9).windowStart());
    assertThat(new ReportPeriod(2569, 9).to()).isEqualTo(new FiscalRound(2569, 9).windowEnd());
    assertThatThrownBy(() -> new ReportPeriod(2026, 6)).as("checked once, by the fiscal round")
        .isInstanceOf(Refusal.class).hasMessageContaining("2500–2700");
    assertThatThrownBy(() -> new ReportPeriod(2569, 7)).isInstanceOf(Refusal.class).hasMessageContaining("6, 9 หรือ 12");
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    assertThat(KpiReportController.period(null, null)).isEqualTo(new ReportPeriod(2570, 6));
    clockAt(LocalDateTime.of(2026, 9, 30, 23, 59));
    assertThat(KpiReportController.period(null, null)).isEqualTo(new ReportPeriod(2569, 12));
    clockAt(LocalDateTime.of(2026, 4, 1, 0, 0));
    assertThat(KpiReportController.period(null, null)).isEqualTo(new ReportPeriod(2569, 9));
  }

  @Test
  void projectionIsFlatWithOneMonthAndActualForAWholeYear() {
    assertThat(Projection.yearEndPercent(new long[] {4}, new long[] {3})).isEqualTo(75.0);
    assertThat(Projection.yearEndPercent(new long[] {0, 0}, new long[] {0, 0})).isNull();
    long[] year = new long[12];
    long[] onTime = new long[12];
    Arrays.fill(year, 10);
    Arrays.fill(onTime, 9);
    onTime[11] = 0;
    assertThat(Projection.yearEndPercent(year, onTime)).isEqualTo(82.5); // 99 / 120, no projection
    // a steady rise of 10 points a month from 50 %: 50 … 100 (clamped) – months 7–12 at 100 %
    long[] six = {10, 10, 10, 10, 10, 10};
    long[] rising = {5, 6, 7, 8, 9, 10};
    assertThat(Projection.yearEndPercent(six, rising)).isEqualTo(87.5); // (45 + 60) / 120
    // in December (month 3, just begun) a falling October–November is not extended to September: the share so far
    assertThat(Projection.yearEndPercent(new long[] {20, 20, 2}, new long[] {17, 14, 1})).isEqualTo(76.2); // 32 / 42
    // from January the line is drawn: 90, 80, 70, 60 % (10 steps a month) go on falling (0 % from month 10); months 5-12 at 10 steps each: (30 + 5 + 4 + 3 + 2 + 1) / 120
    long[] four = {10, 10, 10, 10};
    long[] falling = {9, 8, 7, 6};
    assertThat(Projection.yearEndPercent(four, falling)).isEqualTo(37.5);
  }

  // ------------------------------------------------------------------------------------ exports

  @Test
  void xlsxExportReadsBackWithThaiHeadersAndTheSameFigures() throws Exception {
    Reply reply = get("kpiManagersUser", "/api/kpi/report.xlsx?fiscalYear=2560&round=6&processKey=" + processKey);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(KpiExport.XLSX_TYPE);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
      Sheet sheet = workbook.getSheet("รายงาน");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("รายงานตัวชี้วัดกระบวนงาน ปีงบประมาณ พ.ศ. 2560 รอบ 6 เดือน");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ช่วงเวลา 01/10/2559 – 31/03/2560");
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("ข้อมูล ณ วันที่ 01/04/2560");
      List<String> headers = strings(sheet.getRow(4));
      // Thai name first, the process key in the last column (issue 17 §4).
      assertThat(headers).startsWith("กระบวนงาน", "งานเข้า (รายการ)", "งานเสร็จ (รายการ)").endsWith("รหัสกระบวนงาน")
          .contains("ร้อยละตรงเวลา", "มัธยฐานระยะเวลา (นาทีทำการ)", "งานค้าง เกิน 30 วัน", "ปีก่อน: ร้อยละตรงเวลา");
      Row data = sheet.getRow(5);
      assertThat(data.getCell(headers.indexOf("รหัสกระบวนงาน")).getStringCellValue()).isEqualTo(processKey);
      assertThat(number(data, headers, "งานเข้า (รายการ)")).isEqualTo(9.0);
      assertThat(number(data, headers, "งานเสร็จ (รายการ)")).isEqualTo(6.0);
      assertThat(number(data, headers, "ร้อยละตรงเวลา")).isEqualTo(83.3);
      assertThat(number(data, headers, "มัธยฐานระยะเวลา (นาทีทำการ)")).isEqualTo(35.0);
      assertThat(number(data, headers, "90 % เสร็จภายใน (นาทีทำการ)")).isEqualTo(75.0);
      assertThat(number(data, headers, "เกินกำหนด ณ วันรายงาน")).isEqualTo(1.0);
      assertThat(number(data, headers, "ปีก่อน: ร้อยละตรงเวลา")).isEqualTo(50.0);
      assertThat(number(data, headers, "คาดการณ์ร้อยละตรงเวลาสิ้นปีงบประมาณ")).isEqualTo(44.8);
      assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("รวม");
      Sheet months = workbook.getSheet("รายเดือน");
      assertThat(months.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ต.ค. 2559");
      assertThat(months.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3.0);
    }
  }

  @Test
  void csvExportHasAByteOrderMarkThaiHeadersAndTheSameFigures() throws Exception {
    Reply reply = get("kpiManagersUser", "/api/kpi/report.csv?fiscalYear=2560&round=6&groupBy=bureau&processKey="
        + processKey);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    assertThat(Arrays.copyOf(reply.body(), 3)).isEqualTo(KpiExport.UTF8_BOM);
    String text = new String(reply.body(), 3, reply.body().length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    assertThat(records.get(0).get(0)).isEqualTo("รายงานตัวชี้วัดกระบวนงาน ปีงบประมาณ พ.ศ. 2560 รอบ 6 เดือน");
    assertThat(records.get(1).get(0)).isEqualTo("ช่วงเวลา 01/10/2559 – 31/03/2560");
    CSVRecord header = records.stream().filter(r -> r.get(0).equals("สำนัก")).findFirst().orElseThrow();
    List<String> headers = header.toList();
    assertThat(headers.get(headers.size() - 1)).isEqualTo("รหัสสำนัก");
    int id = headers.indexOf("รหัสสำนัก");
    int at = records.indexOf(header);
    CSVRecord it = records.get(at + 1);
    assertThat(it.get(0)).isEqualTo("สำนักเทคโนโลยีสารสนเทศและการสื่อสาร");
    assertThat(it.get(id)).isEqualTo("burIt");
    assertThat(it.get(headers.indexOf("ร้อยละตรงเวลา"))).isEqualTo("50.0");
    assertThat(it.get(headers.indexOf("90 % เสร็จภายใน (นาทีทำการ)"))).isEqualTo("49.0");
    assertThat(records.get(at + 2).get(id)).isEqualTo("burLegal");
    assertThat(records.get(at + 3).get(0)).isEqualTo("รวม");
    assertThat(records.get(at + 3).get(headers.indexOf("งานเสร็จ (รายการ)"))).isEqualTo("6");
  }

  // ------------------------------------------------------------------------------------ who may read

  @Test
  void aBureauHeadReadsOnlyTheOwnBureauAndOthersAreRefused() throws Exception {
    String query = "fiscalYear=2560&round=6&groupBy=bureau&processKey=" + processKey;
    JsonNode own = getJson("burLegalHeadUser", query);
    assertThat(own.path("rows").findValuesAsText("bureau")).containsExactly("burLegal");
    assertThat(own.path("total").path("current").path("completed").asLong()).isEqualTo(4);
    assertThat(get("burLegalHeadUser", "/api/kpi/report?" + query + "&bureau=burLegal").status()).isEqualTo(200);

    Reply otherBureau = get("burLegalHeadUser", "/api/kpi/report?" + query + "&bureau=burIt");
    assertThat(otherBureau.status()).isEqualTo(403);
    assertThat(otherBureau.text()).contains("เฉพาะรายงานของสำนักตนเอง");
    assertThat(get("burLegalHeadUser", "/api/kpi/report.xlsx?" + query + "&bureau=burIt").status()).isEqualTo(403);
    assertThat(get("burLegalUser", "/api/kpi/report?" + query).status()).isEqualTo(403); // a clerk, not the head
    assertThat(get("burItUser", "/api/kpi/report.csv?" + query).status()).isEqualTo(403);
    assertThat(get("sgOfficeUser", "/api/kpi/report?" + query + "&bureau=burIt").status()).isEqualTo(200);
    assertThat(get("demo", "/api/kpi/report?" + query).status()).isEqualTo(200);
    assertThat(get(null, "/api/kpi/report?" + query).status()).isEqualTo(401);
    assertThat(get(null, "/api/kpi/report.xlsx?" + query).status()).isEqualTo(401);
  }

  @Test
  void badParametersGetAThaiMessage() throws Exception {
    for (String[] bad : new String[][] {{"fiscalYear=abc", "fiscalYear"}, {"fiscalYear=69", "ปีงบประมาณ"},
        {"round=7", "รอบการรายงาน"}, {"groupBy=person", "จัดกลุ่ม"}, {"processKey=noSuchProcess", "ไม่รู้จักกระบวนงาน"},
        {"bureau=burNowhere", "ไม่รู้จักสำนัก"}, {"round=x", "round"}}) {
      Reply reply = get("kpiManagersUser", "/api/kpi/report?" + bad[0]);
      assertThat(reply.status()).as(bad[0]).isEqualTo(400);
      assertThat(json.readTree(reply.body()).path("detail").asText()).as(bad[0]).contains(bad[1]);
      assertThat(get("kpiManagersUser", "/api/kpi/report.csv?" + bad[0]).status()).as(bad[0]).isEqualTo(400);
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private void fact(String name, String bureau, String step, LocalDateTime created, LocalDateTime completed,
      String endState, Integer minutes, Boolean met, LocalDateTime due, LocalDateTime breached, int escalations) {
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, business_key, step_id, "
        + "step_name, candidate_group, assignee, created_at, completed_at, due_at, calendar_kind, working_minutes, "
        + "sla_met, breached_at, escalations, end_state) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        processKey + "-" + name, processKey, processKey + "-pi-" + name, "FIX-" + name, step,
        step.equals("Task_Intake") ? "รับเรื่อง" : "พิจารณา", bureau, "fixtureUser", time(created), time(completed),
        time(due), "WORKING_DAYS", minutes, met, time(breached), escalations, endState);
  }

  private static java.time.OffsetDateTime time(LocalDateTime bangkok) {
    return bangkok == null ? null : KpiRepository.time(bangkok(bangkok));
  }

  private static LocalDateTime at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min);
  }

  private JsonNode getJson(String user, String query) throws Exception {
    Reply reply = get(user, "/api/kpi/report?" + query);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return json.readTree(reply.body());
  }

  private Reply get(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asLong()));
    return values;
  }

  private static List<String> strings(Row row) {
    List<String> values = new ArrayList<>();
    for (Cell cell : row) {
      values.add(cell.getStringCellValue());
    }
    return values;
  }

  private static double number(Row row, List<String> headers, String header) {
    Cell cell = row.getCell(headers.indexOf(header));
    assertThat(cell.getCellType()).as(header).isEqualTo(CellType.NUMERIC);
    return cell.getNumericCellValue();
  }
}
