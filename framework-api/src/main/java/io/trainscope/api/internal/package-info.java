/** Helpers shared by the API and the core; not part of the stable API and may change at any time. */
package io.trainscope.api.internal;
