package io.trainscope.testkit;

import io.trainscope.testkit.fixtures.Forgotten;
import io.trainscope.testkit.fixtures.Greeter;
import io.trainscope.testkit.fixtures.Grumpy;
import io.trainscope.testkit.fixtures.Hello;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceFilesTest {

    @Test
    void registeredListsTheServicesFileInNameOrderWithoutInstantiatingAnything() {
        assertThat(ServiceFiles.registered(Greeter.class)).containsExactly(Grumpy.class, Hello.class);
    }

    @Test
    void registeredIsEmptyForAnInterfaceNoServicesFileNames() {
        assertThat(ServiceFiles.registered(Runnable.class)).isEmpty();
    }

    @Test
    void implementationsNextToListsOnlyPublicConcreteTopLevelImplementationsInNameOrder() throws Exception {
        assertThat(ServiceFiles.implementationsNextTo(Hello.class, Greeter.class))
                .containsExactly(Forgotten.class, Grumpy.class, Hello.class);
    }

    @Test
    void comparingTheTwoShowsTheClassTheServicesFileForgets() throws Exception {
        Set<Class<?>> missing = new HashSet<>(ServiceFiles.implementationsNextTo(Hello.class, Greeter.class));
        missing.removeAll(ServiceFiles.registered(Greeter.class));

        assertThat(missing).containsExactly(Forgotten.class);
    }

    @Test
    void theOneLineCheckNamesTheUnregisteredClassAndTheLineToAdd() {
        assertThatThrownBy(() -> ServiceFiles.assertEveryImplementationRegistered(Hello.class, Greeter.class))
                .isInstanceOf(AssertionError.class)
                .hasMessage("io.trainscope.testkit.fixtures.Forgotten implements Greeter but is not registered: add the line "
                        + "'io.trainscope.testkit.fixtures.Forgotten' to src/main/resources/META-INF/services/"
                        + "io.trainscope.testkit.fixtures.Greeter");
    }

    @Test
    void implementationsNextToRefusesAnAnchorLoadedFromAJarSayingWhatToPassInstead() {
        assertThatThrownBy(() -> ServiceFiles.implementationsNextTo(Test.class, Greeter.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("org.junit.jupiter.api.Test was loaded from ")
                .hasMessageContaining(", not from a directory of compiled classes; pass a class that the build compiled"
                        + " into a directory (target/classes with Maven) as the anchor");
    }

    @Test
    void theReturnedSetsAreReadOnly() throws Exception {
        assertThatThrownBy(() -> ServiceFiles.registered(Greeter.class).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ServiceFiles.implementationsNextTo(Hello.class, Greeter.class).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
