package io.trainscope.core.config;

import io.trainscope.api.data.ImageShape;
import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@code conv2d}, {@code max-pool}, {@code avg-pool} and {@code flatten} entries: defaults, shapes and their errors. */
class ConvLayersConfigTest {

    private static final String LENET = """
            data: iris
            model:
              layers:
                - {type: conv2d, filters: 6, kernel: 5, padding: 2, normalizers: [batchnorm]}
                - {type: max-pool, kernel: 2}
                - {type: conv2d, filters: 16, kernel: [5, 3], stride: [1, 1], activation: tanh, bias: false}
                - {type: avg-pool, kernel: 2, stride: [2, 2]}
                - {type: flatten}
                - {units: 32}
            """;

    private static String layers(String entries) {
        return "data: iris\nmodel:\n  layers:\n" + entries;
    }

    private static String message(String yaml) {
        try {
            TestTrainscope.resolve(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    private static String shapeError(String yaml, ImageShape image) {
        List<LayerSpec> specs = TestTrainscope.resolve(yaml).spec().model().layers();
        try {
            LayerShapes.outputs(specs, image, image == null ? 4 : image.features());
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void windowsTakeIntsOrPairsWithStrideOneForConvolutionsAndTheKernelForPools() {
        List<ResolvedLayer> layers = TestTrainscope.resolve(LENET).model().layers();
        LayerWindow conv = layers.get(0).spec().window();
        assertThat(layers.get(0).units()).isEqualTo(6);
        assertThat(conv.kernel()).isEqualTo(LayerWindow.Pair.of(5));
        assertThat(conv.stride()).isEqualTo(LayerWindow.Pair.of(1));
        assertThat(conv.padding()).isEqualTo(LayerWindow.Pair.of(2));
        assertThat(layers.get(0).normalizer().name()).isEqualTo("batchnorm");
        assertThat(layers.get(1).spec().window().stride()).isEqualTo(LayerWindow.Pair.of(2));
        assertThat(layers.get(1).spec().window().padding()).isEqualTo(LayerWindow.Pair.of(0));
        assertThat(layers.get(2).spec().window().kernel()).isEqualTo(new LayerWindow.Pair(5, 3));
        assertThat(layers.get(2).bias()).isFalse();
        assertThat(layers.get(2).activation().name()).isEqualTo("tanh");
        assertThat(layers.get(3).type()).isEqualTo(LayerType.AVG_POOL);
        assertThat(layers.get(4).type()).isEqualTo(LayerType.FLATTEN);
        assertThat(layers.get(5).units()).isEqualTo(32);
    }

    @Test
    void theShapesFollowDl4jsArithmeticAndTheResolvedConfigReadsBackTheSame() {
        ResolvedExperiment e = TestTrainscope.resolve(LENET);
        assertThat(LayerShapes.outputs(e.spec().model().layers(), new ImageShape(1, 28, 28), 784)).containsExactly(
                new ImageShape(6, 28, 28), new ImageShape(6, 14, 14), new ImageShape(16, 10, 12),
                new ImageShape(16, 5, 6), null, null);
        String yaml = ResolvedConfigWriter.toYaml(e);
        assertThat(yaml).contains("type: conv2d").contains("filters: 6").contains("kernel:\n    - 5\n    - 3")
                .doesNotContain("units: 0");
        ResolvedExperiment again = TestTrainscope.resolve(yaml);
        assertThat(again.spec().model().layers()).extracting(LayerSpec::type, LayerSpec::units, LayerSpec::window)
                .isEqualTo(e.spec().model().layers().stream().map(l -> tuple(l.type(), l.units(), l.window())).toList());
        assertThat(ResolvedConfigWriter.toYaml(again)).isEqualTo(yaml);
    }

    @Test
    void badEntriesAreOneLineErrorsNamingTheLayer() {
        assertThat(message(layers("    - {type: conv2d, kernel: 3}\n")))
                .isEqualTo("model.layers[0].filters: missing: the number of filters (output channels), e.g. 'filters: 16'");
        assertThat(message(layers("    - {type: max-pool}\n"))).startsWith("model.layers[0].kernel: missing");
        assertThat(message(layers("    - {type: conv2d, filters: 4, kernel: [3, 3, 3]}\n")))
                .startsWith("model.layers[0].kernel: must be an integer or [rows, columns]");
        assertThat(message(layers("    - {type: max-pool, kernel: 2, activation: relu}\n")))
                .startsWith("model.layers[0]").contains("activation");
        assertThat(message(layers("    - {units: 8}\n    - {type: conv2d, filters: 4, kernel: 3}\n")))
                .isEqualTo("model.layers[1]: conv2d cannot follow the dense layer model.layers[0]: its output is a flat "
                        + "row, not an image; put every conv2d and pooling layer before the first dense or flatten layer");
        assertThat(message(layers("    - {type: flatten}\n    - {type: max-pool, kernel: 2}\n")))
                .startsWith("model.layers[1]: max-pool cannot follow the flatten layer model.layers[0]");
        assertThat(message(layers("    - {type: conv2d, filters: 4, kernel: 3, normalizers: [layernorm]}\n")))
                .isEqualTo("model.layers[0].normalizers: conv2d takes only batchnorm (per channel), got 'layernorm'; "
                        + "set 'normalizers: [batchnorm]' or 'normalizers: []' on this layer");
    }

    @Test
    void aLearnableSlopeIsAcceptedOnAConvolution() {
        ResolvedExperiment e = TestTrainscope.resolve(layers(
                "    - {type: conv2d, filters: 4, kernel: 3, activation: {name: prelu, slopes: per-unit}}\n"));
        assertThat(e.model().layers().get(0).activation().name()).isEqualTo("prelu");
    }

    @Test
    void shapesThatDoNotFitAreOneLineErrorsNamingTheLayerTheShapesAndTheFix() {
        assertThat(shapeError(layers("    - {type: conv2d, filters: 4, kernel: 3}\n"), null))
                .startsWith("model.layers[0]: conv2d needs image input, but the data are flat rows of 4 features");
        assertThat(shapeError(layers("    - {type: conv2d, filters: 4, kernel: 3}\n    - {type: max-pool, kernel: 7}\n"),
                new ImageShape(1, 8, 8)))
                .isEqualTo("model.layers[1]: max-pool: kernel 7x7 is larger than its input 4x6x6 (channels x rows x "
                        + "columns) with padding 0x0; use a smaller kernel or more padding");
        assertThat(shapeError(layers("    - {type: conv2d, filters: 4, kernel: 4, stride: 2}\n"), new ImageShape(1, 9, 9)))
                .isEqualTo("model.layers[0]: conv2d: the windows do not tile the input's rows: input 1x9x9, kernel 4x4, "
                        + "stride 2x2, padding 0x0 give (9 + 2x0 - 4) / 2 + 1 rows, not a whole number; choose a stride "
                        + "that divides input + 2 x padding - kernel");
    }

    @Test
    void theMnistErrorsDocsConfigMdShowsAreTheseLines() {
        ImageShape mnist = new ImageShape(1, 28, 28);
        assertThat(shapeError(layers("    - {type: conv2d, filters: 16, kernel: 5}\n    - {type: max-pool, kernel: 2}\n"
                + "    - {type: conv2d, filters: 16, kernel: 5}\n    - {type: max-pool, kernel: 2}\n"
                + "    - {type: conv2d, filters: 16, kernel: 5}\n"), mnist))
                .isEqualTo("model.layers[4]: conv2d: kernel 5x5 is larger than its input 16x4x4 (channels x rows x columns) "
                        + "with padding 0x0; use a smaller kernel or more padding");
        assertThat(shapeError(layers("    - {type: conv2d, filters: 4, kernel: 4, stride: 5}\n"), mnist))
                .isEqualTo("model.layers[0]: conv2d: the windows do not tile the input's rows: input 1x28x28, kernel 4x4, "
                        + "stride 5x5, padding 0x0 give (28 + 2x0 - 4) / 5 + 1 rows, not a whole number; choose a stride "
                        + "that divides input + 2 x padding - kernel");
    }

    @Test
    void theProgrammaticModelChecksFiltersAndOrderToo() {
        LayerWindow w = new LayerWindow(LayerWindow.Pair.of(3), LayerWindow.Pair.of(1), LayerWindow.Pair.of(0));
        assertThatThrownBy(() -> new LayerSpec(LayerType.CONV2D, 4, LayerSettings.INHERIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSpec(List.of(LayerSpec.dense(4),
                new LayerSpec(LayerType.CONV2D, 4, LayerSettings.INHERIT, w)),
                ModelSpec.defaults(PluginRef.of("relu"), PluginRef.of("he-normal"), null, true, 0.0), List.of(),
                OutputSpec.DERIVED)).isInstanceOf(ConfigException.class).hasMessageStartingWith("model.layers[1]: conv2d");
    }
}
