package th.go.senate.workflow.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.support.TestSmtp;
import th.go.senate.workflow.tracking.TrackingCodes;

/**
 * Every notice, sent through the real outbox and job to a real SMTP server (GreenMail): the assignee's, the SLA
 * checkpoints' (bureau, head group, sgOffice), the petitioner's three; a user without an address skipped; a
 * rolled-back step leaving no mail; an SMTP outage ending in an incident and, once the server is back, one mail.
 */
class NoticeTest extends PlatformTest {

  static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

  @Autowired NoticeProperties properties;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void smtp() throws Exception {
    TestSmtp.clear();
  }

  @AfterEach
  void smtpBack() {
    TestSmtp.start();
  }

  @Test
  void aTaskAssignedByAnotherUserMailsTheAssigneeInThaiWithTheLinkToTasklist() throws Exception {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    assignAsAdministrator(task, "officePresidentUser");

    assertThat(deliver(task.getId())).isEqualTo(1);
    List<MimeMessage> mails = TestSmtp.receivedBy("officePresidentUser@demo.invalid");
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    String ref = instance.getBusinessKey();
    assertThat(mail.getSubject()).isEqualTo("[" + ref + "] มอบหมายงาน: ลงทะเบียนและตอบรับเรื่อง");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@senate.go.th");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("สำนักงานเลขาธิการวุฒิสภา");
    String body = TestSmtp.body(mail);
    assertThat(body).contains("เลขที่เรื่อง: " + ref, "เรื่อง: ขอให้ตรวจสอบการก่อสร้างถนน",
        "ขั้นตอน: ลงทะเบียนและตอบรับเรื่อง", "สำนักที่รับผิดชอบ: สำนักงานประธานวุฒิสภา",
        "วันครบกำหนด: " + ThaiDates.dateTime(task.getDueDate()), TASKLIST + task.getId(), "ได้มอบหมายงานต่อไปนี้ให้ท่านดำเนินการ");
    assertThat(ThaiDates.dateTime(task.getDueDate())).matches("\\d{1,2} \\S+ 25\\d\\d เวลา \\d\\d\\.\\d\\d น\\.");
    assertThat(mail.getMessageID()).isEqualTo("<" + outboxIds(task.getId()).get(0) + "@senate-workflow>");
    assertThat(jdbc.queryForObject("select count(*) from notice_outbox where task_id = ? and sent_at is not null",
        Integer.class, task.getId())).isEqualTo(1);
  }

  @Test
  void claimingATaskYourselfMailsNobody() {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    claimAsTheClerkHerself(task);
    assertThat(outboxIds(task.getId())).isEmpty();
  }

