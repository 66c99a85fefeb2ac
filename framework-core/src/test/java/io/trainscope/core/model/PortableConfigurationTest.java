package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A network configuration leaves the JVM (Spark ships it to executors as Java objects and as
 * DL4J's JSON) and comes back computing exactly what it computed before, plugins and their
 * parameters included.
 */
class PortableConfigurationTest {

    private static final ResolvedExperiment EXPERIMENT = TestTrainscope.resolve("""
            data: {source: iris}
            model: {hidden: [10, 8], activation: relu, init: {name: normal, std: 0.3}, normalizers: [batchnorm]}
            """);

    private static BuiltNetwork build() {
        OutputHead head = OutputHead.resolve(EXPERIMENT.spec().model().output(), Task.Classification.numbered(3));
        return TestTrainscope.get().get(NetworkBuilder.class).build(EXPERIMENT, 4, head, 5, new Adam(0.01));
    }

    private static void assertSameOutput(UnaryOperator<MultiLayerConfiguration> copy) {
        MultiLayerNetwork original = build().network();
        MultiLayerNetwork copied = new MultiLayerNetwork(copy.apply(original.getLayerWiseConfigurations()));
        copied.init(original.params().dup(), false);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 7, 4);
        assertThat(Nd4j.toFlattened(copied.output(x)).toFloatVector())
                .containsExactly(Nd4j.toFlattened(original.output(x)).toFloatVector());
        assertThat(copied.getLayerWiseConfigurations().toJson()).isEqualTo(original.getLayerWiseConfigurations().toJson());
    }

    @Test
    void survivesDl4jsJson() {
        assertSameOutput(conf -> MultiLayerConfiguration.fromJson(conf.toJson()));
    }

    @Test
    void survivesJavaSerialization() {
        assertSameOutput(PortableConfigurationTest::javaCopy);
    }

    @Test
    void keepsThePluginParametersInItsJson() {
        String json = build().network().getLayerWiseConfigurations().toJson();
        assertThat(json).contains("\"name\" : \"normal\"").contains("\"std\" : 0.3").contains("\"name\" : \"relu\"");
    }

    @Test
    void saysWhichPluginIsMissingWhereTheConfigurationIsReadBack() {
        String json = build().network().getLayerWiseConfigurations().toJson().replace("\"relu\"", "\"no-such-activation\"");
        MultiLayerNetwork copied = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        copied.init();
        assertThatThrownBy(() -> copied.output(Nd4j.zeros(DataType.FLOAT, 1, 4)))
                .hasStackTraceContaining("'no-such-activation', which is not on this JVM's classpath");
    }

    private static MultiLayerConfiguration javaCopy(MultiLayerConfiguration conf) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(conf);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (MultiLayerConfiguration) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
