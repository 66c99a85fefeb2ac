/**
 * Implementation details of the data sources: file opening with gzip sniffing, the IDX and CSV
 * readers, and small helpers. Not part of the stable API; may change at any time.
 */
package io.trainscope.plugins.data.internal;
