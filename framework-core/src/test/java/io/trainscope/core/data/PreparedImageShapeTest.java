package io.trainscope.core.data;

import io.trainscope.api.data.Examples;
import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.core.model.OutputHead;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedImageShapeTest {

    private static final Task TASK = Task.Classification.numbered(2);
    private static final OutputHead HEAD = new OutputHead("softmax", "mcxent", 2,
            OutputHead.TargetEncoding.ONE_HOT, TASK);

    private static Examples examples(int features) {
        return new Examples(Nd4j.rand(4, features), Nd4j.createFromArray(new float[][]{{0}, {1}, {0}, {1}}));
    }

    private static PreparedData prepare(LoadedData data) {
        Examples all = data.parts().values().iterator().next();
        return new DataPreparer().prepare(new DataPreparer.Loaded(data, all, null, null), HEAD, List.of());
    }

    @Test
    void carriesTheSourcesImageShapeToThePreparedData() {
        ImageShape shape = new ImageShape(1, 2, 3);

        PreparedData prepared = prepare(new LoadedData(TASK, Map.of("train", examples(6)), shape));

        assertThat(prepared.image()).isEqualTo(shape);
        assertThat(prepared.withTrainingExamples(2).image()).isEqualTo(shape);
    }

    @Test
    void dataThatAreNotImagesHaveNoShape() {
        assertThat(prepare(LoadedData.single(TASK, examples(6))).image()).isNull();
    }

    @Test
    void rejectsAShapeThatDoesNotMatchTheFeatureCount() {
        assertThatThrownBy(() -> new LoadedData(TASK, Map.of("train", examples(5)), new ImageShape(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x2x3").hasMessageContaining("5");
        assertThatThrownBy(() -> new ImageShape(0, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
