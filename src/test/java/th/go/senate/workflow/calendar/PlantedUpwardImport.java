package th.go.senate.workflow.calendar;

import th.go.senate.workflow.engine.CaseStart;

/**
 * Not part of the platform: a deliberately wrong class for ArchitectureTest, which must report that the calendar
 * (the bottom of the layers) uses the engine wiring (the top). It lives with the tests so the main code stays clean.
 */
public final class PlantedUpwardImport {

  private PlantedUpwardImport() {
  }

  static String refusalOfACallersKey() {
    return CaseStart.class.getName();
  }
}
