package th.go.senate.workflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;

/**
 * Seeds Camunda's identity from the one description of the bureaus, at every start and idempotently:
 * groups (with Thai names), the authorizations that let a bureau see and work only its own tasks, and,
 * in the demo profile only, one user per group. With a read-only identity provider (a directory) only the
 * authorizations are seeded.
 *
 * <p>Task visibility itself is Camunda's: a candidate group receives READ and TASK_WORK on each task it is
 * a candidate for, so with authorization on a clerk sees exactly the tasks of the clerk's groups. Handing a
 * task back and reassigning it need TASK_ASSIGN, granted here on every definition's tasks and ruled by
 * {@link TaskHandOver} (who may, to whom, and nothing else TASK_ASSIGN would allow).
 */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  /** The type of every group the identity policy seeds, as Admin shows it. */
  static final String UNIT_GROUP_TYPE = "หน่วยงาน";

  public static final String DEMO_USER_SUFFIX = "User";
  static final String READ_ONLY_SEEDING = "Identity provider is read-only (directory): seeding of groups, users and"
      + " demo users skipped; authorizations of the {} groups of bureaus.yaml seeded";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final BureauDirectory bureaus;
  private final DemoProperties demo;
  private final RepositoryService repositoryService;
  private final StartupLock lock;

  public IdentitySeeder(IdentityService identityService, AuthorizationService authorizationService,
      BureauDirectory bureaus, DemoProperties demo, RepositoryService repositoryService, StartupLock lock) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.bureaus = bureaus;
    this.demo = demo;
    this.lock = lock;
  }

  /** Under the start-up lock: nodes starting together on one database seed once, without unique-key failures. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void seed() {
    lock.run(this::seedUnlocked);
  }

  private void seedUnlocked() {
    // A read-only identity provider (the directory of the ldap profile) owns the groups, users and memberships:
    // as Camunda's own demo data generator does, nothing is written to it; authorizations are still seeded.
    boolean directory = identityService.isReadOnly();
    if (directory) {
      LOG.info(READ_ONLY_SEEDING, bureaus.allGroups().size());
    }
    List<String> notInDirectory = new ArrayList<>();
    for (GroupDescription description : bureaus.allGroups()) {
      if (!directory) {
        ensureGroup(description);
      } else if (identityService.createGroupQuery().groupId(description.getId()).count() == 0) {
        notInDirectory.add(description.getId());
      }
      grant(description.getId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Tasklist shows a task's process (name, diagram) and resolves "start by key" only with READ on the
      // definition; READ alone opens no instance, history or start (those need READ_INSTANCE, CREATE_INSTANCE).
      grant(description.getId(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      // Unclaim and assign in Tasklist ask for TASK_ASSIGN: granted wide, one row per group, and the rule of who
      // may give a task to whom is TaskHandOver's, on every task's assignment (never UPDATE: the due date).
      grant(description.getId(), Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.TASK_ASSIGN);
    }
    Map<String, List<String>> protectedProcesses = bureaus.getProtectedProcesses();
    for (String group : bureaus.getMonitoring()) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      if (protectedProcesses.values().stream().allMatch(handlers -> handlers.contains(group))) {
        grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      } else {
        // Every process but the protected ones: one grant per deployed process key, no wildcard.
        narrowWildcardReads(group);
        for (String processKey : deployedProcessKeys()) {
          if (!protectedProcesses.containsKey(processKey)) {
            grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
          }
        }
      }
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    for (Map.Entry<String, List<String>> protectedProcess : protectedProcesses.entrySet()) {
      for (String group : protectedProcess.getValue()) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, protectedProcess.getKey(), Permissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK);
      }
    }
    for (Map.Entry<String, List<String>> starters : bureaus.getStarters().entrySet()) {
      for (String group : starters.getValue()) {
        grant(group, Resources.PROCESS_DEFINITION, starters.getKey(), Permissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
    // Everyone reads the shared Tasklist filters; what a filter lists is still limited by task rights.
    grantGlobal(Resources.FILTER, "*", Permissions.READ);
    if (!notInDirectory.isEmpty()) {
      // Group mapping not (yet) set up in the directory for these: no one can work their tasks.
      LOG.warn("Groups not in the directory, their tasks have no one to work them: {}", notInDirectory);
    }
    if (demo.isEnabled() && !directory) {
      seedDemoUsers();
    }
  }

  private void seedDemoUsers() {
    if (demo.getPassword() == null || demo.getPassword().isBlank()) {
      throw new IllegalStateException("senate.demo.password must be set when demo data is enabled");
    }
    for (GroupDescription group : bureaus.allGroups()) {
      String userId = group.getId() + DEMO_USER_SUFFIX;
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        User user = identityService.newUser(userId);
        user.setFirstName("ผู้ใช้ทดลอง");
        user.setLastName(group.getNameTh());
        user.setEmail(userId + "@demo.invalid");
        user.setPassword(demo.getPassword());
        identityService.saveUser(user);
        identityService.createMembership(userId, group.getId());
        // A bureau director is a member of the bureau too: the director sees the bureau's work.
        if (group.getId().endsWith(BureauDirectory.HEAD_SUFFIX)) {
          identityService.createMembership(userId,
              group.getId().substring(0, group.getId().length() - BureauDirectory.HEAD_SUFFIX.length()));
        }
      }
    }
    LOG.info("Demo users seeded: <groupId>User for {} groups (demo profile)", bureaus.allGroups().size());
  }

  private List<String> deployedProcessKeys() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).distinct().toList();
  }

  /** Takes instance, history and task reads off a group's wildcard grants (databases seeded before). */
  private void narrowWildcardReads(String groupId) {
    Authorization definitions = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    if (definitions != null && (definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)
        || definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)
        || definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK))) {
      definitions.removePermission(ProcessDefinitionPermissions.READ_INSTANCE);
      definitions.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
      definitions.removePermission(ProcessDefinitionPermissions.READ_TASK);
      authorizationService.saveAuthorization(definitions);
    }
    Authorization instances = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE).resourceId("*").singleResult();
    if (instances != null) {
      authorizationService.deleteAuthorization(instances.getId());
    }
  }

  /**
   * Admin shows a group's type as it is stored, so the type is a Thai word: หน่วยงาน (a unit that takes work).
   * Groups seeded before carry Camunda's conventional "WORKFLOW" and are given the Thai type.
   */
  private void ensureGroup(GroupDescription description) {
    Group existing = identityService.createGroupQuery().groupId(description.getId()).singleResult();
    if (existing == null) {
      Group group = identityService.newGroup(description.getId());
      group.setName(description.getNameTh());
      group.setType(UNIT_GROUP_TYPE);
      identityService.saveGroup(group);
    } else if ("WORKFLOW".equals(existing.getType())) {
      existing.setType(UNIT_GROUP_TYPE);
      identityService.saveGroup(existing);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void grantGlobal(Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
