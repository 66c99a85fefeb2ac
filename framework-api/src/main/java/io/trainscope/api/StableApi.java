package io.trainscope.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of the plugin SPI that plugin authors may rely on: it changes only in a
 * backwards-compatible way (new default methods, new context accessors) within a major version.
 *
 * <p>Types in packages named {@code internal} and types without this annotation are
 * implementation details and may change at any time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StableApi {
    /** The trainscope version in which the type became stable. */
    String since();
}
