package io.trainscope.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeriesTest {

    @Test
    void keepsEveryValueExactlyWhileTheRunFitsInTheBuckets() {
        Series s = new Series("train.loss", null);
        for (int i = 0; i < 1500; i++) {
            s.add(i, i / 100, i * 0.5, "loss", "trainer");
        }
        List<Series.Point> points = s.points();

        assertThat(points).hasSize(1500);
        assertThat(s.downsampled()).isFalse();
        assertThat(points.get(1234).iteration()).isEqualTo(1234);
        assertThat(points.get(1234).value()).isEqualTo(617);
    }

    @Test
    void downsamplesALongSeriesToAtMostTwoThousandBucketMeansKeepingMinAndMax() {
        Series s = new Series("train.loss", null);
        long n = 100_000;
        double sum = 0;
        for (long i = 0; i < n; i++) {
            double v = (i % 2 == 0 ? 1 : 3) + i * 1e-5;
            sum += v;
            s.add(i, (int) (i / 1000), v, "loss", "trainer");
        }
        List<Series.Point> points = s.points();

        assertThat(points.size()).isBetween(Series.MAX_POINTS / 2, Series.MAX_POINTS);
        assertThat(s.downsampled()).isTrue();
        assertThat(s.bucketWidth()).isEqualTo(64);
        double weighted = points.stream().mapToDouble(p -> p.value() * p.count()).sum();
        assertThat(weighted / n).isCloseTo(sum / n, within(1e-9));
        Series.Point first = points.get(0);
        assertThat(first.min()).isEqualTo(1.0);
        assertThat(first.max()).isCloseTo(3 + 63e-5, within(1e-12));
        assertThat(first.value()).isCloseTo(2 + 31.5e-5, within(1e-12));
        assertThat(points).extracting(Series.Point::iteration).isSorted();
    }

    @Test
    void countsNonFiniteValuesWithoutPlottingThem() {
        Series s = new Series("train.loss", null);
        s.add(0, 0, 1.0, "loss", "trainer");
        s.add(1, 0, Double.NaN, "loss", "trainer");
        s.add(2, 0, Double.POSITIVE_INFINITY, "loss", "trainer");

        assertThat(s.count()).isEqualTo(3);
        assertThat(s.nonFinite()).isEqualTo(2);
        assertThat(s.points()).extracting(Series.Point::value).containsExactly(1.0);
        assertThat(s.last().value()).isInfinite();
    }

    @Test
    void keepsTheFirstValueAndTheLastOfEachEpochAsSnapshots() {
        Series s = new Series("layer.dead.percent", 2);
        s.add(0, 0, 0, "percent", "dead-neurons");
        s.add(10, 0, 5, "percent", "dead-neurons");
        s.add(15, 1, 6, "percent", "dead-neurons");
        s.add(20, 1, 7, "percent", "dead-neurons");

        assertThat(s.first()).isEqualTo(new Series.Sample(0, 0, 0));
        assertThat(s.byEpoch()).containsOnlyKeys(0, 1);
        assertThat(s.byEpoch().get(1).value()).isEqualTo(7);
        assertThat(s.snapshots()).containsOnlyKeys(0L, 10L, 20L);
        assertThat(s.layer()).isEqualTo(2);
        assertThat(s.monitor()).isEqualTo("dead-neurons");
    }
}