  @Test
  void aRolledBackAssignmentLeavesNoNoticeAndNoJob() {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    long jobs = noticeJobs();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
      taskService.setAssignee(task.getId(), "officePresidentUser");
      assertThat(outboxIds(task.getId())).as("written inside the transaction").hasSize(1);
      throw new IllegalStateException("the step fails after the assignment");
    })).hasMessageContaining("the step fails");
    assertThat(outboxIds(task.getId())).isEmpty();
    assertThat(noticeJobs()).isEqualTo(jobs);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void slaCheckpointsMailTheBureauThenItsHeadThenSgOfficeAndSkipAUserWithoutAddress() throws Exception {
    User noMail = identityService.newUser("noticeNoMail" + System.nanoTime() % 100000);
    noMail.setFirstName("ไม่มีอีเมล");
    identityService.saveUser(noMail);
    identityService.createMembership(noMail.getId(), "officePresident");
    try {
      double skippedBefore = skipped();
      ProcessInstance instance = startPetition();
      Task task = task(instance);
      String ref = instance.getBusinessKey();

      fire(slaTimer(instance));
      deliver(task.getId());
      assertThat(subjects("officePresidentUser@demo.invalid", ref))
          .containsExactly("[" + ref + "] ใกล้ครบกำหนด: ลงทะเบียนและตอบรับเรื่อง (ครบกำหนด "
              + ThaiDates.dateTime(task.getDueDate()) + ")");
      assertThat(jdbc.queryForObject("select count(*) from notice_outbox where task_id = ? and recipient_user = ?",
          Integer.class, task.getId(), noMail.getId())).as("no row for a user without address").isZero();
      assertThat(skipped()).isGreaterThan(skippedBefore);
      assertThat(subjects("officePresidentHeadUser@demo.invalid", ref)).noneMatch(s -> s.contains("เกินกำหนด"));

      fire(slaTimer(instance));
      deliver(task.getId());
      assertThat(subjects("officePresidentHeadUser@demo.invalid", ref).stream().filter(s -> !s.contains("ใกล้ครบกำหนด")))
          .as("one mail for the breach and the head").containsExactly("[" + ref + "] เกินกำหนด: ลงทะเบียนและตอบรับเรื่อง (ครบกำหนด "
              + ThaiDates.dateTime(task.getDueDate()) + ")");
      assertThat(subjects("sgOfficeUser@demo.invalid", ref)).isEmpty();

      fire(slaTimer(instance));
      deliver(task.getId());
      assertThat(subjects("sgOfficeUser@demo.invalid", ref))
          .containsExactly("[" + ref + "] เรื่องล่าช้าที่เสนอผู้บริหาร: ลงทะเบียนและตอบรับเรื่อง");
      String body = TestSmtp.body(TestSmtp.receivedBy("sgOfficeUser@demo.invalid").stream()
          .filter(mail -> subjectOf(mail).contains(ref)).findFirst().orElseThrow());
      assertThat(body).contains("เลขาธิการ/รองเลขาธิการวุฒิสภา", "ผู้รับผิดชอบ: ยังไม่มีผู้รับงาน", TASKLIST + task.getId());
      assertThat(subjects("officePresidentUser@demo.invalid", ref)).as("the clerks only at the warning").hasSize(1);
    } finally {
      identityService.deleteUser(noMail.getId());
    }
  }

  @Test
  void theWarningOfAClaimedTaskGoesToItsAssigneeOnly() throws Exception {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    claimAsTheClerkHerself(task);
    fire(slaTimer(instance));
    deliver(task.getId());
    assertThat(jdbc.queryForList("select recipient_user from notice_outbox where task_id = ?", String.class, task.getId()))
        .containsExactly("officePresidentUser");
  }

  @Test
  void thePetitionerIsMailedTheAcknowledgementEachProgressNoticeAndTheReply() throws Exception {
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    intake.put("petitionerEmail", "somjai@example.com");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("petition", intake);
    String ref = instance.getBusinessKey();
    String code = (String) runtimeService.getVariable(instance.getId(), TrackingCodes.VARIABLE);
    assertThat(code).matches("[" + "346789ABCDEFGHJKMNPQRTWXY" + "]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}");

    PetitionPaths.walk(taskService, identityService, instance.getId(),
        PetitionPaths.senateRemit("petitioner notices", "burCommittee1", 1));
    // In the order they were written: without "order by" PostgreSQL returns the rows as they lie in the table,
    // which an update of a row (sent_at) can change.
    for (String id : jdbc.queryForList("select id from notice_outbox where business_key = ? order by created_at, id",
        String.class, ref)) {
      executeJobOf(id);
    }
    List<MimeMessage> mails = TestSmtp.receivedBy("somjai@example.com");
    assertThat(mails.stream().map(NoticeTest::subjectOf)).containsExactly(
        "สำนักงานเลขาธิการวุฒิสภาได้รับเรื่องของท่านแล้ว เลขที่ " + ref,
        "ความคืบหน้าเรื่องเลขที่ " + ref,
        "แจ้งผลการพิจารณาเรื่องเลขที่ " + ref);
    assertThat(TestSmtp.body(mails.get(0))).contains("รหัสติดตามเรื่อง: " + code, "http://localhost:8080/public/track",
        "เมื่อวันที่ 26 พ.ย. 2569", "เรื่อง: ขอให้ตรวจสอบการก่อสร้างถนน");
    assertThat(TestSmtp.body(mails.get(1))).contains("ความคืบหน้า: "
        + th.go.senate.workflow.support.PetitionValues.progressNotice().get("progressNotice"));
    assertThat(TestSmtp.body(mails.get(2))).contains("ผลการพิจารณา: "
        + th.go.senate.workflow.support.PetitionValues.reply().get("replySummary"));
    String record = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(PetitionerNotices.RECORD_VARIABLE).singleResult().getValue();
    assertThat(record.lines()).hasSize(3).allMatch(line -> line.contains("อีเมลถึง somjai@example.com"));
    assertThat(record).contains("ลงทะเบียนและตอบรับเรื่อง", "แจ้งความคืบหน้าแก่ผู้ร้อง", "แจ้งผลการพิจารณาแก่ผู้ร้อง");
  }

  @Test
  void aPetitionerWithoutAddressGetsNoMailAndABadAddressIsRefusedInThai() {
    ProcessInstance instance = startPetition();
    PetitionPaths.walk(taskService, identityService, instance.getId(), PetitionPaths.executiveMatter());
    assertThat(jdbc.queryForObject("select count(*) from notice_outbox where business_key = ? and kind like 'petition-%'",
        Integer.class, instance.getBusinessKey())).isZero();

    Map<String, Object> intake = new HashMap<>(petitionIntake());
    intake.put("petitionerEmail", "somjai at example");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("petition").count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("petition", intake))
        .isInstanceOf(NotValidException.class).hasMessageContaining("\"อีเมลของผู้ร้อง (ถ้ามี)\" มีรูปแบบไม่ถูกต้อง");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("petition").count()).isEqualTo(before);
  }

  @Test
  void anSmtpOutageRetriesLaterThenRaisesAnIncidentAndTheMailGoesOutOnceWhenTheServerIsBack() throws Exception {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    assignAsAdministrator(task, "officePresidentUser");
    String row = outboxIds(task.getId()).get(0);
    String jobId = jobOf(row);
    double failedBefore = counter("senate.notices.failed");
    TestSmtp.stop();

    for (int attempt = 1; attempt <= properties.getAttempts(); attempt++) {
      ClockUtil.setCurrentTime(managementService.createJobQuery().jobId(jobId).singleResult().getDuedate());
      long now = ClockUtil.getCurrentTime().getTime();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).as("attempt %d", attempt).isNotNull();
      Job job = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).isEqualTo(properties.getAttempts() - attempt);
      assertThat(job.getExceptionMessage()).isNotBlank();
      if (job.getRetries() > 0) {
        assertThat(job.getDuedate().getTime() - now).as("next attempt later")
            .isEqualTo(Duration.ofMinutes(10).toMillis());
      }
    }
    assertThat(runtimeService.createIncidentQuery().configuration(jobId).count()).as("an incident for Cockpit").isEqualTo(1);
    assertThat(jdbc.queryForMap("select attempts, last_error, sent_at from notice_outbox where id = ?", row))
        .containsEntry("ATTEMPTS", properties.getAttempts()).containsEntry("SENT_AT", null);
    assertThat(counter("senate.notices.failed") - failedBefore).isEqualTo(properties.getAttempts());

    // The server is back; the operator retries the job in Cockpit.
    TestSmtp.start();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);
    assertThat(managementService.createJobQuery().jobId(jobId).count()).isZero();
    assertThat(runtimeService.createIncidentQuery().configuration(jobId).count()).isZero();
    assertThat(TestSmtp.receivedBy("officePresidentUser@demo.invalid")).hasSize(1);

    // A second job for the same row (as after a lost commit) sends nothing more.
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      org.camunda.bpm.engine.impl.persistence.entity.MessageEntity again =
          new org.camunda.bpm.engine.impl.persistence.entity.MessageEntity();
      again.setJobHandlerType(NoticeJobHandler.TYPE);
      again.setJobHandlerConfiguration(new NoticeJobHandler.OutboxRow(row));
      context.getJobManager().send(again);
      return null;
    });
    managementService.executeJob(jobOf(row));
    assertThat(TestSmtp.receivedBy("officePresidentUser@demo.invalid")).as("no duplicate").hasSize(1);
  }

  @Test
  void anIntegrityCaseMailShowsNoSubject() throws Exception {
    Map<String, Object> values = new HashMap<>();
    values.put("subject", "ชื่อเรื่องที่ต้องไม่ออกไปทางอีเมล");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("integrityCase", values);
    Task task = task(instance);
    assignAsAdministrator(task, "grpInternalAuditUser");
    deliver(task.getId());
    String body = TestSmtp.body(TestSmtp.receivedBy("grpInternalAuditUser@demo.invalid").get(0));
    assertThat(body).contains("(เรื่องลับ โปรดดูในระบบรายการงาน)").doesNotContain("ชื่อเรื่องที่ต้องไม่ออกไปทางอีเมล");
  }

  @Test
  void onlyAnAdministratorReadsTheOutbox() {
    ProcessInstance instance = startPetition();
    assignAsAdministrator(task(instance), "officePresidentUser");
    String path = "/api/notices?businessKey=" + instance.getBusinessKey();
    th.go.senate.workflow.support.ApiClient.Reply admin = th.go.senate.workflow.support.ApiClient.send(port, "GET", path,
        "demo", null);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().size()).isEqualTo(1);
    assertThat(admin.json().get(0).path("recipient").asText()).isEqualTo("officePresidentUser@demo.invalid");
    assertThat(admin.json().get(0).path("subject").asText()).contains(instance.getBusinessKey());
    assertThat(th.go.senate.workflow.support.ApiClient.send(port, "GET", path, "officePresidentUser", null).status())
        .isEqualTo(403);
    assertThat(th.go.senate.workflow.support.ApiClient.send(port, "GET", path, "officePresidentHeadUser", null).status())
        .isEqualTo(403);
    assertThat(th.go.senate.workflow.support.ApiClient.send(port, "GET", path, null, null).status()).isEqualTo(401);
  }

  private void assignAsAdministrator(Task task, String assignee) {
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    try {
      taskService.setAssignee(task.getId(), assignee);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> outboxIds(String taskId) {
    return jdbc.queryForList("select id from notice_outbox where task_id = ? order by created_at", String.class, taskId);
  }

  private String jobOf(String row) {
    return jdbc.queryForObject("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?", String.class,
        NoticeJobHandler.TYPE, row);
  }

  private void executeJobOf(String row) {
    List<String> jobs = jdbc.queryForList("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?",
        String.class, NoticeJobHandler.TYPE, row);
    jobs.forEach(managementService::executeJob);
  }

  /** Runs the notice jobs of a task as the job executor would; returns how many. */
  private int deliver(String taskId) {
    List<String> rows = jdbc.queryForList("select id from notice_outbox where task_id = ? and sent_at is null",
        String.class, taskId);
    rows.forEach(this::executeJobOf);
    return rows.size();
  }

  private long noticeJobs() {
    return jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = ?", Long.class, NoticeJobHandler.TYPE);
  }

  private void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
  }

  private List<String> subjects(String address, String ref) {
    return TestSmtp.receivedBy(address).stream().map(NoticeTest::subjectOf).filter(s -> s.contains(ref)).toList();
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private double skipped() {
    return meters.find("senate.notices.skipped").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private double counter(String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** The clerk takes the task herself (an assignment by nobody else: no assignment mail is due). */
  private void claimAsTheClerkHerself(Task task) {
    identityService.setAuthentication("officePresidentUser", List.of("officePresident"));
    try {
      taskService.claim(task.getId(), "officePresidentUser");
    } finally {
      identityService.clearAuthentication();
    }
  }
}
