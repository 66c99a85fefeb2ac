package io.trainscope.core.checkpoint;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The encoding of one array in a checkpoint ({@code params.bin}, {@code updater.bin}): the magic
 * number {@code TSA1}, a type byte (1 float32, 2 float64), the rank, the shape as longs, then the
 * values, big-endian, in C order.
 *
 * <p>Decoding checks the declared shape against the bytes actually present before it allocates
 * anything, and only ever creates a float or double array. It does not use ND4J's own
 * {@code Nd4j.read}, which allocates whatever length a header declares, reads any data type by
 * name, and hands "compressed" buffers to native code: nothing in a checkpoint file can make
 * loading allocate more than the file holds or run anything but this parser.
 */
final class ArrayCodec {

    private static final int MAGIC = 0x54534131;
    private static final int MAX_RANK = 4;
    private static final byte FLOAT = 1;
    private static final byte DOUBLE = 2;

    private ArrayCodec() {
    }

    /** Encodes a float32 or float64 array. */
    static byte[] encode(INDArray array) {
        boolean isFloat = array.dataType() == DataType.FLOAT;
        if (!isFloat && array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("checkpoints hold float or double arrays, not " + array.dataType());
        }
        long[] shape = array.shape();
        int bytes = Math.toIntExact(6 + 8L * shape.length + array.length() * (isFloat ? 4 : 8));
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(MAGIC).put(isFloat ? FLOAT : DOUBLE).put((byte) shape.length);
        for (long d : shape) {
            out.putLong(d);
        }
        INDArray c = array.dup('c');
        try {
            if (isFloat) {
                out.asFloatBuffer().put(c.data().asFloat());
            } else {
                out.asDoubleBuffer().put(c.data().asDouble());
            }
        } finally {
            c.close();
        }
        return out.array();
    }

    /** Decodes what {@link #encode} wrote; anything else is an {@link IOException} saying what is wrong. */
    static INDArray decode(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IOException("not an array written by trainscope");
            }
            byte type = in.get();
            int rank = in.get();
            if ((type != FLOAT && type != DOUBLE) || rank < 1 || rank > MAX_RANK) {
                throw new IOException("unknown array type " + type + " or rank " + rank);
            }
            long[] shape = new long[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = in.getLong();
                if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                    throw new IOException("bad dimension " + shape[i]);
                }
                count = Math.multiplyExact(count, shape[i]);
            }
            long expected = count * (type == FLOAT ? 4 : 8);
            if (expected != in.remaining()) {
                throw new IOException("the array declares " + count + " values but holds " + in.remaining() + " bytes");
            }
            return type == FLOAT ? floats(in, (int) count, shape) : doubles(in, (int) count, shape);
        } catch (BufferUnderflowException | ArithmeticException e) {
            throw new IOException("the array's header is cut short or malformed", e);
        }
    }

    private static INDArray floats(ByteBuffer in, int count, long[] shape) {
        float[] values = new float[count];
        in.asFloatBuffer().get(values);
        return Nd4j.create(values, shape, 'c');
    }

    private static INDArray doubles(ByteBuffer in, int count, long[] shape) {
        double[] values = new double[count];
        in.asDoubleBuffer().get(values);
        return Nd4j.create(values, shape, 'c');
    }
}
