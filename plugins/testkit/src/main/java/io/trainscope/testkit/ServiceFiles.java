package io.trainscope.testkit;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares what a {@code META-INF/services} file registers with the concrete classes a package
 * actually holds, so that a plugin written but never registered (or registered but since
 * renamed) fails a test instead of silently missing from {@code trainscope plugins}.
 *
 * <pre>{@code
 * @Test
 * void servicesFileListsEveryInitializerClassOfThePackage() throws Exception {
 *     assertThat(ServiceFiles.registered(Initializer.class))
 *             .isEqualTo(ServiceFiles.implementationsNextTo(NormalInitializer.class, Initializer.class));
 * }
 * }</pre>
 *
 * <p>Both methods load classes without initializing or instantiating them, and return sets
 * ordered by class name, so a failed comparison lists the classes alphabetically.
 */
public final class ServiceFiles {

    private static final Comparator<Class<?>> BY_NAME = Comparator.comparing(Class::getName);

    private ServiceFiles() {
    }

    /**
     * The classes that the {@code META-INF/services} files on the class path register for
     * {@code spi}, as {@link ServiceLoader} (with the thread's context class loader) finds them.
     *
     * @param spi the service interface, e.g. {@code Initializer.class}; not null
     * @return the registered classes, unmodifiable and in name order; empty when nothing is registered
     * @throws java.util.ServiceConfigurationError when a services file names a class that does not
     *         exist or does not implement {@code spi}
     */
    public static Set<Class<?>> registered(Class<?> spi) {
        return ServiceLoader.load(spi).stream().map(ServiceLoader.Provider::type).collect(byName());
    }

    /**
     * The public, concrete, top-level classes implementing {@code spi} that are compiled into the
     * same package and the same class-path directory as {@code anchor}. Test classes are not
     * included when {@code anchor} is a main class, because Maven and Gradle compile them into a
     * directory of their own.
     *
     * @param anchor any class of the package to scan, usually one of its plugins; not null
     * @param spi    the service interface the classes must implement; not null
     * @return the implementing classes, unmodifiable and in name order; empty when the package has none
     * @throws IOException              when the package directory cannot be listed
     * @throws URISyntaxException       when the class-path location of {@code anchor} is not a valid URI
     * @throws IllegalArgumentException when {@code anchor} was not loaded from a directory (from a
     *                                  jar, say), where there is no package directory to list
     */
    public static Set<Class<?>> implementationsNextTo(Class<?> anchor, Class<?> spi)
            throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(anchor.getName() + " was loaded from " + root
                    + ", not from a directory of compiled classes; pass a class that the build compiled"
                    + " into a directory (target/classes with Maven) as the anchor");
        }
        String pkg = anchor.getPackageName();
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> load(pkg + "." + f.substring(0, f.length() - ".class".length()), anchor.getClassLoader()))
                    .filter(c -> spi.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                            && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface())
                    .collect(byName());
        }
    }

    /**
     * Asserts that the {@code META-INF/services} file of {@code spi} registers every public concrete
     * class implementing it in {@code anchor}'s package (see {@link #implementationsNextTo}): a
     * plugin written but never registered fails, naming the class and the line to add. Plugins
     * registered by other jars on the class path do not matter.
     *
     * <pre>{@code
     * ServiceFiles.assertEveryImplementationRegistered(MyInitializer.class, Initializer.class);
     * }</pre>
     */
    public static void assertEveryImplementationRegistered(Class<?> anchor, Class<?> spi)
            throws IOException, URISyntaxException {
        Set<Class<?>> registered = registered(spi);
        java.util.List<String> missing = implementationsNextTo(anchor, spi).stream()
                .filter(c -> !registered.contains(c))
                .map(c -> c.getName() + " implements " + spi.getSimpleName() + " but is not registered: add the line '"
                        + c.getName() + "' to src/main/resources/META-INF/services/" + spi.getName())
                .toList();
        Problems.assertNone(missing);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Collector<Class<?>, ?, Set<Class<?>>> byName() {
        return Collectors.collectingAndThen(Collectors.toCollection(() -> new TreeSet<Class<?>>(BY_NAME)),
                Collections::unmodifiableSet);
    }
}
