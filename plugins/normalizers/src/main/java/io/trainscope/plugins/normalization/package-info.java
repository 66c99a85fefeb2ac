/**
 * The standard normalizers: {@code batchnorm} (a DL4J BatchNormalization layer in every hidden
 * layer) and {@code standardize} (inputs standardized with training-split statistics).
 */
package io.trainscope.plugins.normalization;
