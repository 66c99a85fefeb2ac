package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.Normalizer;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every normalizer of this module promises, checked over the set {@link ServiceLoader} finds. */
class NormalizerContractTest {

    static Stream<Named<Normalizer>> normalizers() {
        return ServiceLoader.load(Normalizer.class).stream().map(ServiceLoader.Provider::get).map(p -> Named.of(p.name(), p));
    }

    @Test
    void registersBatchnormLayernormAndStandardizeOnce() {
        assertThat(normalizers().map(n -> n.getPayload().name())).containsExactlyInAnyOrder("batchnorm", "layernorm", "standardize");
    }

    @Test
    void servicesFileListsEveryNormalizerClassOfThePackage() throws Exception {
        assertThat(ServiceFiles.registered(Normalizer.class))
                .isEqualTo(ServiceFiles.implementationsNextTo(BatchNormNormalizer.class, Normalizer.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalizers")
    void hasALowerCaseHyphenatedNameADescriptionAndDefaultsInRange(Normalizer normalizer) {
        assertThat(PluginConventions.violations(normalizer)).isEmpty();
    }
}
