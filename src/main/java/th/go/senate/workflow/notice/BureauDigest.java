package th.go.senate.workflow.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.identity.StartupLock;

/**
 * The daily digest per bureau of its unclaimed and its overdue work, to the bureau's members and its head group,
 * on every working day at {@code senate.notice.digest-time} (Bangkok). Cluster-safe by being one Camunda job
 * (handler {@value #TYPE}): created once at start under the start-up lock when none exists, run by one node,
 * and re-created for the next working day in the transaction that writes the day's digest. A bureau with
 * nothing unclaimed or overdue gets no mail.
 */
@Component
public class BureauDigest implements JobHandler<BureauDigest.Run> {

  public static final String TYPE = "senate-bureau-digest";
  static final String TEMPLATE = "bureau-digest";
  static final int MAX_LISTED = 50;
  private static final Logger LOG = LoggerFactory.getLogger(BureauDigest.class);

  /** The job's configuration: none. */
  public record Run() implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return "daily";
    }
  }

  private final Notices notices;
  private final BureauDirectory bureaus;
  private final DueDatePlanner calendar;
  private final JdbcTemplate jdbc;
  private final StartupLock lock;
  private final ProcessEngine engine;
  private final LocalTime at;

  public BureauDigest(Notices notices, BureauDirectory bureaus, DueDatePlanner calendar, JdbcTemplate jdbc,
      StartupLock lock, @Lazy ProcessEngine engine, @Value("${senate.notice.digest-time:07:30}") String at) {
    this.notices = notices;
    this.bureaus = bureaus;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.lock = lock;
    this.engine = engine;
    this.at = LocalTime.parse(at);
  }

  /** Makes sure the one digest job exists and is due at the configured time (one node at a time). */
  @EventListener(ApplicationReadyEvent.class)
  public void schedule() {
    if (!notices.enabled()) {
      return;
    }
    lock.run(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          Date next = Date.from(next(ClockUtil.getCurrentTime().toInstant()));
          List<String> jobs = jdbc.queryForList("select id_ from act_ru_job where handler_type_ = ?", String.class, TYPE);
          if (jobs.isEmpty()) {
            create(context, next);
            LOG.info("Daily bureau digest scheduled for {}", next.toInstant());
          } else {
            engine.getManagementService().setJobDuedate(jobs.get(0), next);
          }
          return null;
        }));
  }

  /** The next digest time after {@code now}: the configured time of the next working day (today if still ahead). */
  public Instant next(Instant now) {
    LocalDate day = BangkokTime.dateOf(now);
    for (int i = 0; i < 30; i++, day = day.plusDays(1)) {
      ZonedDateTime candidate = day.atTime(at).atZone(BangkokTime.ZONE);
      if (candidate.toInstant().isAfter(now) && calendar.isWorkingDay(day)) {
        return candidate.toInstant();
      }
    }
    return day.atTime(at).atZone(BangkokTime.ZONE).toInstant();
  }

  @Override
  public void execute(Run configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    create(commandContext, Date.from(next(ClockUtil.getCurrentTime().toInstant())));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    TaskService tasks = engine.getTaskService();
    for (GroupDescription bureau : bureaus.getGroups()) {
      if (!bureau.hasHeadGroup()) {
        continue;
      }
      List<Task> unclaimed = tasks.createTaskQuery().taskCandidateGroup(bureau.getId()).taskUnassigned()
          .orderByDueDate().asc().listPage(0, MAX_LISTED);
      long unclaimedCount = tasks.createTaskQuery().taskCandidateGroup(bureau.getId()).taskUnassigned().count();
      List<Task> overdue = tasks.createTaskQuery().taskCandidateGroup(bureau.getId()).includeAssignedTasks()
          .dueBefore(Date.from(now)).orderByDueDate().asc().listPage(0, MAX_LISTED);
      long overdueCount = tasks.createTaskQuery().taskCandidateGroup(bureau.getId()).includeAssignedTasks()
          .dueBefore(Date.from(now)).count();
      if (unclaimedCount == 0 && overdueCount == 0) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      values.put("bureauName", bureau.getNameTh());
      values.put("date", ThaiDates.date(now));
      values.put("unclaimedCount", String.valueOf(unclaimedCount));
      values.put("overdueCount", String.valueOf(overdueCount));
      values.put("unclaimedList", list(unclaimed, unclaimedCount));
      values.put("overdueList", list(overdue, overdueCount));
      values.put("tasklistLink", notices.properties().getTasklistUrl());
      List<Notices.Recipient> recipients = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Notices.Recipient recipient : concat(notices.group(bureau.getId()),
          bureaus.headOf(bureau.getId()).map(notices::group).orElse(List.of()))) {
        if (seen.add(recipient.userId())) {
          recipients.add(recipient);
        }
      }
      notices.send(TEMPLATE, recipients, values, new Notices.About(null, null, null));
    }
  }

  private static List<Notices.Recipient> concat(List<Notices.Recipient> a, List<Notices.Recipient> b) {
    List<Notices.Recipient> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** One line per task: reference number, step and due date (no subject: the digest may cover integrity cases). */
  private String list(List<Task> tasks, long count) {
    if (tasks.isEmpty()) {
      return "(ไม่มี)";
    }
    StringBuilder text = new StringBuilder();
    Map<String, String> keys = businessKeys(tasks);
    for (Task task : tasks) {
      text.append("- ").append(keys.getOrDefault(task.getProcessInstanceId(), "-")).append(" ").append(task.getName())
          .append(" (ครบกำหนด ").append(task.getDueDate() == null ? "ไม่กำหนด" : ThaiDates.dateTime(task.getDueDate()))
          .append(") ").append(notices.properties().getTasklistUrl()).append("#/?task=").append(task.getId())
          .append('\n');
    }
    if (count > tasks.size()) {
      text.append("และอีก ").append(count - tasks.size()).append(" งาน (ดูทั้งหมดในระบบรายการงาน)\n");
    }
    return text.toString().strip();
  }

  private Map<String, String> businessKeys(List<Task> tasks) {
    Map<String, String> keys = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    tasks.forEach(task -> ids.add(task.getProcessInstanceId()));
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).list()
        .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    return keys;
  }

  private static void create(CommandContext context, Date due) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfiguration(new Run());
    job.setDuedate(due);
    context.getJobManager().send(job);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public Run newConfiguration(String canonicalString) {
    return new Run();
  }

  @Override
  public void onDelete(Run configuration, JobEntity jobEntity) {
  }
}
