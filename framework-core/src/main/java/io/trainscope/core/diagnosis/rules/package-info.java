/**
 * The diagnosis rules, one class per pathology, each with its thresholds as named constants and
 * the reasoning (or literature value) behind them; {@code docs/diagnosis.md} tabulates them.
 */
package io.trainscope.core.diagnosis.rules;
