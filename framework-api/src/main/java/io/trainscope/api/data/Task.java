package io.trainscope.api.data;

import io.trainscope.api.StableApi;

import java.util.List;

/** What the targets of a data set mean: classes to predict or values to regress. */
@StableApi(since = "0.1")
public sealed interface Task permits Task.Classification, Task.Regression {

    /** The number of network outputs the task needs before any encoding choice. */
    int outputs();

    /**
     * Classification into named classes; targets hold class indices.
     *
     * @param classNames one name per class, in index order; at least two
     */
    record Classification(List<String> classNames) implements Task {
        public Classification {
            classNames = List.copyOf(classNames);
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("classification needs at least two classes, got " + classNames);
            }
        }

        /** Classes named "0", "1", ... */
        public static Classification numbered(int classes) {
            return new Classification(java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList());
        }

        /** The number of classes. */
        public int classes() {
            return classNames.size();
        }

        @Override
        public int outputs() {
            return classNames.size();
        }
    }

    /**
     * Regression onto real-valued targets.
     *
     * @param outputs the number of target columns, positive
     */
    record Regression(int outputs) implements Task {
        public Regression {
            if (outputs <= 0) {
                throw new IllegalArgumentException("regression needs at least one output, got " + outputs);
            }
        }
    }
}
