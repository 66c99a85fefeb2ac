/** The activation plugin family: element-wise functions and their derivatives. */
package io.trainscope.api.activation;
