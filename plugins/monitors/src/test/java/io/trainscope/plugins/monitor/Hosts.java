package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.HostArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Host copies of test matrices, in the array's own memory order as the core makes them. */
final class Hosts {

    private Hosts() {
    }

    /** A host copy of a matrix or vector, column-major when the array is a Fortran-ordered matrix. */
    static HostArray of(INDArray a) {
        boolean columnMajor = a.rank() == 2 && a.ordering() == 'f' && a.rows() > 1;
        INDArray ordered = a.castTo(DataType.FLOAT).dup(columnMajor ? 'f' : 'c');
        float[] values = columnMajor ? ordered.transpose().dup('c').reshape(-1).toFloatVector() : ordered.reshape(-1).toFloatVector();
        int rows = a.rank() == 2 ? (int) a.rows() : 1;
        int columns = a.rank() == 2 ? (int) a.columns() : (int) a.length();
        return new HostArray(values, rows, columns, columnMajor);
    }
}
