package th.go.senate.workflow.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import th.go.senate.workflow.calendar.BangkokTime;

/**
 * Base of the platform tests: the whole application (engine, REST, webapps) on a random port with an
 * in-memory H2 and the job executor off. Every test class shares one Spring context, so tests create
 * their own instances and never assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class PlatformTest {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected JdbcTemplate jdbc;
  @LocalServerPort protected int port;
  /** Works the steps of a case as the demo user of each step's group: see {@link Clerk}. */
  protected Clerk clerk;
  /** The same over engine-rest, as Tasklist sends it: see {@link TasklistRest}. */
  protected TasklistRest tasklist;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
    clerk = new Clerk(taskService, identityService);
    tasklist = new TasklistRest(port);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** Sets the engine clock to a Bangkok wall-clock time. */
  protected static void clockAt(LocalDateTime bangkokTime) {
    ClockUtil.setCurrentTime(Date.from(bangkokTime.atZone(BangkokTime.ZONE).toInstant()));
  }

  protected static Instant bangkok(LocalDateTime bangkokTime) {
    return bangkokTime.atZone(BangkokTime.ZONE).toInstant();
  }

  /** Valid values of the petition start form. */
  protected static Map<String, Object> petitionIntake() {
    return Map.of("channel", "LETTER", "petitionerName", "นางสาวสมใจ ใจดี", "petitionerContact", "081-234-5678",
        "subject", "ขอให้ตรวจสอบการก่อสร้างถนน", "details", "ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี",
        "receivedDate", receivedDate());
  }

  /**
   * The received date of the fixtures: 26 Nov 2026, or the test clock's day when that is earlier, since a received
   * date may not lie in the future (form/FormDateRules).
   */
  protected static String receivedDate() {
    LocalDate fixed = LocalDate.of(2026, 11, 26);
    LocalDate today = BangkokTime.today();
    return (today.isBefore(fixed) ? today : fixed).toString();
  }

  protected ProcessInstance startPetition() {
    return runtimeService.startProcessInstanceByKey("petition", petitionIntake());
  }

  protected Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Completes the single open task of the instance as a user of the given group. */
  protected void completeAs(String userId, List<String> groups, ProcessInstance instance, Map<String, Object> values) {
    clerk.completeAs(userId, groups, clerk.single(instance), values);
  }

  /**
   * A case started directly at {@code activityId} (Camunda's {@code startBeforeActivity}), with the start
   * form's values and those the step needs: a step's own rules are tested there without working every step
   * before it, which the path tests do. The start still runs the platform's start (form check, reference
   * number, case fact); the steps skipped leave no history.
   */
  protected ProcessInstance startAt(String processKey, String activityId, Map<String, Object> variables) {
    // Variables set before the first instruction are the instance's from its start (the start form's check
    // sees them); set after it, they would belong to the instruction and come too late for that check.
    return runtimeService.createProcessInstanceByKey(processKey).setVariables(variables).startBeforeActivity(activityId)
        .execute();
  }

  /** Fires an SLA or process timer at its due instant, as the job executor would. */
  protected void fireAtDueTime(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
  }

  /** The SLA timer of the instance's open task (the timeout listener's job). */
  protected Job slaTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  /** The user tasks and end events a case has passed, in the order it passed them (for path assertions). */
  protected List<String> userTasksAndEndEvents(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> "userTask".equals(a.getActivityType()) || "noneEndEvent".equals(a.getActivityType()))
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
  }
}
