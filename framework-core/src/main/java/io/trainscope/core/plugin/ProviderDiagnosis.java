package io.trainscope.core.plugin;

import java.lang.reflect.Modifier;

/**
 * Says in words why a class listed in a services file is not a usable plugin. ServiceLoader's own
 * errors are terse ("Provider X not found", "X Unable to get public no-arg constructor"); these
 * reasons name the problem and are independent of the JDK's wording.
 */
final class ProviderDiagnosis {

    private ProviderDiagnosis() {
    }

    /** Why the listed class cannot be a provider of {@code service}, or null if its shape is fine. */
    static String ofListedClass(String className, Class<?> service, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            return "the class is not found (the services file lists it, but no jar on the classpath holds it)";
        } catch (LinkageError e) {
            return "the class cannot be loaded (" + e + "; is a library it needs missing?)";
        }
        return ofClass(type, service);
    }

    /** Why {@code type} cannot be a provider of {@code service}, or null if its shape is fine. */
    static String ofClass(Class<?> type, Class<?> service) {
        if (!service.isAssignableFrom(type)) {
            return "the class does not implement " + service.getName();
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            return "the class is not public";
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return "the class is abstract";
        }
        try {
            type.getConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor";
        } catch (LinkageError e) {
            return "the class cannot be loaded (" + e + "; is a library it needs missing?)";
        }
    }

    /** The innermost cause of a failure, as "IllegalStateException: no license key". */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
