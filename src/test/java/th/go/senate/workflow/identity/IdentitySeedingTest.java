package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.tasklist.TasklistFilters;

/**
 * Camunda's identity as a newcomer finds it: the groups of identity/bureaus.yaml with their Thai names,
 * the supervisor groups, one demo user per group, and the four Thai Tasklist filters listing the right tasks.
 */
class IdentitySeedingTest extends PlatformTest {

  @Autowired FilterService filterService;
  @Autowired BureauDirectory bureaus;
  @Autowired IdentitySeeder seeder;
  @Autowired DueDatePlanner planner;

  /** bureaus.yaml read on its own, so that a mistake in BureauDirectory cannot hide a missing group. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> configuredGroups() throws Exception {
    try (InputStream in = new ClassPathResource("identity/bureaus.yaml").getInputStream()) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> identity = (Map<String, Object>) ((Map<String, Object>) root.get("senate")).get("identity");
      return (List<Map<String, Object>>) identity.get("groups");
    }
  }

  @Test
  void everyConfiguredGroupExistsWithItsThaiName() throws Exception {
    List<Map<String, Object>> configured = configuredGroups();
    assertThat(configured).hasSizeGreaterThanOrEqualTo(18);
    for (Map<String, Object> description : configured) {
      String id = (String) description.get("id");
      Group group = identityService.createGroupQuery().groupId(id).singleResult();
      assertThat(group).as("group %s", id).isNotNull();
      assertThat(group.getName()).as("Thai name of %s", id).isEqualTo(description.get("nameTh"));
      if (Boolean.TRUE.equals(description.get("headGroup"))) {
        Group head = identityService.createGroupQuery().groupId(id + "Head").singleResult();
        assertThat(head).as("supervisor group %sHead", id).isNotNull();
        assertThat(head.getName()).as("Thai name of %sHead", id).contains((String) description.get("nameTh"));
      } else {
        assertThat(identityService.createGroupQuery().groupId(id + "Head").count())
            .as("%s is not a bureau and has no head group", id).isZero();
      }
    }
    // Admin shows a group's type as stored: Thai, also for a group seeded before with Camunda's "WORKFLOW".
    assertThat(identityService.createGroupQuery().groupId("burMeeting").singleResult().getType()).isEqualTo("หน่วยงาน");
    Group older = identityService.createGroupQuery().groupId("burLegal").singleResult();
    older.setType("WORKFLOW");
    identityService.saveGroup(older);
    seeder.seed();
    assertThat(identityService.createGroupQuery().groupId("burLegal").singleResult().getType()).isEqualTo("หน่วยงาน");
    assertThat(identityService.createGroupQuery().groupType("WORKFLOW").count()).isZero();
    // The directory the rest of the platform reads agrees with the file.
    assertThat(bureaus.allGroups()).extracting(BureauDirectory.GroupDescription::getId)
        .containsAll(configured.stream().map(g -> (String) g.get("id")).toList());
    assertThat(bureaus.headOf("burMeeting")).contains("burMeetingHead");
    assertThat(bureaus.headOf("kpiManagers")).isEmpty();
  }

  @Test
  void everyGroupHasItsDemoUserAndHeadsAreMembersOfTheirBureau() throws Exception {
    List<BureauDirectory.GroupDescription> all = bureaus.allGroups();
    List<String> configuredIds = configuredGroups().stream().map(g -> (String) g.get("id")).toList();
    assertThat(all).extracting(BureauDirectory.GroupDescription::getId).containsAll(configuredIds);
    for (BureauDirectory.GroupDescription group : all) {
      String userId = group.getId() + "User";
      assertThat(identityService.createUserQuery().userId(userId).count()).as("demo user %s", userId).isEqualTo(1);
      assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(group.getId()).count())
          .as("%s is a member of %s", userId, group.getId()).isEqualTo(1);
      assertThat(identityService.checkPassword(userId, "demo")).as("password of %s", userId).isTrue();
    }
    for (String id : configuredIds) {
      if (bureaus.headOf(id).isPresent()) {
        String headUser = id + "HeadUser";
        List<String> groups = identityService.createGroupQuery().groupMember(headUser).list().stream()
            .map(Group::getId).toList();
        assertThat(groups).as("groups of %s", headUser).contains(id + "Head", id);
      }
    }
    // An ordinary clerk is in the clerk's bureau only, not in its head group.
    assertThat(identityService.createGroupQuery().groupMember("burLegalUser").list()).extracting(Group::getId)
        .containsExactly("burLegal");
    assertThat(identityService.createUserQuery().userId("demo").memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
  }

  @Test
  void theFourThaiFiltersExist() {
    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.BUREAU_UNASSIGNED,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as("filter %s", name).isEqualTo(1);
    }
    assertThat(TasklistFilters.BUREAU_UNASSIGNED).isEqualTo("งานของสำนักที่ยังไม่มีผู้รับ");
    assertThat(TasklistFilters.OVERDUE).isEqualTo("เกินกำหนด");
  }

  @Test
  void bureauAndPersonalFiltersListTheClerksTasks() {
    clockAt(LocalDateTime.of(2026, 11, 23, 9, 0)); // a Monday, no holiday that week
    ProcessInstance instance = startPetition();
    String taskId = task(instance).getId();

    assertThat(listAs("officePresidentUser", TasklistFilters.BUREAU_UNASSIGNED)).contains(taskId);
    assertThat(listAs("officePresidentUser", TasklistFilters.MY_TASKS)).doesNotContain(taskId);
    assertThat(listAs("burLegalUser", TasklistFilters.BUREAU_UNASSIGNED)).doesNotContain(taskId);
    assertThat(listAs("burCommittee2User", TasklistFilters.BUREAU_UNASSIGNED)).doesNotContain(taskId);

    taskService.claim(taskId, "officePresidentUser");
    assertThat(listAs("officePresidentUser", TasklistFilters.MY_TASKS)).contains(taskId);
    assertThat(listAs("officePresidentUser", TasklistFilters.BUREAU_UNASSIGNED)).doesNotContain(taskId);
    assertThat(listAs("burLegalUser", TasklistFilters.MY_TASKS)).doesNotContain(taskId);
  }

  @Test
  void overdueFilterListsTheTaskOncePastItsDue() {
    clockAt(LocalDateTime.of(2026, 11, 23, 9, 0));
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    assertThat(task.getDueDate()).isNotNull();
    assertThat(listAs("officePresidentUser", TasklistFilters.OVERDUE)).doesNotContain(task.getId());

    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    assertThat(listAs("officePresidentUser", TasklistFilters.OVERDUE)).contains(task.getId());
    assertThat(listAs("burLegalUser", TasklistFilters.OVERDUE)).doesNotContain(task.getId());
    // Claimed tasks stay in the bureau's overdue list.
    taskService.claim(task.getId(), "officePresidentUser");
    assertThat(listAs("officePresidentUser", TasklistFilters.OVERDUE)).contains(task.getId());
  }

  @Test
  void dueSoonFilterCountsTwoWorkingDays() {
    // Monday 09:00: the acknowledgement (3 working days) is due Thursday 16:30.
    clockAt(LocalDateTime.of(2026, 11, 23, 9, 0));
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    Date due = task.getDueDate();
    assertThat(due.toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 26, 16, 30)));

    // Monday: two working days end Wednesday 16:30, the task is not yet "due soon".
    assertThat(listAs("officePresidentUser", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());
    // Tuesday: the task falls due on the second working day (Thursday 16:30) - due within 2 working days.
    clockAt(LocalDateTime.of(2026, 11, 24, 9, 0));
    assertThat(listAs("officePresidentUser", TasklistFilters.DUE_SOON)).contains(task.getId());
    assertThat(listAs("burLegalUser", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());
    // Wednesday: still due soon; after its due time it is overdue, no longer "due soon".
    clockAt(LocalDateTime.of(2026, 11, 25, 9, 0));
    assertThat(listAs("officePresidentUser", TasklistFilters.DUE_SOON)).contains(task.getId());
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    assertThat(listAs("officePresidentUser", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());
  }

  /** The ids of the tasks a filter lists for a user, authenticated with the user's real groups. */
  private List<String> listAs(String userId, String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      List<Task> tasks = filterService.list(filter.getId());
      return new ArrayList<>(tasks.stream().map(Task::getId).toList());
    } finally {
      identityService.clearAuthentication();
    }
  }
}
