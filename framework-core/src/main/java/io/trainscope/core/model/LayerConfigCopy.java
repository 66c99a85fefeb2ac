package io.trainscope.core.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies every instance field of a built DL4J layer configuration into an instance of a subclass,
 * so that trainscope's layer subclasses keep everything DL4J's builder set (defaults included)
 * without re-declaring the builder.
 */
final class LayerConfigCopy {

    private LayerConfigCopy() {
    }

    /**
     * Copies the fields {@code built}'s class and its superclasses declare into {@code target}.
     *
     * @param built  a configuration built by DL4J's builder
     * @param target a fresh instance of a subclass of {@code built}'s class
     * @return {@code target}
     */
    static <T> T copy(Object built, T target) {
        if (!built.getClass().isInstance(target)) {
            throw new IllegalArgumentException(target.getClass() + " is not a " + built.getClass());
        }
        for (Class<?> c = built.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(target, f.get(built));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy DL4J layer field " + f, e);
                }
            }
        }
        return target;
    }
}
