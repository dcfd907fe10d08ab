package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 §2: from a figure of the report (late steps, overdue, open of a bureau) to the cases behind it,
 * {@code GET /api/kpi/cases}. Known facts of a process of this test's own in FY 2562 (a closed round, so the
 * report's instant is the round's end): the lists have exactly the report's counts, a head sees the own bureau's
 * cases and is refused another's, a protected process's cases are counted but listed to its handlers only.
 */
class KpiCasesTest extends PlatformTest {

  private static final String ROUND = "fiscalYear=2562&round=6";
  private String key;
  @org.springframework.beans.factory.annotation.Autowired KpiTotalsRepository totals;

  @BeforeEach
  void facts() {
    key = "kpiCases" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    // officePresident: one on time, one late, one cancelled after its due time (neither), one open and overdue at
    // the round's end, one open and not yet due then, one completed after the round (open and overdue at its end)
    fact("op-ontime", "officePresident", at(2018, 11, 1), at(2018, 11, 2), at(2018, 11, 5), true, "COMPLETED");
    fact("op-late", "officePresident", at(2018, 11, 1), at(2018, 11, 20), at(2018, 11, 5), false, "COMPLETED");
    fact("op-cancelled", "officePresident", at(2018, 11, 1), at(2018, 11, 20), at(2018, 11, 5), false, "CANCELLED");
    fact("op-overdue", "officePresident", at(2019, 1, 3), null, at(2019, 1, 10), null, null);
    fact("op-notdue", "officePresident", at(2019, 3, 28), null, at(2019, 4, 10), null, null);
    fact("op-after", "officePresident", at(2019, 2, 1), at(2019, 4, 20), at(2019, 2, 8), false, "COMPLETED");
    // burCommittee1: two late (one with no SLA recorded: not on time either), one open and overdue
    fact("c1-late", "burCommittee1", at(2018, 12, 3), at(2018, 12, 28), at(2018, 12, 10), false, "COMPLETED");
    fact("c1-nosla", "burCommittee1", at(2019, 2, 4), at(2019, 3, 1), at(2019, 2, 11), null, "COMPLETED");
    fact("c1-overdue", "burCommittee1", at(2019, 3, 1), null, at(2019, 3, 8), null, null);
    totals.rebuild(); // facts written by SQL, not by the recorder: the repair command adds them to the totals
  }

