/** The data source plugin family: generators and readers that produce in-memory examples. */
package io.trainscope.api.data;
