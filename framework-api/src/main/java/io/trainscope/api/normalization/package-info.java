/** The normalizer plugin family: normalization layers inside the network and input transforms. */
package io.trainscope.api.normalization;
