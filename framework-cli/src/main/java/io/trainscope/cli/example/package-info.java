/**
 * {@code trainscope example}: finds the runnable examples the examples jar lists and runs one.
 */
package io.trainscope.cli.example;
