package io.trainscope.cli.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The GEMM-only floor of training an MLP: the time of exactly the matrix products one iteration
 * of backpropagation needs (forward {@code x W}, weight gradients {@code xᵀ δ}, input gradients
 * {@code δ Wᵀ} for every layer but the first), with nothing else. A training step cannot be
 * faster; throughput as a share of this floor says how much time goes elsewhere. The floor counts
 * every core: {@link #best} measures it with each candidate BLAS thread count (the GEMMs use only
 * the BLAS library's threads, which can be changed in this JVM) and keeps the fastest, so a share of
 * the floor is a share of the machine.
 */
public final class GemmFloor {

    /** The floor in seconds per iteration and examples per second, the FLOPs per iteration, and the BLAS threads. */
    public record Result(Stats secondsPerIteration, double samplesPerSecond, double gflopPerIteration, int blasThreads) {
    }

    private GemmFloor() {
    }

    /**
     * The fastest floor over the BLAS thread counts {@code blasThreads} (e.g. {@code ThreadSetting.counts(cores)});
     * the BLAS thread count in effect before is restored afterwards.
     */
    public static Result best(List<Integer> widths, int batch, int reps, List<Integer> blasThreads) {
        var blas = Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        Result best = null;
        try {
            for (int threads : blasThreads) {
                blas.setMaxThreads(threads);
                Result r = measure(widths, batch, reps);
                r = new Result(r.secondsPerIteration(), r.samplesPerSecond(), r.gflopPerIteration(), threads);
                if (best == null || r.samplesPerSecond() > best.samplesPerSecond()) {
                    best = r;
                }
            }
        } finally {
            blas.setMaxThreads(before);
        }
        return best;
    }

    /**
     * Measures the floor of an MLP with layer widths {@code widths} (inputs first, outputs last) at
     * batch size {@code batch}: {@code reps} timed repetitions after a warm-up.
     */
    public static Result measure(List<Integer> widths, int batch, int reps) {
        record Gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb) {
        }
        List<Gemm> gemms = new ArrayList<>();
        double flops = 0;
        for (int l = 0; l + 1 < widths.size(); l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, in);
            INDArray w = Nd4j.rand(DataType.FLOAT, in, out);
            INDArray delta = Nd4j.rand(DataType.FLOAT, batch, out);
            gemms.add(new Gemm(x, w, Nd4j.create(DataType.FLOAT, batch, out), false, false));
            gemms.add(new Gemm(x, delta, Nd4j.create(DataType.FLOAT, in, out), true, false));
            flops += 4.0 * batch * in * out;
            if (l > 0) {
                gemms.add(new Gemm(delta, w, Nd4j.create(DataType.FLOAT, batch, in), false, true));
                flops += 2.0 * batch * in * out;
            }
        }
        double[] seconds = new double[reps];
        for (int r = -3; r < reps; r++) {
            long t0 = System.nanoTime();
            for (Gemm g : gemms) {
                Nd4j.gemm(g.a(), g.b(), g.c(), g.ta(), g.tb(), 1.0, 0.0);
            }
            gemms.get(gemms.size() - 1).c().getFloat(0);
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Stats s = Stats.of(seconds);
        return new Result(s, batch / s.median(), flops / 1e9, Nd4j.factory().blas().getMaxThreads());
    }
}
