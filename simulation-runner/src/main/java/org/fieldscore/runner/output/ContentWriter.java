package org.fieldscore.runner.output;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the whole content of one output file to a stream. The stream is closed by the caller. */
@FunctionalInterface
public interface ContentWriter {

    /**
     * @param out the stream of the temporary file that becomes the output file once this method returns
     * @throws IOException when writing fails; the output file is then not created
     */
    void writeTo(OutputStream out) throws IOException;
}
