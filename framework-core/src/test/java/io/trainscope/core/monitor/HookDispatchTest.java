package io.trainscope.core.monitor;

import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.model.OutputHead;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.testplugins.CountingMonitor;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch contract at the level of DL4J's listener hooks: monitors get DL4J's own arrays on
 * the iterations they sampled, and nothing at all on the others.
 */
class HookDispatchTest {

    /** Records the activation arrays DL4J hands to its listeners, by iteration. */
    static final class Spy extends BaseTrainingListener {
        final Map<Integer, List<INDArray>> forward = new HashMap<>();
        int iteration;

        @Override
        public void onForwardPass(Model model, List<INDArray> activations) {
            forward.put(iteration, new ArrayList<>(activations));
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            this.iteration = iteration + 1;
        }
    }

    @Test
    void monitorsGetDl4jsOwnArraysOnSampledIterationsAndNothingOnOthers() {
        ResolvedExperiment e = TestTrainscope.resolve("""
                data: {source: test-positive}
                model: {hidden: [6, 5], activation: tanh, init: xavier-normal}
                monitors: [{name: test-counting, every: 3}]
                """);
        OutputHead head = OutputHead.resolve(e.spec().model().output(),
                Task.Classification.numbered(2));
        BuiltNetwork built = TestTrainscope.get().get(NetworkBuilder.class).build(e, 3, head, 7, new Sgd(0.1));
        MonitorSlot slot = new MonitorSlot(new CountingMonitor(), e.monitors().get(0).params(), e.monitors().get(0).sampling());
        CountingMonitor monitor = CountingMonitor.LAST;
        RunServices services = new RunServices("test", new RunInfo("test", 7, null), built.layout().info(),
                new LayerViews(built.network(), built.layout()), new Nd4jStatistics(), new InMemoryMeasurements(),
                new FindingLog(), new StopSignal());
        HookDispatcher dispatcher = new HookDispatcher(List.of(slot), services, built, 1, 40, 4);
        Spy spy = new Spy();
        built.network().setListeners(spy, new Dl4jListenerBridge(dispatcher));
        dispatcher.trainingStart(null, 0, 0);

        DataSet batch = new DataSet(Nd4j.rand(4, 3).addi(0.1), Nd4j.create(new float[][]{{1, 0}, {0, 1}, {1, 0}, {0, 1}}));
        for (int i = 0; i < 10; i++) {
            dispatcher.beforeIteration(i, 0, 4, 0.1);
            built.network().fit(batch);
        }

        assertThat(monitor.forwardIterations).containsExactly(0L, 3L, 6L, 9L);
        assertThat(monitor.backwardIterations).containsExactly(0L, 3L, 6L, 9L);
        assertThat(monitor.updateIterations).containsExactly(0L, 3L, 6L, 9L);
        for (long it : monitor.forwardIterations) {
            List<INDArray> dl4j = spy.forward.get((int) it);
            List<INDArray> seen = monitor.activations.get(it);
            // DL4J's list: input, dense 0, dense 1 (logical hidden layers 0 and 1 are DL4J layers 0 and 1)
            assertThat(seen.get(0)).isSameAs(dl4j.get(1));
            assertThat(seen.get(1)).isSameAs(dl4j.get(2));
        }
        dispatcher.close();
    }
}
