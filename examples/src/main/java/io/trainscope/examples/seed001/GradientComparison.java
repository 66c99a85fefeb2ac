package io.trainscope.examples.seed001;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two sets of gradients compared tensor by tensor, as {@code numpy.allclose} does: an entry agrees
 * when {@code |a - b| <= atol + rtol |b|}, with {@code atol = rtol * max |b|} of the tensor (entries
 * that are tiny against the tensor's largest count in absolute terms). The tolerance {@code rtol}
 * is the data type's: {@value #RTOL_DOUBLE} in float64, {@value #RTOL_FLOAT} in float32.
 *
 * @param rows one row per tensor, in the order compared
 * @param rtol the relative tolerance used
 */
public record GradientComparison(List<Row> rows, double rtol) {

    /** Relative tolerance in float64 (about 10^7 times its machine epsilon: sums of 1,000 products differ in order). */
    public static final double RTOL_DOUBLE = 1e-9;
    /** Relative tolerance in float32 (about 100 times its machine epsilon). */
    public static final double RTOL_FLOAT = 1e-5;

    /**
     * One tensor's comparison.
     *
     * @param name     the tensor
     * @param maxAbs   the largest {@code |a - b|}
     * @param maxRel   the largest {@code |a - b| / max(|a|, |b|)} over entries not both zero
     * @param scale    the largest {@code |b|}
     * @param failing  how many entries are outside the tolerance (NaN counts as outside)
     * @param entries  how many entries
     */
    public record Row(String name, double maxAbs, double maxRel, double scale, long failing, long entries) {

        /** Whether every entry agrees. */
        public boolean agrees() {
            return failing == 0;
        }
    }

    /** The tolerance of a data type. */
    public static double rtol(DataType type) {
        return type == DataType.DOUBLE ? RTOL_DOUBLE : RTOL_FLOAT;
    }

    /** Compares {@code a} (ours) with {@code b} (the reference) for every key of {@code b}, in float64. */
    public static GradientComparison of(Map<String, INDArray> a, Map<String, INDArray> b, double rtol) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : b.entrySet()) {
            rows.add(row(e.getKey(), a.get(e.getKey()).castTo(DataType.DOUBLE), e.getValue().castTo(DataType.DOUBLE), rtol));
        }
        return new GradientComparison(rows, rtol);
    }

    private static Row row(String name, INDArray a, INDArray b, double rtol) {
        INDArray diff = Transforms.abs(a.sub(b), false);
        INDArray absB = Transforms.abs(b, true);
        double scale = absB.maxNumber().doubleValue();
        INDArray larger = Transforms.max(Transforms.abs(a, true), absB);
        INDArray rel = diff.div(larger);
        BooleanIndexing.replaceWhere(rel, 0.0, Conditions.isNan());         // 0/0 entries count as equal
        INDArray allowed = absB.muli(rtol).addi(rtol * scale);
        long failing = diff.gt(allowed).castTo(DataType.INT).sumNumber().longValue()
                + diff.isNaN().castTo(DataType.INT).sumNumber().longValue();
        double maxAbs = diff.isNaN().any() ? Double.NaN : diff.maxNumber().doubleValue();
        double maxRel = diff.isNaN().any() ? Double.NaN : rel.maxNumber().doubleValue();
        return new Row(name, maxAbs, maxRel, scale, failing, b.length());
    }

    /** Whether every tensor agrees. */
    public boolean agrees() {
        return rows.stream().allMatch(Row::agrees);
    }

    /** The row of tensor {@code name}. */
    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The table: one line per tensor. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-8s %14s %14s %12s   %s%n", "tensor",
                "max |diff|", "max rel diff", "max |dl4j|", "agree (rtol " + rtol + ", atol rtol*max|dl4j|)"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-8s %14.3e %14.3e %12.3e   %s%n", r.name(), r.maxAbs(), r.maxRel(),
                    r.scale(), r.agrees() ? "yes" : "NO: " + r.failing() + " of " + r.entries() + " entries"));
        }
        return sb.toString();
    }
}
