package io.trainscope.core.gradcheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of {@link TensorCheck}, on values chosen by hand. */
class TensorCheckTest {

    private static final double RTOL = 1e-5;
    private static final double FLOOR = 1e-9;

    /** Differences of a smooth loss: the one-sided quotients straddle the central one by {@code spread}. */
    private static Differences smooth(double[] central, double spread) {
        Differences d = Differences.of(central.length);
        for (int i = 0; i < central.length; i++) {
            d.central()[i] = central[i];
            d.forward()[i] = central[i] + spread;
            d.backward()[i] = central[i] - spread;
            d.fine()[i] = 2 * spread / Differences.FINER;
        }
        return d;
    }

    private static TensorCheck compare(double[] analytic, Differences numeric) {
        return TensorCheck.compare("hidden-0 W", "0_W", 10, analytic, numeric, RTOL, FLOOR, 1e-7, true);
    }

    @Test
    void entriesWithinTheToleranceAgree() {
        TensorCheck t = compare(new double[]{1.0 + 5e-6, 0.5, 1e-3 + 5e-6}, smooth(new double[]{1.0, 0.5, 1e-3}, 1e-7));

        assertThat(t.agrees()).isTrue();
        assertThat(t.failing()).isZero();
        assertThat(t.kinks()).isZero();
        assertThat(t.scale()).isEqualTo(1.0);
        assertThat(t.maxAbs()).isCloseTo(5e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.zero()).isFalse();
    }

    @Test
    void aWrongValueFailsEvenThoughTheOneSidedQuotientsAreNearby() {
        TensorCheck t = compare(new double[]{1.0, 0.5 * 0.9}, smooth(new double[]{1.0, 0.5}, 1e-7));

        assertThat(t.agrees()).isFalse();
        assertThat(t.failing()).isEqualTo(1);
        assertThat(t.maxRel()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void atAKinkAValueBetweenTheOneSidedQuotientsAgreesAndIsCounted() {
        // relu at exactly 0: one side has slope 0.8, the other 0; the central difference averages them to 0.4
        Differences kink = Differences.of(2);
        kink.put(0, 1.0, 1.0, 1.0 + 0.8e-6, 1e-6);
        kink.put(1, 1.0, 1.0, 1.0 + 0.8e-6, 1e-6);
        kink.fine()[0] = 0.8;
        kink.fine()[1] = 0.8;

        TensorCheck oneSided = compare(new double[]{0.0, 0.8}, kink);
        assertThat(oneSided.agrees()).isTrue();
        assertThat(oneSided.kinks()).isEqualTo(2);

        TensorCheck wrong = compare(new double[]{0.0, 1.6}, kink);
        assertThat(wrong.failing()).isEqualTo(1);
        assertThat(wrong.kinks()).isEqualTo(1);
    }

    @Test
    void aFailureWhoseQuotientChangesWithTheStepIsRoughNotWrong() {
        // many units at their kinks: the slope jumps by 0.6 within h and within h/10 alike
        Differences rough = smooth(new double[]{0.5}, 0.3);
        rough.fine()[0] = 0.6;

        TensorCheck t = compare(new double[]{0.9}, rough);
        assertThat(t.failing()).isEqualTo(1);
        assertThat(t.rough()).isEqualTo(1);
        assertThat(compare(new double[]{1.9}, rough).rough()).as("outside the one-sided quotients").isEqualTo(1);
        assertThat(compare(new double[]{0.9}, smooth(new double[]{0.5}, 1e-7)).rough()).isZero();
        assertThat(compare(new double[]{3e-9}, smooth(new double[]{-2e-9}, 0)).rough()).as("noise").isEqualTo(1);
    }

    @Test
    void gradientsWithinTheFloorOfZeroProveNothingAndSaySo() {
        TensorCheck t = compare(new double[]{1e-17, -2e-18}, smooth(new double[]{3e-10, 0}, 0));

        assertThat(t.agrees()).isTrue();
        assertThat(t.zero()).isTrue();
        assertThat(t.maxRel()).isZero();
    }

    @Test
    void aNonFiniteValueFailsAndAFloat32OverflowFailsTheTensor() {
        assertThat(compare(new double[]{Double.NaN}, smooth(new double[]{1.0}, 0)).failing()).isEqualTo(1);
        TensorCheck overflow = TensorCheck.compare("output W", "1_W", 1, new double[]{1.0}, smooth(new double[]{1.0}, 0),
                RTOL, FLOOR, Double.NaN, false);
        assertThat(overflow.failing()).isZero();
        assertThat(overflow.agrees()).isFalse();
    }

    @Test
    void theFloorIsTenUlpsOfTheLossOverTheStep() {
        assertThat(TensorCheck.floor(0.5, 1e-6)).isEqualTo(10 * Math.ulp(1.0) / 1e-6);
        assertThat(TensorCheck.floor(40, 1e-6)).isEqualTo(400 * Math.ulp(1.0) / 1e-6);
    }
}
