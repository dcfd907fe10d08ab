package th.go.senate.workflow.tasklist;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.identity.StartupLock;

/**
 * The Tasklist filters a clerk finds on first login, in Thai. Created once (by name); an administrator may
 * edit them afterwards in Tasklist without the next start undoing it.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "งานของฉัน";
  public static final String BUREAU_UNASSIGNED = "งานของสำนักที่ยังไม่มีผู้รับ";
  public static final String DUE_SOON = "ครบกำหนดภายใน 2 วันทำการ";
  public static final String OVERDUE = "เกินกำหนด";

  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final DueDatePlanner planner;
  private final StartupLock lock;

  public TasklistFilters(FilterService filterService, TaskService taskService, DueDatePlanner planner,
      StartupLock lock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.planner = planner;
    this.lock = lock;
  }

  /**
   * The upper bound of "due within N working days" (filter expression {@code tasklistFilters.dueWithinWorkingDays(N)}):
   * just after the end of the N-th working day from now. Camunda's {@code dueBefore} is strict and a working-day
   * due date is exactly 16:30 of its day, so {@code workingDaysFromNow(N)} itself would leave out every task due on
   * the N-th working day; the end of that day also takes in calendar-day deadlines (24:00).
   */
  public Date dueWithinWorkingDays(int days) {
    LocalDate lastDay = DueDatePlanner.local(planner.workingDaysFromNow(days).toInstant()).toLocalDate();
    return new Date(lastDay.plusDays(1).atStartOfDay(BangkokTime.ZONE).toInstant().toEpochMilli() + 1);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void create() {
    // Filters have no unique name in the database: nodes starting together must not both create them.
    lock.run(this::createUnlocked);
  }

  private void createUnlocked() {
    create(MY_TASKS, "งานที่ฉันรับไว้", -10, "#1f5fa8",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    create(BUREAU_UNASSIGNED, "งานของกลุ่มของฉันที่ยังไม่มีผู้รับ กดรับงานก่อนดำเนินการ", -5, "#3c8d40",
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()
            .orderByDueDate().asc());
    // The bound is counted on the working-day calendar (the Tasklist evaluates it at each query).
    create(DUE_SOON, "งานของกลุ่มของฉันที่จะครบกำหนดภายใน 2 วันทำการ", 0, "#e0a800",
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
            .dueAfterExpression("${now()}").dueBeforeExpression("${tasklistFilters.dueWithinWorkingDays(2)}")
            .orderByDueDate().asc());
    create(OVERDUE, "งานของกลุ่มของฉันที่เลยกำหนดแล้ว", 5, "#c0392b",
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void create(String name, String description, int priority, String color, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
  }
}
