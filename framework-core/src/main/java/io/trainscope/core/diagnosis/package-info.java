/**
 * {@code trainscope diagnose}: a short probe of an experiment (its initialization and a few
 * iterations, watched by the monitors the diagnosis needs), rules that name each pathology from
 * what the probe measured, a ranking that picks one root cause and the findings it explains, and
 * prescriptions as config changes that {@link io.trainscope.core.diagnosis.Cure} applies and checks.
 * The rules and their thresholds are documented in {@code docs/diagnosis.md}.
 */
package io.trainscope.core.diagnosis;
