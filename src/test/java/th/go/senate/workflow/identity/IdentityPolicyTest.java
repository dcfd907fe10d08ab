package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 18 §4: who may do what is identity/bureaus.yaml's, read from {@link BureauDirectory} wherever it is
 * checked. The shared directory bean is re-bound from properties here (as an operator's override would set them)
 * and put back after each test; the permission checks of the platform's API follow it at once. Also: a
 * description naming a group it does not define is refused, and with a read-only identity provider the seeding
 * writes no group or user and still seeds the authorizations.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityPolicyTest extends PlatformTest {

  private static final String ADMIN = "demo";
  /** Never a day of other tests: added and removed here. */
  private static final String HOLIDAY = "2035-06-12";
  private static final String PROBE = "grpReadOnlyProbe";

  @Autowired BureauDirectory bureaus;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired StartupLock startupLock;

  private final Map<String, Object> saved = new LinkedHashMap<>();

  /**
   * Re-binds the shared description from properties, keeping what it had to put back afterwards. The binder
   * changes lists, maps and nested objects in place, so it works on copies.
   */
  private void override(Map<String, String> properties) {
    if (saved.isEmpty()) {
      saved.put("monitoring", bureaus.getMonitoring());
      saved.put("protected", bureaus.getProtectedProcesses());
      saved.put("rights", bureaus.getRights());
      bureaus.setMonitoring(new ArrayList<>(bureaus.getMonitoring()));
      Map<String, List<String>> handlers = new LinkedHashMap<>();
      bureaus.getProtectedProcesses().forEach((process, groups) -> handlers.put(process, new ArrayList<>(groups)));
      bureaus.setProtectedProcesses(handlers);
      BureauDirectory.Rights rights = new BureauDirectory.Rights();
      rights.setCalendar(new ArrayList<>(bureaus.getRights().getCalendar()));
      rights.setKpiTargets(new ArrayList<>(bureaus.getRights().getKpiTargets()));
      rights.setQuestionRegister(new ArrayList<>(bureaus.getRights().getQuestionRegister()));
      rights.setIntegrityIntake(new ArrayList<>(bureaus.getRights().getIntegrityIntake()));
      bureaus.setRights(rights);
    }
    new Binder(new MapConfigurationPropertySource(properties)).bind("senate.identity", Bindable.ofInstance(bureaus));
  }

  @AfterEach
  @SuppressWarnings("unchecked")
  void restoreDescriptionAndCalendar() {
    if (!saved.isEmpty()) {
      bureaus.setMonitoring((List<String>) saved.get("monitoring"));
      bureaus.setProtectedProcesses((Map<String, List<String>>) saved.get("protected"));
      bureaus.setRights((BureauDirectory.Rights) saved.get("rights"));
      saved.clear();
    }
    ApiClient.send(port, "DELETE", "/api/calendar/holidays/" + HOLIDAY, ADMIN, null);
    authorizationService.createAuthorizationQuery().groupIdIn(PROBE, PROBE + "Head").list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  @Test
  void thePolicyIsTheFilesAndNamesOnlyItsOwnGroups() throws Exception {
    Map<String, Object> file = identitySection();
    assertThat(bureaus.getMonitoring()).isEqualTo(file.get("monitoring")).containsExactly("kpiManagers", "sgOffice");
    assertThat(bureaus.getProtectedProcesses()).isEqualTo(file.get("protected-processes"));
    assertThat(bureaus.handlersOf("integrityCase")).containsExactly("grpInternalAudit", "sgOffice");
    assertThat(bureaus.handlersOf("petition")).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> rights = (Map<String, Object>) file.get("rights");
    assertThat(bureaus.getRights().getCalendar()).isEqualTo(rights.get("calendar")).containsExactly("kpiManagers");
    assertThat(bureaus.getRights().getKpiTargets()).isEqualTo(rights.get("kpi-targets"))
        .containsExactly("kpiManagers", "burPolicyPlan");
    assertThat(bureaus.getRights().getQuestionRegister()).isEqualTo(rights.get("question-register"))
        .contains("burMeetingHead", "sgOffice");
    assertThat(bureaus.getRights().getIntegrityIntake()).isEqualTo(rights.get("integrity-intake"))
        .containsExactly("grpInternalAudit", "burCentralAdmin");
    bureaus.check();
  }

  @Test
  void aDescriptionNamingAGroupItDoesNotDefineIsRefused() {
    BureauDirectory description = new BureauDirectory();
    new Binder(new MapConfigurationPropertySource(Map.of(
        "senate.identity.groups[0].id", "burExample", "senate.identity.groups[0].head-group", "true",
        "senate.identity.groups[0].name-th", "สำนักตัวอย่าง", "senate.identity.monitoring[0]", "burExampleHead",
        "senate.identity.rights.calendar[0]", "burExample")))
        .bind("senate.identity", Bindable.ofInstance(description));
    assertThat(description.getGroups().get(0).hasHeadGroup()).isTrue();
    assertThat(description.headOf("burExample")).contains("burExampleHead");
    description.check(); // a head group is a group of the description too

    description.getRights().setCalendar(List.of("burExample", "burTypo"));
    description.getProtectedProcesses().put("integrityCase", List.of("grpAudit"));
    assertThatThrownBy(description::check).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ไม่มีในรายการ groups")
        .hasMessageContaining("rights.calendar: burTypo")
        .hasMessageContaining("protected-processes.integrityCase: grpAudit")
        .hasMessageNotContaining("burExampleHead");
  }

  /** What docs/operator-guide-identity.md tells an operator about overriding from the environment. */
  @Test
  void anEnvironmentVariableReplacesAListWholeButCannotNameAProcessKey() {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addLast(new SystemEnvironmentPropertySource("env", Map.of(
        "SENATE_IDENTITY_RIGHTS_CALENDAR", "kpiManagers,burIt",
        "SENATE_IDENTITY_PROTECTEDPROCESSES_INTEGRITYCASE", "burLegal")));
    sources.addLast(new MapPropertySource("file", Map.of("senate.identity.rights.calendar[0]", "sgOffice",
        "senate.identity.rights.calendar[1]", "burMeeting", "senate.identity.rights.kpi-targets[0]", "burPolicyPlan")));
    BureauDirectory description = new Binder(ConfigurationPropertySources.from(sources))
        .bind("senate.identity", BureauDirectory.class).get();
    assertThat(description.getRights().getCalendar()).containsExactly("kpiManagers", "burIt");
    assertThat(description.getRights().getKpiTargets()).containsExactly("burPolicyPlan");
    // No entry for integrityCase (an environment variable's name has no case): hence SPRING_APPLICATION_JSON.
    assertThat(description.getProtectedProcesses()).doesNotContainKey("integrityCase");
  }

  @Test
  void theCalendarMaintainersAreTheDescriptions() {
    String holiday = "{\"date\":\"" + HOLIDAY + "\",\"nameTh\":\"วันหยุดทดสอบ\"}";
    assertThat(post("/api/calendar/holidays", "burItUser", holiday).status()).isEqualTo(403);
    assertThat(post("/api/calendar/holidays", "kpiManagersUser", holiday).status()).isEqualTo(201);
    assertThat(ApiClient.send(port, "DELETE", "/api/calendar/holidays/" + HOLIDAY, "kpiManagersUser", null).status())
        .isEqualTo(204);

    override(Map.of("senate.identity.rights.calendar[0]", "burIt"));
    assertThat(bureaus.getRights().getCalendar()).containsExactly("burIt");
    // The former maintainers are refused, with a Thai message; the new ones and administrators are accepted.
    Reply refused = post("/api/calendar/holidays", "kpiManagersUser", holiday);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).contains("ไม่มีสิทธิ์");
    assertThat(post("/api/calendar/holidays", "officePresidentUser", holiday).status()).isEqualTo(403);
    assertThat(post("/api/calendar/holidays", "burItUser", holiday).status()).isEqualTo(201);
    assertThat(ApiClient.send(port, "DELETE", "/api/calendar/holidays/" + HOLIDAY, "kpiManagersUser", null).status())
        .isEqualTo(403);
    assertThat(ApiClient.send(port, "DELETE", "/api/calendar/holidays/" + HOLIDAY, ADMIN, null).status())
        .isEqualTo(204);
    // Reading stays open to everyone signed in.
    assertThat(ApiClient.send(port, "GET", "/api/calendar/holidays", "kpiManagersUser", null).status()).isEqualTo(200);
  }

  @Test
  void theMonitoringGroupsAreTheDescriptions() {
    String summary = "/api/kpi/summary?processKey=petition";
    String report = "/api/kpi/report";
    assertThat(get(summary, "kpiManagersUser").status()).isEqualTo(200);
    assertThat(get(summary, "burItUser").status()).isEqualTo(403);
    assertThat(get(report, "burItUser").status()).isEqualTo(403);

    override(Map.of("senate.identity.monitoring[0]", "burIt"));
    assertThat(get(summary, "burItUser").status()).isEqualTo(200);
    assertThat(get(report, "burItUser").status()).isEqualTo(200);
    Reply refused = get(report, "kpiManagersUser");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).contains("ไม่มีสิทธิ์").contains(bureaus.namesTh(List.of("burIt")));
    assertThat(get(summary, "sgOfficeUser").status()).isEqualTo(403);
    assertThat(get(summary, ADMIN).status()).isEqualTo(200);
  }

  @Test
  void theIntegrityHandlersAndIntakeAreTheDescriptions() {
    String complainant = "/api/integrity-cases/INT-2570-99998/complainant";
    // Handlers reach the store (no such case: 404); everyone else is refused before it, administrators too.
    assertThat(get(complainant, "grpInternalAuditUser").status()).isEqualTo(404);
    assertThat(get(complainant, "burLegalUser").status()).isEqualTo(403);
    assertThat(get(complainant, ADMIN).status()).isEqualTo(403);
    assertThat(post("/api/integrity-cases", "burLegalUser", "{}").status()).isEqualTo(403);
    assertThat(post("/api/integrity-cases", "burCentralAdminUser", "{}").status()).isEqualTo(400);

    override(Map.of("senate.identity.protected-processes.integrityCase[0]", "burLegal",
        "senate.identity.rights.integrity-intake[0]", "burLegal"));
    assertThat(get(complainant, "burLegalUser").status()).isEqualTo(404);
    Reply refused = get(complainant, "grpInternalAuditUser");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).contains(bureaus.namesTh(List.of("burLegal"))).contains("การเรียกดูครั้งนี้ได้รับการบันทึกแล้ว");
    assertThat(get(complainant, "sgOfficeUser").status()).isEqualTo(403);
    // Intake: the bad body is the new intake group's 400, the former group's refusal a 403.
    assertThat(post("/api/integrity-cases", "burLegalUser", "{}").status()).isEqualTo(400);
    assertThat(post("/api/integrity-cases", "burCentralAdminUser", "{}").status()).isEqualTo(403);
  }

  @Test
  void theKpiTargetMaintainersAndQuestionReadersAreTheDescriptions() {
    assertThat(post("/api/kpi/targets", "burItUser", "{}").status()).isEqualTo(403);
    assertThat(post("/api/kpi/targets", "burPolicyPlanUser", "{}").status()).isEqualTo(400);
    assertThat(get("/api/questions", "burItUser").status()).isEqualTo(403);
    assertThat(get("/api/questions", "burLegalHeadUser").status()).isEqualTo(200);

    override(Map.of("senate.identity.rights.kpi-targets[0]", "burIt",
        "senate.identity.rights.question-register[0]", "burIt"));
    assertThat(post("/api/kpi/targets", "burItUser", "{}").status()).isEqualTo(400);
    assertThat(post("/api/kpi/targets", "burPolicyPlanUser", "{}").status()).isEqualTo(403);
    assertThat(get("/api/questions", "burItUser").status()).isEqualTo(200);
    assertThat(get("/api/questions", "burLegalHeadUser").status()).isEqualTo(403);
  }

  @Test
  void withAReadOnlyIdentityProviderOnlyAuthorizationsAreSeeded(CapturedOutput log) {
    BureauDirectory description = new BureauDirectory();
    description.setGroups(List.of(new BureauDirectory.GroupDescription(PROBE, true, "กลุ่มทดสอบ", "Probe group")));
    description.setStarters(Map.of("petition", List.of(PROBE)));
    DemoProperties demo = new DemoProperties();
    demo.setEnabled(true);
    demo.setPassword("demo");
    List<String> writes = new ArrayList<>();
    IdentitySeeder seeder = new IdentitySeeder(readOnly(identityService, writes), authorizationService, description,
        demo, repositoryService, startupLock);

    seeder.seed();

    assertThat(writes).as("writes attempted on the read-only identity provider").isEmpty();
    assertThat(identityService.createGroupQuery().groupIdIn(PROBE, PROBE + "Head").count()).isZero();
    assertThat(identityService.createUserQuery().userIdIn(PROBE + "User", PROBE + "HeadUser").count()).isZero();
    Authorization tasklist = authorizationService.createAuthorizationQuery().groupIdIn(PROBE + "Head")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
    assertThat(tasklist).isNotNull();
    assertThat(tasklist.isPermissionGranted(Permissions.ACCESS)).isTrue();
    Authorization start = authorizationService.createAuthorizationQuery().groupIdIn(PROBE)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("petition").singleResult();
    assertThat(start).isNotNull();
    assertThat(log.getOut()).contains("Identity provider is read-only (directory): seeding of groups, users and"
        + " demo users skipped; authorizations of the 2 groups of bureaus.yaml seeded");
    assertThat(log.getOut()).containsPattern("Groups not in the directory.*" + PROBE);
  }

  /**
   * Camunda's identity service over a provider that refuses writes, as the LDAP plugin's does: reads go to the
   * real one; any method that would write a user, group, membership or tenant is recorded and refused.
   */
  private static IdentityService readOnly(IdentityService real, List<String> writes) {
    Set<String> writing = Set.of("newUser", "saveUser", "deleteUser", "newGroup", "saveGroup", "deleteGroup",
        "createMembership", "deleteMembership", "newTenant", "saveTenant", "deleteTenant", "createTenantUserMembership",
        "createTenantGroupMembership", "deleteTenantUserMembership", "deleteTenantGroupMembership", "unlockUser");
    return (IdentityService) Proxy.newProxyInstance(IdentityService.class.getClassLoader(),
        new Class<?>[] {IdentityService.class}, (proxy, method, args) -> {
          if (method.getName().equals("isReadOnly")) {
            return true;
          }
          if (writing.contains(method.getName())) {
            writes.add(method.getName());
            throw new UnsupportedOperationException("read-only identity provider: " + method.getName());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> identitySection() throws Exception {
    try (InputStream in = new ClassPathResource("identity/bureaus.yaml").getInputStream()) {
      Map<String, Object> root = new Yaml().load(in);
      return (Map<String, Object>) ((Map<String, Object>) root.get("senate")).get("identity");
    }
  }

  private Reply get(String path, String user) {
    return ApiClient.send(port, "GET", path, user, null);
  }

  private Reply post(String path, String user, String body) {
    return ApiClient.send(port, "POST", path, user, body);
  }
}
