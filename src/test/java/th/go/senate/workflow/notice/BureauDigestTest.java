package th.go.senate.workflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The daily bureau digest: one Camunda job, due at the configured time (07:30 Bangkok) of a working day; when it
 * runs, each bureau with unclaimed or overdue work gets one notice per member and head, listing the cases by
 * reference number, and the next day's job is in place.
 */
class BureauDigestTest extends PlatformTest {

  @Test
  void theDigestListsEachBureausUnclaimedAndOverdueWorkAndSchedulesTheNextOne() {
    Job job = digestJob();
    assertDigestTime(job);

    ProcessInstance instance = startPetition();
    // Due before every other open task of the bureau: the digest lists the first 50 by due date, and the shared
    // test database holds the open work of many other tests.
    taskService.setDueDate(task(instance).getId(), Date.from(task(instance).getDueDate().toInstant().minus(
        java.time.Duration.ofDays(365 * 40))));
    Task task = task(instance);
    String ref = instance.getBusinessKey();
    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 24 * 3600_000L));
    managementService.executeJob(job.getId());

    List<Map<String, Object>> rows = jdbc.queryForList("select recipient_user, subject, body from notice_outbox "
        + "where kind = 'bureau-digest' and body like ?", "%" + ref + "%");
    assertThat(rows).extracting(row -> row.get("RECIPIENT_USER"))
        .contains("officePresidentUser", "officePresidentHeadUser").doesNotHaveDuplicates()
        .doesNotContain("burCommittee1User");
    String subject = (String) rows.get(0).get("SUBJECT");
    assertThat(subject).startsWith("สรุปงานประจำวัน สำนักงานประธานวุฒิสภา: รอผู้รับผิดชอบ ").contains(" เกินกำหนด ");
    String body = (String) rows.get(0).get("BODY");
    String line = "- " + ref + " ลงทะเบียนและตอบรับเรื่อง (ครบกำหนด " + ThaiDates.dateTime(task.getDueDate()) + ")";
    assertThat(body.split("งานที่เกินกำหนดแล้ว")[0]).as("unclaimed").contains(line);
    assertThat(body.split("งานที่เกินกำหนดแล้ว")[1]).as("overdue").contains(line);
    assertThat(body).doesNotContain("ขอให้ตรวจสอบการก่อสร้างถนน");

    Job next = digestJob();
    assertThat(next.getId()).isNotEqualTo(job.getId());
    assertThat(next.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    assertDigestTime(next);
  }

  private Job digestJob() {
    List<String> ids = jdbc.queryForList("select id_ from act_ru_job where handler_type_ = ?", String.class,
        BureauDigest.TYPE);
    assertThat(ids).as("one digest job for the whole cluster").hasSize(1);
    return managementService.createJobQuery().jobId(ids.get(0)).singleResult();
  }

  private static void assertDigestTime(Job job) {
    ZonedDateTime due = job.getDuedate().toInstant().atZone(BangkokTime.ZONE);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
    assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }
}
