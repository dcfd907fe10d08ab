package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PlatformTest;

/**
 * The one way the platform acts as itself: inside it a caller's authorizations do not filter what the engine
 * returns, outside it they do again, inside a command as outside one, and the caller is back afterwards even
 * when the work fails.
 */
class SystemAuthorityTest extends PlatformTest {

  /** A user of a bureau that has no part in petitions: the engine shows them none of a petition's tasks. */
  private static final String OUTSIDER = "systemAuthorityOutsider";
  private static final List<String> OUTSIDER_GROUPS = List.of("burMeeting");

  @Autowired SystemAuthority systemAuthority;

  @AfterEach
  void nobodyLoggedIn() {
    identityService.clearAuthentication();
  }

  private long tasksOf(ProcessInstance petition) {
    return taskService.createTaskQuery().processInstanceId(petition.getId()).count();
  }

  @Test
  void thePlatformSeesWhatTheCallerMayNotAndTheCallerIsBackAfterwards() {
    ProcessInstance petition = startPetition();
    identityService.setAuthentication(OUTSIDER, OUTSIDER_GROUPS);
    assertThat(tasksOf(petition)).isZero();

    assertThat(systemAuthority.call(() -> tasksOf(petition))).isEqualTo(1);

    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(OUTSIDER);
    assertThat(identityService.getCurrentAuthentication().getGroupIds()).isEqualTo(OUTSIDER_GROUPS);
    assertThat(tasksOf(petition)).isZero();
  }

  @Test
  void insideACommandTheEngineChecksNoAuthorizationEither() {
    ProcessInstance petition = startPetition();
    identityService.setAuthentication(OUTSIDER, OUTSIDER_GROUPS);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    long asCaller = configuration.getCommandExecutorTxRequired().execute(context -> tasksOf(petition));
    long asPlatform = configuration.getCommandExecutorTxRequired()
        .execute(context -> systemAuthority.call(() -> tasksOf(petition)));

    assertThat(asCaller).isZero();
    assertThat(asPlatform).isEqualTo(1);
    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(OUTSIDER);
  }

  @Test
  void theCallerIsBackWhenTheWorkFails() {
    identityService.setAuthentication(OUTSIDER, OUTSIDER_GROUPS);

    assertThatThrownBy(() -> systemAuthority.run(() -> {
      assertThat(identityService.getCurrentAuthentication()).isNull();
      throw new IllegalStateException("failed as the platform");
    })).isInstanceOf(IllegalStateException.class).hasMessage("failed as the platform");

    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(OUTSIDER);
  }

  @Test
  void withNobodyLoggedInNobodyIsLoggedInAfterwards() {
    ProcessInstance petition = startPetition();

    assertThat(systemAuthority.call(() -> tasksOf(petition))).isEqualTo(1);

    assertThat(identityService.getCurrentAuthentication()).isNull();
  }
}
