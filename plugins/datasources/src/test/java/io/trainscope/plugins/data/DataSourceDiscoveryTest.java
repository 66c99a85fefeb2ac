package io.trainscope.plugins.data;

import io.trainscope.api.data.DataSource;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DataSourceDiscoveryTest {

    private static List<DataSource> discovered() {
        return ServiceLoader.load(DataSource.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void serviceLoaderFindsExactlyTheFiveSources() {
        assertThat(discovered()).extracting(DataSource::name)
                .containsExactlyInAnyOrder("gaussian-classification", "polynomial-regression", "idx", "csv", "iris");
    }

    @Test
    void servicesFileListsEverySourceClassOfThePackage() throws Exception {
        assertThat(ServiceFiles.registered(DataSource.class))
                .isEqualTo(ServiceFiles.implementationsNextTo(CsvSource.class, DataSource.class));
    }

    @Test
    void everySourceHasALowerCaseHyphenatedNameADescriptionAndDocumentedParameters() {
        assertThat(discovered()).allSatisfy(source -> assertThat(PluginConventions.violations(source)).isEmpty());
    }
}
