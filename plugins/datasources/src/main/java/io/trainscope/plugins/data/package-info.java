/**
 * The standard data sources: the generators {@code gaussian-classification} and
 * {@code polynomial-regression}, the readers {@code idx} and {@code csv}, and the built-in
 * {@code iris} data set. Generators draw from a {@link java.util.SplittableRandom} seeded with
 * the run's data seed (or their {@code seed} parameter), never from ND4J's global RNG, so one
 * seed gives one data set. See {@code docs/data-sources.md}.
 */
package io.trainscope.plugins.data;
