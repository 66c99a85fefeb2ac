/**
 * The standard weight initializers: {@code normal}, {@code uniform}, {@code zeros},
 * {@code xavier-normal}, {@code xavier-uniform}, {@code he-normal}, {@code he-uniform},
 * {@code lecun-normal} and {@code torch-default}. Each class's Javadoc states the distribution
 * it draws from; the tests check sample moments against exactly that formula.
 */
package io.trainscope.plugins.init;