  @Test
  void everyListHasTheReportsCountAndOnlyTheStepsItCounts() {
    JsonNode rows = ok(get("/api/kpi/report?" + ROUND + "&groupBy=bureau&processKey=" + key, "kpiManagersUser"))
        .path("rows");
    for (JsonNode row : rows) {
      JsonNode figures = row.path("current");
      String bureau = row.path("key").asText();
      long late = figures.path("completed").asLong() - figures.path("onTime").asLong();
      assertThat(cases("late", bureau, "kpiManagersUser").path("total").asLong()).as(bureau + " late").isEqualTo(late);
      assertThat(cases("overdue", bureau, "kpiManagersUser").path("total").asLong()).as(bureau + " overdue")
          .isEqualTo(figures.path("overdue").asLong());
      assertThat(cases("open", bureau, "kpiManagersUser").path("total").asLong()).as(bureau + " open")
          .isEqualTo(figures.path("open").asLong());
    }
    assertThat(rows.findValuesAsText("key")).containsExactlyInAnyOrder("officePresident", "burCommittee1");

    assertThat(businessKeys(cases("late", "officePresident", "kpiManagersUser"))).containsExactly(bk("op-late"));
    assertThat(businessKeys(cases("late", "burCommittee1", "kpiManagersUser")))
        .containsExactly(bk("c1-nosla"), bk("c1-late")); // newest first
    // longest overdue first; a step completed after the round's end was open and overdue at it
    assertThat(businessKeys(cases("overdue", "officePresident", "kpiManagersUser")))
        .containsExactly(bk("op-overdue"), bk("op-after"));
    assertThat(businessKeys(cases("open", "officePresident", "kpiManagersUser")))
        .containsExactly(bk("op-overdue"), bk("op-after"), bk("op-notdue"));

    JsonNode overdue = cases("overdue", "burCommittee1", "kpiManagersUser");
    JsonNode step = overdue.path("steps").get(0);
    assertThat(overdue.path("measureLabel").asText()).isEqualTo("งานค้างที่เกินกำหนด");
    assertThat(overdue.path("periodLabel").asText()).isEqualTo("01/10/2561 – 31/03/2562");
    assertThat(step.path("stepName").asText()).isEqualTo("ขั้นตอนทดสอบ");
    assertThat(step.path("bureauName").asText()).isNotBlank().isNotEqualTo("burCommittee1");
    assertThat(step.path("taskId").asText()).isEqualTo(key + "-c1-overdue"); // still open: Tasklist opens it
    assertThat(step.path("assignee").asText()).isEqualTo("clerk-c1-overdue");
    // a step completed since the round's end is no longer a task to open
    JsonNode after = cases("overdue", "officePresident", "kpiManagersUser").path("steps").get(1);
    assertThat(after.path("businessKey").asText()).isEqualTo(bk("op-after"));
    assertThat(after.path("taskId").isNull()).isTrue();

    // one step of one process
    Reply oneStep = get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=" + key + "&stepId=Task_Cases",
        "kpiManagersUser");
    assertThat(ok(oneStep).path("total").asLong()).isEqualTo(3);
    assertThat(ok(get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=" + key + "&stepId=Task_Other",
        "kpiManagersUser")).path("total").asLong()).isZero();
  }

  @Test
  void aBureauHeadSeesTheOwnBureausCasesAndNothingOfAnother() {
    JsonNode own = ok(get("/api/kpi/cases?" + ROUND + "&measure=open&processKey=" + key, "officePresidentHeadUser"));
    assertThat(businessKeys(own)).containsExactly(bk("op-overdue"), bk("op-after"), bk("op-notdue"));
    assertThat(own.path("steps").findValuesAsText("bureau")).containsOnly("officePresident");
    assertThat(ok(get("/api/kpi/cases?" + ROUND + "&measure=late&bureau=officePresident&processKey=" + key,
        "officePresidentHeadUser")).path("total").asLong()).isEqualTo(1);

    Reply other = get("/api/kpi/cases?" + ROUND + "&measure=late&bureau=burCommittee1&processKey=" + key,
        "officePresidentHeadUser");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.detail()).contains("เฉพาะรายงานของสำนักตนเอง");
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&bureau=-&processKey=" + key,
        "officePresidentHeadUser").status()).isEqualTo(403);
    // the other head the other way round
    assertThat(businessKeys(ok(get("/api/kpi/cases?" + ROUND + "&measure=overdue&processKey=" + key,
        "burCommittee1HeadUser")))).containsExactly(bk("c1-overdue"));

    // a clerk of the bureau is not its head; no login at all is 401
    Reply clerk = get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=" + key, "officePresidentUser");
    assertThat(clerk.status()).isEqualTo(403);
    assertThat(clerk.detail()).contains("ไม่มีสิทธิ์ดูรายงานตัวชี้วัด");
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=" + key, null).status()).isEqualTo(401);
  }

  @Test
  void aProtectedProcessIsCountedButListedToItsHandlersOnly() {
    String secret = "INT-" + key;
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, business_key, step_id, "
        + "step_name, candidate_group, assignee, created_at, completed_at, due_at, calendar_kind, working_minutes, "
        + "sla_met, escalations, end_state) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", key + "-integrity",
        "integrityCase", "pi-" + key + "-integrity", secret, "Task_Cases", "ขั้นตอนทดสอบ", "grpInternalAudit", null,
        KpiRepository.time(bangkok(at(2019, 3, 4))), null, KpiRepository.time(bangkok(at(2019, 3, 6))),
        "WORKING_DAYS", null, null, 0, null);
    totals.rebuild();
    String path = "/api/kpi/cases?" + ROUND + "&measure=overdue&processKey=integrityCase";
    JsonNode manager = ok(get(path, "kpiManagersUser"));
    assertThat(manager.path("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(manager.path("withheld").asLong()).isEqualTo(manager.path("total").asLong());
    assertThat(manager.path("steps")).isEmpty();
    assertThat(get(path, "demo").body()).doesNotContain(secret); // administrators are not handlers either
    assertThat(businessKeys(ok(get(path, "sgOfficeUser")))).contains(secret); // a handler and a monitoring group
    assertThat(ok(get(path, "sgOfficeUser")).path("withheld").asLong()).isZero();
  }

  @Test
  void badInputIsAThai400() {
    Reply noMeasure = get("/api/kpi/cases?" + ROUND, "kpiManagersUser");
    assertThat(noMeasure.status()).isEqualTo(400);
    assertThat(noMeasure.detail()).contains("ต้องระบุรายการที่ต้องการดู");
    Reply badMeasure = get("/api/kpi/cases?" + ROUND + "&measure=p90", "kpiManagersUser");
    assertThat(badMeasure.status()).isEqualTo(400);
    assertThat(badMeasure.detail()).contains("late (เสร็จเกินกำหนด)");
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&stepId=Task_Cases", "kpiManagersUser").detail())
        .contains("ขั้นตอนต้องระบุพร้อมกระบวนงาน");
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=" + key + "&stepId=%3Cscript%3E",
        "kpiManagersUser").status()).isEqualTo(400);
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&bureau=nowhere", "kpiManagersUser").detail())
        .contains("ไม่รู้จักสำนัก");
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=late&processKey=noSuchProcess", "kpiManagersUser").detail())
        .contains("ไม่รู้จักกระบวนงาน");
    assertThat(get("/api/kpi/cases?fiscalYear=12&measure=late", "kpiManagersUser").status()).isEqualTo(400);
    // refused before permissions: a head's bad request is a 400 too
    assertThat(get("/api/kpi/cases?" + ROUND + "&measure=x", "officePresidentHeadUser").status()).isEqualTo(400);
  }

  // ------------------------------------------------------------------------------------ helpers

  private static LocalDateTime at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 10, 0);
  }

  private String bk(String n) {
    return "BK-" + key + "-" + n;
  }

  private void fact(String n, String bureau, LocalDateTime created, LocalDateTime completed, LocalDateTime due,
      Boolean met, String endState) {
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, business_key, step_id, "
        + "step_name, candidate_group, assignee, created_at, completed_at, due_at, calendar_kind, working_minutes, "
        + "sla_met, escalations, end_state) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", key + "-" + n, key,
        "pi-" + key + "-" + n, bk(n), "Task_Cases", "ขั้นตอนทดสอบ", bureau, "clerk-" + n,
        KpiRepository.time(bangkok(created)), completed == null ? null : KpiRepository.time(bangkok(completed)),
        KpiRepository.time(bangkok(due)), "WORKING_DAYS", completed == null ? null : 120, met, 0, endState);
  }

  private JsonNode cases(String measure, String bureau, String user) {
    return ok(get("/api/kpi/cases?" + ROUND + "&measure=" + measure + "&bureau=" + bureau + "&processKey=" + key,
        user));
  }

  private Reply get(String path, String user) {
    return ApiClient.send(port, "GET", path, user, null);
  }

  private static JsonNode ok(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> businessKeys(JsonNode cases) {
    List<String> keys = new ArrayList<>();
    cases.path("steps").forEach(s -> keys.add(s.path("businessKey").asText()));
    return keys;
  }
}
