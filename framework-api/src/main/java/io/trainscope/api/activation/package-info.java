/** The activation plugin family: element-wise functions, their derivatives, flat regions and learnable slopes. */
package io.trainscope.api.activation;
