package th.go.senate.workflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PlatformTest;

/**
 * The cached rows of a decision table: a row once read is answered from the cache, and a redeployed table
 * applies at once, because the cache is keyed by the deployed version (nothing has to be cleared).
 */
class DecisionTablesTest extends PlatformTest {

  private static final String KEY = "decisionTablesCacheProbe";

  @Autowired DecisionTables decisionTables;
  @Autowired RepositoryService repositoryService;

  private void deploy(String answer) {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%1$s" name="probe"
            namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%1$s" name="probe" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_%1$s" hitPolicy="UNIQUE">
              <input id="Input_Kind"><inputExpression id="InputExpression_Kind" typeRef="string"><text>kind</text></inputExpression></input>
              <output id="Output_Answer" name="answer" typeRef="string" />
              <rule id="Rule_Any">
                <inputEntry id="UnaryTests_Any"><text>"A"</text></inputEntry>
                <outputEntry id="LiteralExpression_Answer"><text>"%2$s"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(KEY, answer);
    repositoryService.createDeployment().name(KEY).addString(KEY + ".dmn", dmn).deploy();
  }

  @Test
  void aRedeployedTableAppliesAtOnceAndAnUnmatchedRowIsNull() {
    deploy("first");
    assertThat(decisionTables.singleRow(KEY, Map.of("kind", "A")).<String>getEntry("answer")).isEqualTo("first");
    assertThat(decisionTables.singleRow(KEY, Map.of("kind", "A")).<String>getEntry("answer")).isEqualTo("first");
    assertThat(decisionTables.singleRow(KEY, Map.of("kind", "B"))).isNull();

    deploy("second");

    assertThat(decisionTables.singleRow(KEY, Map.of("kind", "A")).<String>getEntry("answer")).isEqualTo("second");
    assertThat(decisionTables.singleRow(KEY, Map.of("kind", "B"))).isNull();
  }
}
