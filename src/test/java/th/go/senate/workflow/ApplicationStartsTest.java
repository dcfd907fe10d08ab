package th.go.senate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.support.PlatformTest;

class ApplicationStartsTest extends PlatformTest {

  @Test
  void petitionStartsWithReferenceNumberAndFirstTaskDue() {
    var instance = startPetition();
    assertThat(instance.getBusinessKey()).matches("PET-25\\d\\d-\\d{5}");
    var task = task(instance);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgePetition");
    assertThat(task.getDueDate()).isNotNull();
    assertThat(slaTimer(instance)).isNotNull();
  }
}
