package th.go.senate.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import th.go.senate.workflow.calendar.PlantedUpwardImport;

/**
 * The layers of docs/architecture.md, checked on the compiled main classes: a package may use the packages of its
 * own layer and of the layers below, never one above; no two packages depend on each other in a loop; no process
 * package knows another; and every package has a room, so a new package cannot slip past the rule.
 */
class ArchitectureTest {

  private static final String ROOT = "th.go.senate.workflow";

  /** Bottom first; each layer may use itself and the layers before it. */
  static final Map<String, String[]> LAYERS = layers(
      "Foundation", new String[] {ROOT + ".web..", ROOT + ".decision..", ROOT + ".secrets.."},
      "Directory", new String[] {ROOT + ".identity.."},
      "Calendar", new String[] {ROOT + ".calendar.."},
      "Case input", new String[] {ROOT + ".form..", ROOT + ".reference.."},
      "Notices", new String[] {ROOT + ".notice.."},
      "Kpi", new String[] {ROOT + ".kpi.."},
      "Sla", new String[] {ROOT + ".sla.."},
      "Processes", new String[] {ROOT + ".process.."},
      "Adapters", new String[] {ROOT + ".tracking..", ROOT + ".monitoring..", ROOT + ".tasklist.."},
      "Wiring", new String[] {ROOT, ROOT + ".engine..", ROOT + ".demo.."});

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void everyPackageUsesOnlyItsOwnLayerAndTheLayersBelow() {
    layered().check(MAIN);
  }

  @Test
  void noTwoPackagesDependOnEachOtherInALoop() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachProcessPackageStandsAlone() {
    slices().matching(ROOT + ".process.(*)..").should().notDependOnEachOther().allowEmptyShould(true).check(MAIN);
  }

  @Test
  void everyPackageHasARoomInTheLayers() {
    classes().should().resideInAnyPackage(LAYERS.values().stream().flatMap(Arrays::stream).toArray(String[]::new))
        .check(MAIN);
  }

  /**
   * The rule has teeth: a calendar class (bottom) that uses the engine wiring (top), compiled with the tests so
   * that the main code stays clean, is reported by name.
   */
  @Test
  void anUpwardImportIsReported() {
    JavaClasses planted = new ClassFileImporter().importClasses(PlantedUpwardImport.class);
    EvaluationResult result = layered().evaluate(planted);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains(PlantedUpwardImport.class.getName())
            .contains("th.go.senate.workflow.engine.CaseStart"));
  }

  private static LayeredArchitecture layered() {
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
      architecture = architecture.layer(layer.getKey()).definedBy(layer.getValue());
    }
    List<String> below = new ArrayList<>();
    for (String layer : LAYERS.keySet()) {
      architecture = below.isEmpty() ? architecture.whereLayer(layer).mayNotAccessAnyLayer()
          : architecture.whereLayer(layer).mayOnlyAccessLayers(below.toArray(String[]::new));
      below.add(layer);
    }
    return architecture;
  }

  private static Map<String, String[]> layers(Object... nameThenPackages) {
    Map<String, String[]> layers = new LinkedHashMap<>();
    for (int i = 0; i < nameThenPackages.length; i += 2) {
      layers.put((String) nameThenPackages[i], (String[]) nameThenPackages[i + 1]);
    }
    return layers;
  }
}
