/** The initializer plugin family: how weight tensors are filled at network creation. */
package io.trainscope.api.init;
