package io.trainscope.core.diagnosis;

/**
 * Statistics of the training inputs the network sees (after input normalizers), per feature.
 *
 * @param features   the number of features
 * @param rms        root mean square over all entries
 * @param maxStd     the largest feature standard deviation
 * @param minStd     the smallest nonzero feature standard deviation
 * @param maxAbsMean the largest absolute feature mean
 */
public record InputFacts(long features, double rms, double maxStd, double minStd, double maxAbsMean) {

    /** {@code maxStd / minStd}: how many times wider the widest feature is than the narrowest. */
    public double spread() {
        return minStd > 0 ? maxStd / minStd : 1.0;
    }
}
