package th.go.senate.workflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first administrator, and the rule that a platform never runs without one and never with a default:
 * <ul>
 *   <li>{@code camunda.bpm.admin-user.id} (environment {@code CAMUNDA_BPM_ADMINUSER_ID}) names the
 *       administrator; the password must come with it ({@code CAMUNDA_BPM_ADMINUSER_PASSWORD}) — Camunda's
 *       starter would otherwise quietly use the id as the password;</li>
 *   <li>the user is created once, a member of {@code camunda-admin} with every permission, under the
 *       start-up lock, so that nodes starting together create it once (the starter's own creation then
 *       finds it and does nothing);</li>
 *   <li>without a configured administrator the database must already have a member of
 *       {@code camunda-admin}; otherwise the start fails with a message that says what to set.</li>
 * </ul>
 * Runs before every other plugin's post-build step.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdministratorSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorSetup.class);

  static final String NO_ADMINISTRATOR = "ไม่ได้กำหนดผู้ดูแลระบบ: ตั้งค่า CAMUNDA_BPM_ADMINUSER_ID และ "
      + "CAMUNDA_BPM_ADMINUSER_PASSWORD ในสภาพแวดล้อม หรือมีสมาชิกกลุ่ม camunda-admin ในฐานข้อมูลอยู่แล้ว "
      + "(no administrator configured: set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD in the "
      + "environment, or keep an existing member of group camunda-admin in the database)";
  static final String NO_PASSWORD = "ต้องกำหนดรหัสผ่านผู้ดูแลระบบ CAMUNDA_BPM_ADMINUSER_PASSWORD ในสภาพแวดล้อม "
      + "(the administrator's password must be set in CAMUNDA_BPM_ADMINUSER_PASSWORD)";

  private final CamundaBpmProperties camunda;
  private final StartupLock lock;
  private final Environment environment;

  public AdministratorSetup(CamundaBpmProperties camunda, @Lazy StartupLock lock, Environment environment) {
    this.camunda = camunda;
    this.lock = lock;
    this.environment = environment;
  }

  static final String NO_DIRECTORY_ADMINISTRATOR = "ไม่มีผู้ดูแลระบบในไดเรกทอรี: เพิ่มบัญชีผู้ดูแลเป็นสมาชิกกลุ่ม camunda-admin "
      + "ในไดเรกทอรี (LDAP) (no administrator in the directory: make an account a member of the directory group "
      + "mapped to camunda-admin)";
  static final String ADMINISTRATOR_FROM_DIRECTORY = "ใช้ไดเรกทอรี (LDAP) อยู่ ผู้ดูแลระบบมาจากกลุ่ม camunda-admin ในไดเรกทอรี "
      + "ให้ยกเลิก CAMUNDA_BPM_ADMINUSER_ID (with a directory the administrators are the directory's camunda-admin "
      + "group: unset CAMUNDA_BPM_ADMINUSER_ID)";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (engine.getIdentityService().isReadOnly()) {
      // The directory's accounts (ldap profile): no user, group or membership is created here.
      if (camunda.getAdminUser() != null && camunda.getAdminUser().getId() != null
          && !camunda.getAdminUser().getId().isBlank()) {
        throw new IllegalStateException(ADMINISTRATOR_FROM_DIRECTORY);
      }
      lock.run(() -> grantAdministrators(engine.getAuthorizationService()));
      // The group first: the LDAP plugin answers "members of" a group it cannot find with members of other groups.
      IdentityService identity = engine.getIdentityService();
      if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0
          || identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        throw new IllegalStateException(NO_DIRECTORY_ADMINISTRATOR);
      }
      return;
    }
    AdminUserProperty admin = camunda.getAdminUser();
    String id = admin == null ? null : admin.getId();
    if (id != null && !id.isBlank()) {
      // The starter fills a missing password with the id; only an explicitly set one counts.
      String password = environment.getProperty("camunda.bpm.admin-user.password");
      if (password == null || password.isBlank()) {
        throw new IllegalStateException(NO_PASSWORD);
      }
      lock.run(() -> ensureAdministrator(engine, id, password, admin));
    }
    long administrators = engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count();
    if (administrators == 0) {
      throw new IllegalStateException(NO_ADMINISTRATOR);
    }
  }

  private static void ensureAdministrator(ProcessEngine engine, String id, String password, AdminUserProperty admin) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("ผู้ดูแลระบบ");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    grantAdministrators(authorizations);
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      user.setFirstName(admin.getFirstName() != null ? admin.getFirstName() : "ผู้ดูแลระบบ");
      user.setLastName(admin.getLastName() != null ? admin.getLastName() : id);
      user.setEmail(admin.getEmail() != null ? admin.getEmail() : id + "@localhost");
      identity.saveUser(user);
      LOG.info("Administrator {} created (member of camunda-admin)", id);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(id, Groups.CAMUNDA_ADMIN);
    }
  }

  /** Every permission on every resource for group camunda-admin. */
  private static void grantAdministrators(AuthorizationService authorizations) {
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
          .resourceId(ANY).count() == 0) {
        Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }
}
